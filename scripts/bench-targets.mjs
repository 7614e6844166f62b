// The demo-ready targets (issue 13) and how each is read off the interaction bench's runs: medians of
// the runs, each target printed with its measured value and whether it is met.

/** @param {any[]} runs results of benchInteraction for one dataset; @param {{ median: Function, percentile: Function }} stats */
export function targetsOf(runs, { median, percentile }) {
  const med = (f) => median(runs.map(f));
  const p95 = (f) => med((r) => percentile(f(r).latencies, 0.95));
  const maxOf = (...xs) => Math.max(...xs);
  const changes = ['criterion', 'mode', 'scope', 'granularity'];
  return [
    {
      what: 'navigation → first pruned numbers painted (cold cache)',
      value: med((r) => r.firstPruneMs),
      unit: 'ms',
      goal: 2000,
    },
    {
      what: 'expected duration before Train vs what the run took: error',
      value: med((r) => Math.abs(r.estimate.expectedErrorPct)),
      unit: '%',
      goal: 25,
    },
    {
      what: 'first ETA vs the time then left: error',
      value: med((r) => Math.abs(r.estimate.firstEtaErrorPct ?? NaN)),
      unit: '%',
      goal: 25,
    },
    {
      what: 'training: long tasks, share of the wall time',
      value: med((r) => (100 * r.training.totalMs) / r.training.wallMs),
      unit: '%',
      goal: 10,
    },
    { what: 'training: longest task', value: med((r) => r.training.maxMs), unit: 'ms', goal: 100 },
    { what: 'run end and curves arriving: longest task', value: med((r) => r.runEnd.maxMs), unit: 'ms', goal: 100 },
    {
      what: 'run end and curves arriving: long tasks in all',
      value: med((r) => r.runEnd.totalMs),
      unit: 'ms',
      goal: 200,
    },
    ...changes.flatMap((c) => [
      { what: `${c} change: longest task`, value: med((r) => r.changes[c].maxMs), unit: 'ms', goal: 100 },
      { what: `${c} change: long tasks in all`, value: med((r) => r.changes[c].totalMs), unit: 'ms', goal: 200 },
    ]),
    { what: 'window resize: longest task', value: med((r) => r.resize.maxMs), unit: 'ms', goal: 100 },
    { what: 'window resize: long tasks in all', value: med((r) => r.resize.totalMs), unit: 'ms', goal: 200 },
    { what: 'slider, mouse drag: input → painted frame, p95', value: p95((r) => r.slider.drag), unit: 'ms', goal: 16 },
    {
      what: 'slider, mouse drag: input → painted frame, median',
      value: med((r) => median(r.slider.drag.latencies)),
      unit: 'ms',
      goal: null,
    },
    {
      what: 'slider, mouse drag: event dispatched to the page → painted frame, p95',
      value: med((r) => percentile(r.slider.drag.fromDispatch ?? [], 0.95)),
      unit: 'ms',
      goal: null,
    },
    { what: 'slider, key presses: input → painted frame, p95', value: p95((r) => r.slider.keys), unit: 'ms', goal: 25 },
    {
      what: 'slider, key presses: input → painted frame, median',
      value: med((r) => median(r.slider.keys.latencies)),
      unit: 'ms',
      goal: null,
    },
    {
      what: 'slider: moves never painted (superseded)',
      value: med((r) => r.slider.drag.unpainted + r.slider.keys.unpainted),
      unit: '',
      goal: null,
    },
    { what: '4× throttled: slider drag p95', value: p95((r) => r.throttled.slider.drag), unit: 'ms', goal: 50 },
    { what: '4× throttled: key presses p95', value: p95((r) => r.throttled.slider.keys), unit: 'ms', goal: 50 },
    {
      what: '4× throttled: longest task during the slider',
      value: med((r) => maxOf(r.throttled.slider.drag.longTasks.maxMs, r.throttled.slider.keys.longTasks.maxMs)),
      unit: 'ms',
      goal: 100,
    },
    {
      what: '4× throttled: longest task over one epoch, its end and curves',
      value: med((r) => r.throttled.oneEpoch.maxMs),
      unit: 'ms',
      goal: 100,
    },
    {
      what: '4× throttled: long tasks over one epoch, its end and curves, in all',
      value: med((r) => r.throttled.oneEpoch.totalMs),
      unit: 'ms',
      goal: null,
    },
    {
      what: '4× throttled: one epoch of training, wall time',
      value: med((r) => r.throttled.oneEpoch.wallMs / 1000),
      unit: 's',
      goal: null,
    },
  ].map((t) => ({ ...t, value: Number(t.value.toFixed(1)), met: t.goal === null ? null : t.value <= t.goal }));
}

export function printTargets(dataset, targets, log) {
  log(`targets, ${dataset} (medians of the runs):`);
  for (const t of targets)
    log(
      `  ${t.met === null ? '    ' : t.met ? 'MET ' : 'NOT '} ${t.what}: ${t.value} ${t.unit}${t.goal === null ? '' : ` (goal ≤ ${t.goal} ${t.unit})`}`,
    );
}
