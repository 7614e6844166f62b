/// <reference lib="webworker" />
/**
 * The evaluation worker: loads a trained network's data itself (from the MNIST file or the seeded
 * generator, with the run's split) and keeps only its sparse features and labels. Two instances run.
 * The slider's sends the page every criterion's prune index and the validation split once loaded (the
 * page evaluates each slider move itself, in the input's frame) and computes the training-set figures
 * when the slider rests: a newer request supersedes an older one before that larger pass (latest wins).
 * The other computes the accuracy-vs-sparsity curves and the per-layer sensitivity.
 */
import { yieldToEventLoop } from '../core/base';
import { computeMasks, CRITERIA, type Criterion } from '../core/prune';
import { splitEval, allCurves, allCurvesTotal, type SweepEvent } from '../core/eval';
import { prefetchMnist } from '../data/load';
import {
  evaluator,
  indexesOf,
  loadedMessage,
  loadNetwork,
  timeFullPasses,
  trainDense,
  type Loaded,
} from './loadNetwork';
import { denseRows, measureSizes, measureSpeed, sampleSpeed, speedPoints, type SpeedRound } from './measure';
import {
  evalTransferables,
  SPEED_BATCHES,
  type EvalNetwork,
  type FromEval,
  type MeasureRequest,
  type ToEval,
} from './protocol';

declare const self: DedicatedWorkerGlobalScope;

let loaded: Loaded | null = null;
/** The newest request of any kind, and the newest load. */
let latest = 0;
let latestLoad = 0;
/** The newest speed and size measurements: a newer one of its kind or a load ends an older one; slider requests do not. */
const latestMeasure = { speed: 0, sizes: 0 };

const post = (msg: FromEval) => self.postMessage(msg, evalTransferables(msg));
/**
 * The training-set pass (4× the validation set) waits for this much quiet: during a drag a newer
 * position arrives every frame and supersedes it, so it never delays the next move; once the slider
 * rests, the training figures follow within ~50 ms.
 */
export const TRAIN_PASS_DELAY_MS = 40;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Loads the network's data; with `report`, tells the page (copies of the indexes and the validation
 * split, the dense figures) at once, then how long a full pass over each split takes.
 */
async function load(id: number, net: EvalNetwork, report: boolean, criterion?: Criterion): Promise<void> {
  const current = () => id === latestLoad;
  const l = await loadNetwork(id, net, current, report ? (first) => post(loadedMessage(first, criterion)) : undefined);
  if (!l) return; // a newer network arrived while this one's data loaded
  loaded = l;
  if (!report) return;
  post({ type: 'train-dense', id, result: trainDense(l) });
  if (criterion)
    post({
      type: 'indexes',
      id,
      indexes: indexesOf(
        l.pruner,
        CRITERIA.filter((c) => c !== criterion),
      ),
    });
  // Not part of the load: the requests waiting for it go first (the timing yields between its groups).
  void timeFullPasses(l, () => loaded === l).then((fullPassMs) => {
    if (fullPassMs) post({ type: 'timed', id, fullPassMs });
  });
}

/** The training figures of a slider position, once the slider has rested TRAIN_PASS_DELAY_MS. */
async function trainFigures(msg: Extract<ToEval, { type: 'train' }>): Promise<void> {
  await sleep(TRAIN_PASS_DELAY_MS);
  const l = loaded;
  if (!l || msg.id !== latest) return; // superseded (or its load failed, and the page shows why)
  const masks = computeMasks(l.pruner.index(msg.criterion, msg.spec.granularity), msg.spec).masks;
  const t0 = performance.now();
  post({ type: 'train-evaluated', id: msg.id, result: splitEval(l.train.evaluate(masks)), ms: performance.now() - t0 });
  if (!msg.speed) return;
  // Then what this mask costs per prediction (~50 ms of this worker), once the slider has rested a while
  // longer: between key presses or in a paused drag it would take a core from the page for nothing.
  await sleep(SPEED_DELAY_MS);
  if (msg.id !== latest || loaded !== l) return;
  post({
    type: 'speed-current',
    id: msg.id,
    points: measureSpeed(l.layers, masks, speedRows(l), sparsityOf(masks), {
      ...CURRENT_SPEED,
      stripped: msg.spec.granularity === 'neurons',
    }),
  });
}

const CURRENT_SPEED = { batches: SPEED_BATCHES, samples: 5, minSampleMs: 1.5 };
/** The resting slider's speed is measured after this much more quiet. */
export const SPEED_DELAY_MS = 300;
/** Each sample of a curve lasts at least this long (the request says how many, in how many rounds). */
const CURVE_SAMPLE_MS = 3;

/** The first 256 validation rows (repeated if there are fewer), dense: the timings' input. */
function speedRows(l: Loaded): Float32Array {
  if (l.speedRows) return l.speedRows;
  const f = l.splits.val.features;
  const have = denseRows(f, Math.min(f.n, 256));
  const x = new Float32Array(256 * f.d);
  for (let r = 0; r < 256; r++)
    x.set(have.subarray((r % Math.min(f.n, 256)) * f.d, ((r % Math.min(f.n, 256)) + 1) * f.d), r * f.d);
  return (l.speedRows = x);
}

function sparsityOf(masks: readonly Uint8Array[]): number {
  let live = 0;
  let total = 0;
  for (const m of masks) {
    total += m.length;
    for (let i = 0; i < m.length; i++) live += m[i];
  }
  return total ? 1 - live / total : 0;
}

