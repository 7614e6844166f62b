import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import { CRITERION_INFO } from '../core/criteria';
import { useAppState } from './context';
import { CRITERION_COLORS } from './SparsityPlot';

/** Per-layer sensitivity (SparseML / NNI style): each layer pruned alone, the others dense. */
export function SensitivityChart() {
  const sweep = useAppState((s) => s.sweep);
  const criterion = useAppState((s) => s.settings.criterion);
  const dense = useAppState((s) => s.pruning.dense);
  const scoring = useAppState((s) => s.scoring);
  if (!scoring) return null;
  const layers = sweep.sensitivity[criterion] ?? [];
  return (
    <section className="panel sensitivity" aria-labelledby="sens-title" data-testid="sensitivity">
      <h2 id="sens-title">
        Per-layer sensitivity <span className="muted">· {CRITERION_INFO[criterion].label}, one layer pruned at a time</span>
      </h2>
      <div className="small-multiples">
        {scoring.layers.map((layer, l) => {
          const points = (layers[l] ?? []).map((p) => ({ x: p.sparsity * 100, y: p.accuracy }));
          const last = points[points.length - 1];
          return (
            <figure key={layer.name} className="small-multiple" data-testid={`sensitivity.panel.${l}`} data-points={points.length}>
              <figcaption>
                {layer.name} ({layer.inputs}×{layer.units})
              </figcaption>
              <ResponsiveContainer width="100%" height={130}>
                {/* Not focusable (no accessibility layer): there is no tooltip to step through; the sentence below is the text alternative. */}
                <LineChart margin={{ top: 6, right: 8, bottom: 0, left: -18 }} accessibilityLayer={false}>
                  <CartesianGrid strokeDasharray="3 3" stroke="var(--grid)" />
                  <XAxis dataKey="x" type="number" domain={[0, 100]} ticks={[0, 50, 100]} tickFormatter={(v: number) => `${v}%`} stroke="var(--muted)" fontSize={10} />
                  <YAxis domain={[0, 1]} ticks={[0, 0.5, 1]} tickFormatter={(v: number) => `${v * 100}%`} stroke="var(--muted)" fontSize={10} />
                  {dense && <ReferenceLine y={dense.val.accuracy} stroke="var(--text)" strokeDasharray="2 4" />}
                  <Line data={points} dataKey="y" stroke={CRITERION_COLORS[criterion]} dot={false} strokeWidth={2} isAnimationActive={false} />
                </LineChart>
              </ResponsiveContainer>
              <p className="sr-only">{last ? `At ${last.x.toFixed(0)}% sparsity of ${layer.name} alone, validation accuracy is ${(last.y * 100).toFixed(1)}%.` : 'Computing…'}</p>
            </figure>
          );
        })}
      </div>
    </section>
  );
}
