import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/catalogue';
import type { AppState } from '../../state/store';
import { renderWithLab } from '../kit/testing';
import { HiddenLayersField } from './HiddenLayersField';

const withHidden = (hidden: number[]) => (s: AppState) => ({ ...s, settings: { ...s.settings, hidden } });
const field = (i: number) => screen.getByTestId(`controls.hidden.${i}`) as HTMLInputElement;

describe('the hidden layers field', () => {
  it('shows one width per layer; a typed width, an added or a removed layer go to the settings', () => {
    const lab = renderWithLab(<HiddenLayersField disabled={false} inputs={784} classes={10} />, {
      state: withHidden([64, 32]),
    });
    expect([field(0).value, field(1).value]).toEqual(['64', '32']);
    expect(screen.getByRole('textbox', { name: translate('en', 'hidden.layer', { n: 2 }) })).toBe(field(1));
    fireEvent.change(field(1), { target: { value: '16' } });
    expect(lab.calls('updateSettings').mock.calls.at(-1)).toEqual([{ hidden: [64, 16] }]);
    fireEvent.click(screen.getByTestId('controls.hidden.add'));
    expect(lab.calls('updateSettings').mock.calls.at(-1)).toEqual([{ hidden: [64, 32, 32] }]);
    fireEvent.click(screen.getByRole('button', { name: translate('en', 'hidden.remove', { n: 1 }) }));
    expect(lab.calls('updateSettings').mock.calls.at(-1)).toEqual([{ hidden: [32] }]);
    lab.update(withHidden([32, 32, 16, 16]));
    expect([0, 1, 2, 3].map((i) => field(i).value)).toEqual(['32', '32', '16', '16']);
  });

  it('refuses a width outside 1–512 or not whole with the form’s message, keeping the last one', () => {
    const lab = renderWithLab(<HiddenLayersField disabled={false} inputs={784} classes={10} />, {
      state: withHidden([64, 32]),
    });
    for (const [typed, error] of [
      ['0', 'Hidden layers: 0 is outside 1–512; keeping 64.'],
      ['513', 'Hidden layers: 513 is outside 1–512; keeping 64.'],
      ['1.5', 'Hidden layers: 1.5 is not a whole number; keeping 64.'],
      ['8,8', 'Hidden layers: "8 8" is not a number; keeping 64.'],
    ]) {
      fireEvent.change(field(0), { target: { value: typed } });
      expect(screen.getByRole('alert').textContent).toBe(error);
      expect(field(0).getAttribute('aria-invalid')).toBe('true');
    }
    expect(lab.calls('updateSettings')).not.toHaveBeenCalled();
    fireEvent.change(field(0), { target: { value: '128' } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(lab.calls('updateSettings').mock.calls).toEqual([[{ hidden: [128, 32] }]]);
  });

  it('keeps 1 to 6 layers: no remove at one, no add at six; nothing while a run trains', () => {
    const one = renderWithLab(<HiddenLayersField disabled={false} inputs={784} classes={10} />, {
      state: withHidden([8]),
    });
    expect((screen.getByTestId('controls.hidden.remove.0') as HTMLButtonElement).disabled).toBe(true);
    one.unmount();
    const six = renderWithLab(<HiddenLayersField disabled={false} inputs={784} classes={10} />, {
      state: withHidden([1, 2, 3, 4, 5, 6]),
    });
    expect((screen.getByTestId('controls.hidden.add') as HTMLButtonElement).disabled).toBe(true);
    six.unmount();
    renderWithLab(<HiddenLayersField disabled={true} inputs={784} classes={10} />, { state: withHidden([64, 32]) });
    expect(field(0).disabled && (screen.getByTestId('controls.hidden.add') as HTMLButtonElement).disabled).toBe(true);
  });

  it('says when the network is large (the slider’s limit) or has a layer the fused step does not take', () => {
    const small = renderWithLab(<HiddenLayersField disabled={false} inputs={784} classes={10} />, {
      state: withHidden([128, 64]), // 109,184 weights
    });
    expect(screen.queryByTestId('controls.hidden.large')).toBeNull();
    small.update(withHidden([256, 128])); // 234,752 weights
    expect(screen.getByTestId('controls.hidden.large').textContent).toBe(
      translate('en', 'hidden.large', { weights: 234752, limit: 200000 }),
    );
    small.update(withHidden([300])); // 238,200 weights, and wider than 256
    expect(screen.getByTestId('controls.hidden.large').textContent).toBe(
      `${translate('en', 'hidden.large', { weights: 238200, limit: 200000 })} ${translate('en', 'hidden.wide', { max: 256 })}`,
    );
    small.unmount();
    renderWithLab(<HiddenLayersField disabled={false} inputs={32} classes={10} />, { state: withHidden([300]) });
    expect(screen.getByTestId('controls.hidden.large').textContent).toBe(translate('en', 'hidden.wide', { max: 256 }));
  });
});
