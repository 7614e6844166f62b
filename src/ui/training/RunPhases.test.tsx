import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/catalogue';
import { initialSweep, type AppState } from '../../state/store';
import { renderWithLab } from '../kit/testing';
import { RunPhases } from './RunPhases';

const en = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate('en', key, params);
const withSweep =
  (sweep: Partial<AppState['sweep']>) =>
  (s: AppState): AppState => ({ ...s, phase: 'done', sweep: { ...initialSweep(), ...sweep } });

describe('the curves phase', () => {
  it('says it is starting until the sweep names its points (a fast run ends before it has), then counts them', () => {
    const first = renderWithLab(<RunPhases />, { state: withSweep({ status: 'running', done: 0, total: 0 }) });
    const row = () => screen.getByTestId('progress.phase.curves');
    expect(row().textContent).toContain(en('phases.curves.starting'));
    expect(row().textContent).not.toContain('0/0');
    first.unmount();
    renderWithLab(<RunPhases />, { state: withSweep({ status: 'running', done: 52, total: 1155 }) });
    expect(row().textContent).toContain(en('phases.curves.progress', { done: 52, total: 1155 }));
  });
});
