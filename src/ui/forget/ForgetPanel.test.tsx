import { fireEvent, screen, within } from '@testing-library/react';
import { act } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { rowOutputs, sparseFeatures } from '../../core/eval';
import { translate } from '../../i18n/catalogue';
import type { AppState, PruneView, Settings } from '../../state/store';
import { renderWithLab, settleViews } from '../kit/testing';
import { ForgetPanel } from './ForgetPanel';
import { REST_MS } from './useRested';

// Three classes, four validation rows (sample numbers 40–43), two features.
const y = Uint8Array.of(0, 1, 2, 0);
const dense = Float64Array.of(3, 0, 0, /**/ 0, 2, 0, /**/ 1, 0, 0, /**/ 2, 0, 0); // right, right, wrong, right
const pruned = Float64Array.of(0, 3, 0, /**/ 0, 2, 0, /**/ 0, 0, 1, /**/ 2, 0, 0); // row 0 forgotten, row 2 newly right
const x = Float32Array.of(0.5, 0, 0, 1, 0.25, 0.75, 1, 1);

/** Per-class accuracy of logits, as the evaluator counts it. */
const perClass = (logits: Float64Array) => {
  const { pred } = rowOutputs(logits, y, 4, 3);
  return [0, 1, 2].map((c) => {
    const rows = [0, 1, 2, 3].filter((r) => y[r] === c);
    return rows.filter((r) => pred[r] === c).length / rows.length;
  });
};

/** A network loaded and the slider at a position whose logits are `logits`; `settings` on top. */
const loaded =
  (logits: Float64Array, settings: Partial<Settings> = {}) =>
  (s: AppState): AppState => ({
    ...s,
    settings: { ...s.settings, ...settings },
    dataset: {
      name: 'synthetic-32',
      seed: 1,
      trainIndices: Uint32Array.of(0),
      valIndices: Uint32Array.of(40, 41, 42, 43),
    },
    pruning: {
      ...s.pruning,
      status: 'ready',
      forget: {
        val: { features: sparseFeatures(x, 4, 2), y, n: 4 },
        classes: 3,
        denseLogits: dense,
        dense: rowOutputs(dense, y, 4, 3),
      },
      dense: { train: null, val: { accuracy: 0.75, loss: 0, perClass: perClass(dense) } },
      view: { id: 1, logits, val: { perClass: perClass(logits) }, report: { sparsity: 0.5 } } as unknown as PruneView,
    },
  });

const en = (key: Parameters<typeof translate>[1], params?: Parameters<typeof translate>[2]) =>
  translate('en', key, params);

