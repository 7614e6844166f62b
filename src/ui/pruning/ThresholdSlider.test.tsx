import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/catalogue';
import type { AppState, Settings } from '../../state/store';
import { renderWithLab, type LabRender } from '../kit/testing';
import { ThresholdSlider } from './ThresholdSlider';

/** The slider on sparsity (no scores needed), at `sparsity`, the network loaded. */
const at =
  (sparsity: number, settings: Partial<Settings> = {}) =>
  (s: AppState): AppState => ({
    ...s,
    settings: { ...s.settings, mode: 'sparsity', sparsity, ...settings },
    pruning: { ...s.pruning, status: 'ready' },
  });

/** A keyboard step as the browser makes it: the range input's value moves by one, then the key comes up. */
const step = (lab: LabRender, slider: HTMLInputElement, by: number) => {
  fireEvent.change(slider, { target: { value: String(Number(slider.value) + by) } });
  // The controller's part, faked: the settings follow the move.
  lab.update((s) => ({ ...s, settings: { ...s.settings, ...(lab.calls('updateSettings').mock.lastCall?.[0] ?? {}) } }));
  fireEvent.keyUp(slider, { key: by > 0 ? 'ArrowRight' : 'ArrowLeft' });
};

describe('ThresholdSlider', () => {
  it('steps the target sparsity by 0.1% a key press, the URL written once the key is up', () => {
    const lab = renderWithLab(<ThresholdSlider />, { state: at(0.5) });
    const slider = screen.getByRole('slider', {
      name: translate('en', 'slider.label.sparsity.weights'),
    }) as HTMLInputElement;
    expect([slider.value, slider.max]).toEqual(['500', '999']);
    expect(slider.getAttribute('aria-valuetext')).toBe(
      translate('en', 'slider.value.sparsity.weights', { pct: '50.0%' }),
    );
    step(lab, slider, 1);
    expect(lab.calls('updateSettings').mock.calls).toEqual([
      [{ sparsity: 0.501 }, false],
      [{}, true],
    ]);
    expect(slider.value).toBe('501');
    expect(slider.getAttribute('aria-valuetext')).toBe(
      translate('en', 'slider.value.sparsity.weights', { pct: '50.1%' }),
    );
    expect((screen.getByTestId('controls.threshold.number') as HTMLInputElement).value).toBe('50.1');
    step(lab, slider, -2);
    expect(slider.value).toBe('499');
    expect(lab.calls('updateSettings').mock.calls.slice(2)).toEqual([
      [{ sparsity: 0.499 }, false],
      [{}, true],
    ]);
  });

  it('ends at 99.9% (all pruned would leave no network)', () => {
    renderWithLab(<ThresholdSlider />, { state: at(0.999) });
    const slider = screen.getByRole('slider') as HTMLInputElement;
    expect([slider.value, slider.max]).toEqual(['999', '999']);
  });

  it('reads a larger target of a link as 50% under 2:4, where its steps end', () => {
    renderWithLab(<ThresholdSlider />, { state: at(0.9, { granularity: '2:4' }) });
    const slider = screen.getByRole('slider') as HTMLInputElement;
    expect([slider.value, slider.max]).toEqual(['500', '500']);
  });

  it('takes a typed percentage, and refuses one out of range inline without changing the setting', () => {
    const lab = renderWithLab(<ThresholdSlider />, { state: at(0.5) });
    const field = screen.getByTestId('controls.threshold.number');
    fireEvent.change(field, { target: { value: '45.5' } });
    expect(lab.calls('updateSettings')).toHaveBeenCalledExactlyOnceWith({ sparsity: 0.455 });
    fireEvent.change(field, { target: { value: '100' } });
    expect(lab.calls('updateSettings')).toHaveBeenCalledOnce();
    expect(screen.getByRole('alert').textContent).toBe(translate('en', 'slider.error.sparsity', { raw: '100' }));
    fireEvent.blur(field);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('is disabled until the network is loaded', () => {
    renderWithLab(<ThresholdSlider />, {
      state: (s) => ({ ...at(0.5)(s), pruning: { ...s.pruning, status: 'loading' } }),
    });
    expect((screen.getByRole('slider') as HTMLInputElement).disabled).toBe(true);
  });
});
