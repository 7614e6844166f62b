import type { SplitEval } from '../state/pruningState';
import { CollapseHelp } from './CollapseHelp';
import { useAppState } from './context';
import { formatSci, int, pct } from './format';

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const delta = (now: number, base: number) => {
  const d = (now - base) * 100;
  return `${d >= 0 ? '+' : '−'}${Math.abs(d).toFixed(1)} pts`;
};

function AccuracyRow({ label, now, before, dense, testid }: { label: string; now: SplitEval | null; before?: SplitEval | null; dense: SplitEval | undefined; testid: string }) {
  // While a newer position is being evaluated, the previous figures stay, greyed.
  const shown = now ?? before ?? null;
  return (
    <tr data-testid={testid} data-accuracy={now?.accuracy ?? ''} className={now ? undefined : 'stale'} title={now ? undefined : 'Updating…'}>
      <th scope="row">{label}</th>
      <td>{dense ? pct(dense.accuracy, 2) : '–'}</td>
      <td>{shown ? pct(shown.accuracy, 2) : '…'}</td>
      <td>{shown && dense ? delta(shown.accuracy, dense.accuracy) : ''}</td>
      <td>{shown ? shown.loss.toFixed(3) : '…'}</td>
    </tr>
  );
}

/** Sparsity, storage, compute and accuracy of the current mask, against the dense network. */
export function PruneNumbers() {
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
        <span data-testid="prune.sparsity" data-value={r.sparsity}>
          {pct(r.sparsity)}
        </span>{' '}
        of weights pruned · <span data-testid="prune.live">{int(r.live)}</span> of {int(r.total)} live
        {stale && <span className="muted"> · updating…</span>}
      </p>
      {(r.collapse || dead > 0) && (
        <div className={r.collapse ? 'notice notice-error' : 'notice'} role="alert" data-testid="prune.collapse">
          {collapsed.length > 0 && <div>Layer collapse: {collapsed.join(', ')} {collapsed.length > 1 ? 'are' : 'is'} 100% pruned.</div>}
          {r.disconnected && <div>No input reaches the output any more: the network predicts the same for every sample.</div>}
          {dead > 0 && <div>{dead} hidden unit{dead > 1 ? 's' : ''} that no pruning removed {dead > 1 ? 'have' : 'has'} no live path from the inputs to the outputs any more.</div>}
          {r.collapse && <CollapseHelp />}
        </div>
      )}
      <table className="stats-table">
        <thead>
          <tr>
            <th scope="col">Accuracy</th>
            <th scope="col">dense</th>
            <th scope="col">pruned</th>
            <th scope="col">Δ</th>
            <th scope="col">loss</th>
          </tr>
        </thead>
        <tbody>
          <AccuracyRow label="validation" now={view.val} dense={dense.val} testid="prune.acc.val" />
          <AccuracyRow label="training" now={view.train} before={view.trainBefore} dense={dense.train} testid="prune.acc.train" />
        </tbody>
      </table>
      <table className="stats-table">
        <thead>
          <tr>
            <th scope="col">Layer</th>
            <th scope="col">live / total</th>
            <th scope="col">pruned</th>
            <th scope="col" title="Score of the first kept item in this layer">first kept score</th>
          </tr>
        </thead>
        <tbody>
          {r.layers.map((l, i) => (
            <tr key={layerNames[i] ?? i} data-testid={`prune.layer.${i}`} data-sparsity={l.sparsity}>
              <th scope="row">{layerNames[i]}</th>
              <td>
                {int(l.live)} / {int(l.total)}
              </td>
              <td>{pct(l.sparsity)}</td>
              <td>{granularity === 'weights' && Number.isFinite(view.groupThresholds[i]) ? formatSci(view.groupThresholds[i]) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl className="facts">
        <dt>Equivalent T</dt>
        <dd data-testid="prune.threshold">{Number.isFinite(view.threshold) ? formatSci(view.threshold) : view.spec.scope === 'per-layer' ? 'per layer' : 'all pruned'}</dd>
        <dt title="float32 kernels and biases vs. CSR (float32 values, int32 column indices and row pointers)">Storage</dt>
        <dd>
          {kb(r.denseBytes)} dense → {kb(r.csrBytes)} CSR
        </dd>
        <dt>Multiply-adds / sample</dt>
        <dd>
          {int(r.macsDense)} → {int(r.macsSparse)}
        </dd>
        <dt title="Layer sizes once dead hidden units are removed">Smaller dense network</dt>
        <dd data-testid="prune.shapes">{r.shapes.join('-')}</dd>
        <dt title="The worker's time to evaluate this mask on the validation set: incremental (only the flipped first-layer weights are applied) or a full pass, and the arithmetic it used">Evaluation</dt>
        <dd data-testid="prune.evalTime" data-engine={engine ?? ''}>
          {view.valMs.toFixed(1)} ms, {view.valFull ? 'full pass' : 'incremental'} · {engine === 'wasm' ? 'WebAssembly SIMD' : 'plain JavaScript'}
        </dd>
      </dl>
    </div>
  );
}
