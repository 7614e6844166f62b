import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/catalogue';
import type { AppState, FinetuneRecord } from '../../state/store';
import { renderWithLab } from '../kit/testing';
import { TicketsPanel } from './TicketsPanel';

const record = (kind: FinetuneRecord['kind'], sparsity: number, afterValAcc: number): FinetuneRecord => ({
  kind,
  criterion: 'magnitude',
  sparsity,
  beforeValAcc: 0.9,
  afterValAcc,
  afterTrainAcc: 0.9,
});
const progress = (fraction: number) => ({
  stage: 'training' as const,
  epoch: 1,
  epochs: 2,
  batch: 1,
  batchesPerEpoch: 10,
  samplesPerSec: 1,
  etaSec: 1,
  fraction,
});

/** A lottery search running job `step` (0-based) of 3, that job `fraction` done, with `log` so far. */
const lottery =
  (step: number, fraction: number, log: FinetuneRecord[] = []) =>
  (s: AppState): AppState => ({
    ...s,
    phase: 'done',
    pruning: { ...s.pruning, status: 'ready' },
    experiments: {
      ...s.experiments,
      log,
      series: { kind: 'lottery', criterion: 'magnitude', status: 'running', step, total: 3 },
      finetune: {
        jobId: 1,
        kind: 'ticket',
        criterion: 'magnitude',
        status: 'running',
        sparsity: 0.5,
        progress: progress(fraction),
        result: null,
        error: null,
      },
    },
  });

describe('TicketsPanel', () => {
  it('shows a running search as its stage over a bar of the whole search (jobs done plus this job’s part)', () => {
    const { update } = renderWithLab(<TicketsPanel />, { state: lottery(1, 0.5) });
    const stage = translate('en', 'tickets.stage.lottery', { step: 2, total: 3 });
    expect(screen.getByTestId('tickets.stage').textContent).toBe(`${stage}…`);
    const bar = screen.getByRole('progressbar', { name: stage });
    expect(bar.dataset.testid).toBe('tickets.progress');
    expect(bar.getAttribute('aria-valuenow')).toBe('50');
    update(lottery(2, 0.25));
    expect(screen.getByTestId('tickets.progress').getAttribute('aria-valuenow')).toBe(
      String(Math.round(((2 + 0.25) / 3) * 100)),
    );
  });

  it('cancels through the controller, and once stopped shows the status and no bar', () => {
    const { update, calls } = renderWithLab(<TicketsPanel />, { state: lottery(0, 0) });
    fireEvent.click(screen.getByTestId('tickets.cancel'));
    expect(calls('cancelJob')).toHaveBeenCalledOnce();
    update((s) => ({
      ...s,
      experiments: {
        ...s.experiments,
        series: { ...s.experiments.series!, status: 'cancelled' },
        finetune: { ...s.experiments.finetune!, status: 'done' },
      },
    }));
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(screen.getByTestId('tickets.status').textContent).toBe(
      translate('en', 'experiments.status.lottery.cancelled'),
    );
  });

  it('tabulates each round: the ticket’s sparsity and accuracy beside the re-initialised network’s', () => {
    const log = [
      record('ticket', 0.2, 0.95),
      record('reinit', 0.2, 0.9),
      record('ticket', 0.36, 0.94),
      record('reinit', 0.36, 0.85),
      record('one-shot', 0.5, 0.5),
    ];
    renderWithLab(<TicketsPanel />, { state: lottery(2, 0, log) });
    const table = screen.getByTestId('tickets.table');
    const cells = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => [...r.children].map((c) => c.textContent));
    expect(cells).toEqual([
      ['1', '20.0%', '95.0%', '90.0%'],
      ['2', '36.0%', '94.0%', '85.0%'],
    ]);
  });
});