describe('ForgetPanel', () => {
  it('says what to do before a network is loaded', () => {
    renderWithLab(<ForgetPanel />);
    expect(screen.getByText(en('forget.idle'))).toBeTruthy();
  });

  it('shows each class dense vs pruned, the class that loses marked, and the counts behind them', () => {
    renderWithLab(<ForgetPanel />, { state: loaded(pruned) });
    const row0 = screen.getByTestId('forget.class.0');
    expect([row0.dataset.dense, row0.dataset.pruned, row0.dataset.count, row0.dataset.lost]).toEqual([
      '2',
      '1',
      '2',
      'true',
    ]);
    expect(within(row0).getByText('100.0%')).toBeTruthy();
    expect(within(row0).getByText('50.0%')).toBeTruthy();
    expect(within(row0).getByText(en('forget.delta', { sign: '−', d: '50.0' }))).toBeTruthy();
    // Class 2 gains: not marked.
    expect(screen.getByTestId('forget.class.2').dataset.lost).toBe('false');
    expect(screen.getByTestId('forget.summary').textContent).toBe(
      en('forget.summary', { forgotten: 1, newly: 1, n: 4 }),
    );
  });

  it('moves the per-class table with the slider at once, the examples once it rests', () => {
    vi.useFakeTimers();
    try {
      const lab = renderWithLab(<ForgetPanel />, { state: loaded(dense) }); // nothing pruned yet
      expect(screen.getByTestId('forget.summary').dataset.forgotten).toBe('0');
      lab.update(loaded(pruned));
      expect(screen.getByTestId('forget.class.0').dataset.pruned).toBe('1'); // at once
      expect(screen.getByTestId('forget.summary').dataset.forgotten).toBe('0'); // not yet: shown as stale
      expect(screen.getByTestId('forget.summary').closest('[data-stale]')!.getAttribute('data-stale')).toBe('true');
      act(() => vi.advanceTimersByTime(REST_MS));
      expect(screen.getByTestId('forget.summary').dataset.forgotten).toBe('1');
      expect(screen.getByTestId('forget.summary').closest('[data-stale]')!.getAttribute('data-stale')).toBe('false');
    } finally {
      vi.useRealTimers();
    }
  });

  it('lists the forgotten example and opens its class probabilities, dense vs pruned', () => {
    renderWithLab(<ForgetPanel />, { state: loaded(pruned) });
    expect(screen.getByTestId('forget.forgotten').dataset.count).toBe('1');
    const example = screen.getByRole('button', {
      name: en('forget.example.label', { sample: 40, label: '0', dense: '0', pruned: '1' }),
    });
    expect(screen.queryByTestId('forget.probs')).toBeNull();
    fireEvent.click(example);
    const probs = screen.getByTestId('forget.probs');
    expect(within(probs).getByText(en('forget.probs.caption', { sample: 40, label: '0' }))).toBeTruthy();
    // Row 0: dense softmax(3, 0, 0) → e³/(e³ + 2) = 90.9% for class 0; pruned softmax(0, 3, 0) → 1/(e³ + 2) = 4.5%.
    const cells = within(screen.getByTestId('forget.prob.0')).getAllByRole('cell');
    expect(cells.map((c) => c.textContent)).toEqual(['90.9%', '4.5%']);
    expect(screen.getByTestId('forget.newlyRight').dataset.count).toBe('1');
  });

  it('selects a class from the table, and lists only that class’s examples when one is selected', async () => {
    const lab = renderWithLab(<ForgetPanel />, { state: loaded(pruned) });
    fireEvent.click(within(screen.getByTestId('forget.class.1')).getByRole('button', { name: '1' }));
    expect(lab.calls('updateSettings').mock.calls).toEqual([[{ forgetClass: 1 }]]);
    lab.update(loaded(pruned, { forgetClass: 2 }));
    await settleViews(); // the examples follow in a task of their own
    expect(screen.getByTestId('forget.forgotten').dataset.count).toBe('0');
    expect(screen.getByTestId('forget.newlyRight').dataset.count).toBe('1');
    expect((screen.getByTestId('forget.class') as HTMLSelectElement).value).toBe('2');
  });

  it('shows the confusions pruning adds, and the dense and pruned matrices', () => {
    renderWithLab(<ForgetPanel />, { state: loaded(pruned) });
    expect(screen.getByTestId('forget.cell.0.1').textContent).toBe('+1'); // a 0 now read as 1
    expect(screen.getByTestId('forget.cell.0.0').textContent).toBe('-1');
    fireEvent.click(screen.getByRole('button', { name: en('forget.confusion.dense') }));
    expect(screen.getByTestId('forget.cell.0.0').textContent).toBe('2');
    expect(screen.getByTestId('forget.cell.2.0').textContent).toBe('1');
  });

  it('asks for the per-class curves when the curves have none (a snapshot’s)', () => {
    const lab = renderWithLab(<ForgetPanel />, { state: loaded(pruned) });
    fireEvent.click(screen.getByRole('button', { name: en('forget.curves.compute') }));
    expect(lab.calls('classCurves').mock.calls).toHaveLength(1);
    const point = (sparsity: number, perClass: number[]) => ({
      target: sparsity,
      sparsity,
      threshold: 0,
      accuracy: 0,
      loss: 0,
      perClass,
    });
    lab.update((s) => ({
      ...s,
      sweep: {
        ...s.sweep,
        status: 'done',
        curves: {
          gradient: { val: [point(0, [1, 1, 0]), point(0.5, [0.5, 1, 0]), point(0.9, [0, 0.9, 0])], train: [] },
        },
      },
    }));
    expect(screen.getByTestId('forget.curve.0').dataset.falls).toBe('0.5');
    expect(screen.getByTestId('forget.curve.1').dataset.falls).toBe('0.9');
    expect(screen.getByTestId('forget.curve.2').dataset.falls).toBe('');
  });
});
