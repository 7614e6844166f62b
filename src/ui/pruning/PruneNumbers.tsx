import { Fragment, type ReactNode } from 'react';
import type { Translator } from '../../i18n/catalogue';
import type { SplitEval } from '../../state/store';
import { CollapseHelp } from './CollapseHelp';
import { useAppState, useT } from '../kit/context';
import { formatSci, int, pct } from '../kit/format';
import { Help } from '../kit/Help';
import { RepairNote } from './RepairNote';
import { SpeedLine } from '../speed/SpeedLine';
import { StatsTable } from '../kit/StatsTable';

const kb = (bytes: number) => (bytes / 1024).toFixed(1);
const delta = (t: Translator, now: number, base: number) => {
  const d = (now - base) * 100;
  return t('numbers.delta', { sign: d >= 0 ? '+' : '−', d: Math.abs(d).toFixed(1) });
};

/**
 * A translated sentence with elements in it: `parts` go in as markers, the translation places them (word
 * order differs between languages), and each marker becomes its element.
 */
function Sentence({
  text,
  parts,
}: {
  text: (marks: Record<string, string>) => string;
  parts: Record<string, ReactNode>;
}) {
  const names = Object.keys(parts);
  const marks = Object.fromEntries(names.map((n, i) => [n, `\u0000${i}\u0000`]));
  const pieces = text(marks).split('\u0000');
  return (
    <Fragment>
      {pieces.map((p, i) => (i % 2 === 1 ? <Fragment key={i}>{parts[names[Number(p)]]}</Fragment> : p))}
    </Fragment>
  );
}

function AccuracyRow({
  label,
  now,
  before,
  dense,
  testid,
}: {
  label: string;
  now: SplitEval | null;
  before?: SplitEval | null;
  dense: SplitEval | undefined;
  testid: string;
}) {
  const t = useT();
  // While a newer position is being evaluated, the previous figures stay, greyed.
  const shown = now ?? before ?? null;
  return (
    <tr
      data-testid={testid}
      data-accuracy={now?.accuracy ?? ''}
      className={now ? undefined : 'stale'}
      title={now ? undefined : t('numbers.updating.row')}
    >
      <th scope="row">{label}</th>
      <td>{dense ? pct(dense.accuracy, 2) : '–'}</td>
      <td>{shown ? pct(shown.accuracy, 2) : '…'}</td>
      <td>{shown && dense ? delta(t, shown.accuracy, dense.accuracy) : ''}</td>
      <td>{shown ? shown.loss.toFixed(3) : '…'}</td>
    </tr>
  );
}

