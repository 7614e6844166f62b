import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { translate } from '../i18n/catalogue';
import { createUpdates } from '../state/offline/update';
import { startRun } from '../state/store';
import { renderWithLab } from './kit/testing';
import { UpdateNotice } from './UpdateNotice';

describe('UpdateNotice', () => {
  it('appears when a new version waits and applies it on Reload when nothing would be lost', () => {
    const updates = createUpdates();
    let applied = 0;
    renderWithLab(<UpdateNotice updates={updates} />);
    expect(screen.queryByTestId('update.notice')).toBeNull();
    act(() => updates.found(() => applied++));
    expect(screen.getByRole('status')).toHaveProperty(
      'textContent',
      expect.stringContaining(translate('en', 'update.ready')),
    );
    expect(applied).toBe(0);
    fireEvent.click(screen.getByRole('button', { name: translate('en', 'update.reload') }));
    expect(applied).toBe(1);
    expect(screen.queryByTestId('update.notice')).toBeNull();
  });

  it('during a run, Reload asks first (focus on Later); Later keeps the run and hides the notice', () => {
    const updates = createUpdates();
    let applied = 0;
    renderWithLab(<UpdateNotice updates={updates} />, {
      state: (s) => ({ ...startRun(s, 1, null), phase: 'training' }),
    });
    act(() => updates.found(() => applied++));
    fireEvent.click(screen.getByRole('button', { name: translate('en', 'update.reload') }));
    const question = screen.getByRole('alertdialog');
    expect(question.textContent).toContain(translate('en', 'update.loses.run'));
    const later = screen.getByRole('button', { name: translate('en', 'update.later') });
    expect(document.activeElement).toBe(later);
    expect(applied).toBe(0);
    fireEvent.click(later);
    expect(applied).toBe(0);
    expect(screen.queryByTestId('update.notice')).toBeNull();
  });

  it('"Reload anyway" applies the update after the question', () => {
    const updates = createUpdates();
    let applied = 0;
    renderWithLab(<UpdateNotice updates={updates} />, { state: (s) => ({ ...s, origin: { kind: 'trained' } }) });
    act(() => updates.found(() => applied++));
    fireEvent.click(screen.getByRole('button', { name: translate('en', 'update.reload') }));
    expect(screen.getByRole('alertdialog').textContent).toContain(translate('en', 'update.loses.work'));
    fireEvent.click(screen.getByRole('button', { name: translate('en', 'update.reloadAnyway') }));
    expect(applied).toBe(1);
  });
});