/** A speed curve (one point per level, yielding between them) or the sizes of every export format. */
async function runMeasure(msg: MeasureRequest): Promise<void> {
  const l = loaded;
  if (!l) return;
  const index = l.pruner.index(msg.criterion, msg.spec.granularity);
  const live = () => msg.id === latestMeasure[msg.type] && loaded === l;
  if (msg.type === 'sizes') {
    const masks = computeMasks(index, msg.spec).masks;
    const rows = await measureSizes(l.layers, masks, l.splits.val);
    if (live()) post({ type: 'sizes-done', id: msg.id, sparsity: sparsityOf(masks), rows });
    return;
  }
  const t0 = performance.now();
  // Rounds over every level (the masks made once), each point's samples pooled over them: a disturbance
  // (another worker, a garbage collection, the page) of a few hundred milliseconds reaches one round of a
  // point, which widens its spread instead of moving the whole point. Later rounds reuse the first one's
  // calibration: three rounds of 4 samples cost about an eighth more than one pass of 11 did (docs/benchmarks.md).
  const levels = msg.levels ?? [null];
  const masks = levels.map(
    (level) =>
      computeMasks(index, level === null ? msg.spec : { ...msg.spec, mode: 'sparsity' as const, value: level }).masks,
  );
  const opts = {
    samples: msg.samples,
    minSampleMs: CURVE_SAMPLE_MS,
    batches: msg.batches,
    stripped: msg.spec.granularity === 'neurons',
  };
  const rounds: SpeedRound[][][] = levels.map(() => []);
  const total = msg.rounds * levels.length;
  for (let r = 0; r < msg.rounds; r++) {
    for (let k = 0; k < levels.length; k++) {
      rounds[k].push(sampleSpeed(l.layers, masks[k], speedRows(l), opts, rounds[k][0]));
      if (!live()) return;
      const last = r === msg.rounds - 1;
      post({
        type: 'speed-points',
        id: msg.id,
        points: last ? speedPoints(rounds[k], sparsityOf(masks[k])) : [],
        done: r * levels.length + k + 1,
        total,
      });
      await yieldToEventLoop();
      if (!live()) return;
    }
  }
  post({ type: 'speed-done', id: msg.id, ms: performance.now() - t0 });
}

/**
 * The curves and sensitivity points go to the page in batches, at most this often: each message is one
 * state update and one chart render on the page, so a point per message (825 for a sweep) kept the main
 * thread busy re-rendering while the curves arrived.
 */
export const SWEEP_POST_MS = 250;

/** Every curve and sensitivity point (core's `allCurves`), yielding after each; a newer request (or load) ends it. */
async function runSweep(msg: Extract<ToEval, { type: 'sweep' }>): Promise<void> {
  const l = loaded;
  if (!l) return; // its load failed, and the page shows why
  const t0 = performance.now();
  // Own evaluators, so the slider's cached state is untouched.
  const evaluators = { val: evaluator(l, l.splits.val), train: evaluator(l, l.splits.train) };
  const options = {
    criteria: msg.criteria,
    scope: msg.scope,
    granularity: msg.granularity,
    levels: msg.levels,
    sensitivity: msg.sensitivity,
    layers: l.layers.length,
  };
  const total = allCurvesTotal(options);
  let batch: SweepEvent[] = [];
  let done = 0;
  let posted = performance.now();
  const flush = () => {
    if (batch.length) post({ type: 'sweep-points', id: msg.id, points: batch, done, total });
    batch = [];
    posted = performance.now();
  };
  for (const event of allCurves((c, g) => l.pruner.index(c, g), evaluators, options)) {
    batch.push(event);
    done++;
    if (performance.now() - posted >= SWEEP_POST_MS) flush();
    await yieldToEventLoop();
    if (msg.id !== latest || loaded !== l) return;
  }
  flush();
  post({ type: 'sweep-done', id: msg.id, ms: performance.now() - t0 });
}

// A request that arrives while a network's data is loading waits for the load (and is skipped if
// something newer came in the meantime). Evaluate and sweep requests are not queued behind each other:
// a newer one starts at once and the older one stops at its next check (latest wins).
let loading: Promise<void> = Promise.resolve();
const fail = (id: number) => (e: unknown) =>
  post({ type: 'error', id, message: e instanceof Error ? e.message : String(e) });
self.onmessage = (ev: MessageEvent<ToEval>) => {
  const msg = ev.data;
  if (msg.type === 'speed' || msg.type === 'sizes') {
    // Not a slider request: it does not supersede the training figures of a resting slider.
    latestMeasure[msg.type] = msg.id;
    void loading
      .then(() => (msg.id === latestMeasure[msg.type] ? runMeasure(msg) : undefined))
      .catch((e) => post({ type: 'measure-error', id: msg.id, message: e instanceof Error ? e.message : String(e) }));
    return;
  }
  if (msg.type === 'prefetch') return prefetchMnist(msg.dataUrl);
  latest = Math.max(latest, msg.id);
  if (msg.type === 'load') {
    loaded = null; // a running sweep of the previous network stops
    latestLoad = msg.id;
    latestMeasure.speed = latestMeasure.sizes = msg.id; // a measurement of the previous network stops
    loading = load(msg.id, msg.network, msg.report, msg.criterion).catch(fail(msg.id));
    return;
  }
  void loading
    .then(() => {
      if (msg.id !== latest) return;
      return msg.type === 'train' ? trainFigures(msg) : runSweep(msg);
    })
    .catch(fail(msg.id));
};
