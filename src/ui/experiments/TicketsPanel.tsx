import { ticketSparsity } from '../../core/prune';
import { sliderTarget } from '../../state/experiments';
import type { FinetuneRecord } from '../../state/store';
import { useAppState, useController, useT } from '../kit/context';
import { pct } from '../kit/format';
import { Help, helpId } from '../kit/Help';
import { JobProgress } from '../kit/JobProgress';
import { NumberField } from '../kit/NumberField';
import { RichText } from '../kit/RichText';
import { StatsTable } from '../kit/StatsTable';
import { TargetLabel } from '../pruning/TargetLabel';

/** The accuracy of the i-th logged record of a kind (the last for i = −1), or a dash. */
const nth = (log: readonly FinetuneRecord[], kind: FinetuneRecord['kind'], i: number) => {
  const r = log.filter((x) => x.kind === kind).at(i);
  return r ? pct(r.afterValAcc) : '–';
};

/**
 * Pruning before training: SNIP at initialisation beside its shuffled-mask check, and a lottery-ticket
 * search (rounds, rate, rewind point from the settings), each round against a random re-initialisation.
 * The jobs and their points are the experiments slice's; the chart draws the points.
 */
export function TicketsPanel() {
  const c = useController();
  const t = useT();
  const log = useAppState((s) => s.experiments.log);
  const series = useAppState((s) => s.experiments.series);
  const ft = useAppState((s) => s.experiments.finetune);
  const ready = useAppState((s) => s.pruning.status === 'ready' && s.phase === 'done');
  const epochs = useAppState((s) => s.runConfig?.epochs ?? s.settings.epochs);
  const rounds = useAppState((s) => s.settings.ticketRounds);
  const rate = useAppState((s) => s.settings.ticketRate);
  const rewind = useAppState((s) => s.settings.ticketRewind);
  const busy = ft?.status === 'running';
  const mine = series && (series.kind === 'snip' || series.kind === 'lottery') ? series : null;
  const running = mine?.status === 'running';
  const fraction = running ? (mine.step + (ft?.progress?.fraction ?? 0)) / mine.total : 0;
  const stage = running
    ? t(mine.kind === 'snip' ? 'tickets.stage.snip' : 'tickets.stage.lottery', {
        step: mine.step + 1,
        total: mine.total,
      })
    : '';
  const tickets = log.filter((r) => r.kind === 'ticket');
  const rows = Array.from(
    { length: Math.max(tickets.length, log.filter((r) => r.kind === 'reinit').length) },
    (_, i) => ({
      sparsity: pct(tickets[i]?.sparsity ?? NaN),
      ticket: nth(log, 'ticket', i),
      reinit: nth(log, 'reinit', i),
    }),
  );
  const lotteryLevels = Array.from({ length: rounds }, (_, r) => pct(ticketSparsity(rate, r + 1), 1)).join(
    t('experiments.curve.separator'),
  );
  const snipSparsity = log.filter((r) => r.kind === 'snip').at(-1)?.sparsity;
  return (
    <section className="panel tickets" aria-labelledby="tickets-title" data-testid="tickets">
      <h2 id="tickets-title">{t('tickets.title')}</h2>
      <p className="muted">{t('tickets.lead')}</p>

      <h3>{t('tickets.snip.title')}</h3>
      <div className="buttons">
        <button
          type="button"
          data-testid="tickets.snip"
          disabled={!ready || busy}
          onClick={() => void c.snip(sliderTarget(c.store.getState()))}
          aria-describedby={helpId('tickets.snip')}
        >
          <TargetLabel id="tickets.snip" />
        </button>
        <Help id="tickets.snip" label={t('tickets.snip.title')} text={t('tickets.snip.help', { epochs })} />
      </div>
      {snipSparsity !== undefined && (
        <p data-testid="tickets.snip.result">
          <RichText
            text={t('tickets.snip.result', {
              sparsity: pct(snipSparsity),
              snip: nth(log, 'snip', -1),
              shuffled: nth(log, 'snip-shuffled', -1),
            })}
          />
        </p>
      )}

      <h3>{t('tickets.lottery.title')}</h3>
      <div className="field-grid">
        <NumberField
          name="ticketRounds"
          value={rounds}
          disabled={busy}
          onCommit={(v) => c.updateSettings({ ticketRounds: v })}
        />
        <NumberField
          name="ticketRate"
          value={rate}
          disabled={busy}
          onCommit={(v) => c.updateSettings({ ticketRate: v })}
        />
        <NumberField
          name="ticketRewind"
          value={rewind}
          disabled={busy}
          onCommit={(v) => c.updateSettings({ ticketRewind: v })}
        />
      </div>
      <div className="buttons">
        <button
          type="button"
          data-testid="tickets.lottery"
          disabled={!ready || busy}
          onClick={() => void c.lottery({ rounds, rate, rewind, epochs })}
          aria-describedby={helpId('tickets.lottery')}
        >
          {t('tickets.lottery', { rounds })}
        </button>
        <Help
          id="tickets.lottery"
          label={t('tickets.lottery.title')}
          text={t('tickets.lottery.help', { levels: lotteryLevels, epochs })}
        />
        {running && busy && (
          <button type="button" data-testid="tickets.cancel" onClick={() => c.cancelJob()}>
            {t('experiments.cancel')}
          </button>
        )}
      </div>
      {running && (
        <JobProgress label={stage} fraction={fraction} testid="tickets.progress" stageTestid="tickets.stage" />
      )}
      {mine && mine.status !== 'running' && (
        <p className="muted" data-testid="tickets.status">
          {t(`experiments.status.${mine.kind}.${mine.status}`)}
        </p>
      )}
      {rows.length > 0 && (
        <StatsTable
          testid="tickets.table"
          columns={[
            t('tickets.col.round'),
            t('experiments.log.sparsity'),
            t('tickets.col.ticket'),
            t('tickets.col.reinit'),
          ]}
          rows={rows.map((r, i) => [i + 1, r.sparsity, r.ticket, r.reinit])}
        />
      )}
    </section>
  );
}