/** Sparsity, storage, compute and accuracy of the current mask, against the dense network. */
export function PruneNumbers() {
  const t = useT();
  const view = useAppState((s) => s.pruning.view);
  const dense = useAppState((s) => s.pruning.dense);
  const requested = useAppState((s) => s.pruning.requested);
  const granularity = useAppState((s) => s.settings.granularity);
  const scoring = useAppState((s) => s.scoring);
  const engine = useAppState((s) => s.pruning.engine);
  const layerNames = scoring?.layers.map((l) => l.name) ?? [];
  if (!view || !dense) return null;
  const r = view.report;
  const stale = view.id < requested;
  const collapsed = r.layers.map((l, i) => (l.collapsed ? layerNames[i] : null)).filter(Boolean);
  // Units pruned on purpose (neuron granularity) are not news: only the ones left without a path are.
  const dead = r.strandedUnits.reduce((a, b) => a + b, 0);
  return (
    <div className="prune-numbers" data-testid="prune.numbers" data-stale={stale} aria-live="polite">
      <p className="big-number">
        <Sentence
          text={(m) => t('numbers.summary', { ...m, total: int(r.total) })}
          parts={{
            sparsity: (
              <span data-testid="prune.sparsity" data-value={r.sparsity}>
                {pct(r.sparsity)}
              </span>
            ),
            live: <span data-testid="prune.live">{int(r.live)}</span>,
          }}
        />
        {stale && <span className="muted"> {t('numbers.updating')}</span>}
      </p>
      <RepairNote />
      {(r.collapse || dead > 0) && (
        <div className={r.collapse ? 'notice notice-error' : 'notice'} role="alert" data-testid="prune.collapse">
          {collapsed.length > 0 && (
            <div>
              {t('numbers.collapse', { layers: collapsed.join(t('numbers.list.separator')), n: collapsed.length })}
            </div>
          )}
          {r.disconnected && <div>{t('numbers.disconnected')}</div>}
          {dead > 0 && <div>{t('numbers.stranded', { n: dead })}</div>}
          {r.collapse && <CollapseHelp />}
        </div>
      )}
      <StatsTable columns={[t('numbers.accuracy'), t('numbers.dense'), t('numbers.pruned'), 'Δ', t('numbers.loss')]}>
        <AccuracyRow label={t('split.val')} now={view.val} dense={dense.val} testid="prune.acc.val" />
        <AccuracyRow
          label={t('split.train')}
          now={view.train}
          before={view.trainBefore}
          dense={dense.train ?? undefined}
          testid="prune.acc.train"
        />
      </StatsTable>
      <StatsTable
        columns={[
          t('numbers.layer'),
          t('numbers.liveTotal'),
          t('numbers.layerPruned'),
          <>
            {t('numbers.firstKept')}{' '}
            <Help id="numbers.firstKept" label={t('numbers.firstKept')} text={t('numbers.firstKept.help')} />
          </>,
        ]}
      >
        {r.layers.map((l, i) => (
          <tr key={layerNames[i] ?? i} data-testid={`prune.layer.${i}`} data-sparsity={l.sparsity}>
            <th scope="row">{layerNames[i]}</th>
            <td>
              {int(l.live)} / {int(l.total)}
            </td>
            <td>{pct(l.sparsity)}</td>
            <td>
              {granularity !== 'neurons' && Number.isFinite(view.groupThresholds[i])
                ? formatSci(view.groupThresholds[i])
                : '–'}
            </td>
          </tr>
        ))}
      </StatsTable>
      <dl className="facts">
        <dt>{t('numbers.equivalentT')}</dt>
        <dd data-testid="prune.threshold">
          {Number.isFinite(view.threshold)
            ? formatSci(view.threshold)
            : t(
                view.spec.scope === 'per-layer'
                  ? 'scope.per-layer'
                  : view.spec.granularity === '2:4'
                    ? 'numbers.nmLimit'
                    : 'numbers.allPruned',
              )}
        </dd>
        <dt>
          {t('numbers.storage')}{' '}
          <Help id="numbers.storage" label={t('numbers.storage')} text={t('numbers.storage.help')} />
        </dt>
        <dd>{t('numbers.storage.value', { dense: kb(r.denseBytes), csr: kb(r.csrBytes) })}</dd>
        <dt>{t('numbers.macs')}</dt>
        <dd>
          {int(r.macsDense)} → {int(r.macsSparse)}
        </dd>
        <dt>
          {t('numbers.shapes')} <Help id="numbers.shapes" label={t('numbers.shapes')} text={t('numbers.shapes.help')} />
        </dt>
        <dd data-testid="prune.shapes">{r.shapes.join('-')}</dd>
        <dt>
          {t('numbers.evaluation')}{' '}
          <Help id="numbers.evaluation" label={t('numbers.evaluation')} text={t('numbers.evaluation.help')} />
        </dt>
        <dd data-testid="prune.evalTime" data-engine={engine ?? ''}>
          {t('numbers.evalTime', {
            ms: view.valMs.toFixed(1),
            pass: t(view.valFull ? 'numbers.pass.full' : 'numbers.pass.incremental'),
            engine: t(engine === 'wasm' ? 'numbers.engine.wasm' : 'numbers.engine.js'),
          })}
        </dd>
      </dl>
      <SpeedLine />
    </div>
  );
}
