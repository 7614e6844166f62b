/// <reference lib="webworker" />
/**
 * The evaluation worker: loads a trained network's data itself (from the MNIST file or the seeded
 * generator, with the run's split), keeps only its sparse features and labels, builds one prune index
 * per (criterion, granularity) on demand, and answers evaluate requests with the masks and the
 * validation figures in one message, then (once the slider rests) the training figures. A newer request
 * supersedes an older one before the training-set pass (latest wins). Two instances run: one answers
 * the slider, one computes the curves.
 */
import type { LayerArrays } from '../core/arch';
import { CRITERIA, type Criterion } from '../core/criteria';
import { computeMasks, criterionIndex, type Granularity, type PruneIndex } from '../core/masks';
import { maskReport } from '../core/maskReport';
import { MaskedEvaluator, type EvalResult } from '../core/maskedEval';
import { yieldToEventLoop } from '../core/schedule';
import { sparseFeatures, type SparseFeatures } from '../core/sparseFeatures';
import { allCurves, allCurvesTotal, type SweepEvent } from '../core/sweep';
import { loadDataset } from '../data/load';
import { evalTransferables, type EvalNetwork, type FromEval, type SplitEval, type ToEval } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

/** One split as the evaluators need it: sparse features and labels (the dense features are dropped). */
interface EvalSplit {
  features: SparseFeatures;
  y: Uint8Array;
  n: number;
}

interface Loaded {
  id: number;
  layers: LayerArrays[];
  seed: number;
  splits: { val: EvalSplit; train: EvalSplit };
  val: MaskedEvaluator;
  train: MaskedEvaluator;
  indexes: Map<string, PruneIndex>;
}

let loaded: Loaded | null = null;
/** The newest request of any kind, and the newest load. */
let latest = 0;
let latestLoad = 0;

const post = (msg: FromEval) => self.postMessage(msg, evalTransferables(msg));
const summary = (r: EvalResult): SplitEval => ({ accuracy: r.accuracy, loss: r.loss, perClass: Array.from(r.perClass) });
const evaluator = (l: Pick<Loaded, 'layers'>, s: EvalSplit) => new MaskedEvaluator(l.layers, s.features, s.y, s.n);
/**
 * The training-set pass (4× the validation set) waits for this much quiet: during a drag a newer
 * position arrives every frame and supersedes it, so it never delays the next move; once the slider
 * rests, the training figures follow within ~50 ms.
 */
export const TRAIN_PASS_DELAY_MS = 40;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function indexFor(l: Loaded, criterion: Criterion, granularity: Granularity): PruneIndex {
  const key = `${criterion}/${granularity}`;
  let idx = l.indexes.get(key);
  if (!idx) {
    idx = criterionIndex(criterion, l.layers, granularity, l.seed);
    l.indexes.set(key, idx);
  }
  return idx;
}

async function load(id: number, net: EvalNetwork): Promise<void> {
  // Not cached: the data lives on only as sparse features.
  const ds = await loadDataset(net.data, net.dataUrl, { cache: false });
  if (id !== latestLoad) return; // a newer network arrived while this one's data loaded
  const d = net.layers[0].inputs;
  if (ds.inputSize !== d) throw new Error(`the ${ds.name} data has ${ds.inputSize} inputs, the network ${d}`);
  const split = (s: typeof ds.val): EvalSplit => ({ features: sparseFeatures(s.x, s.n, d), y: s.y, n: s.n });
  const base = { layers: net.layers, splits: { val: split(ds.val), train: split(ds.train) } };
  loaded = { id, seed: net.seed, ...base, val: evaluator(base, base.splits.val), train: evaluator(base, base.splits.train), indexes: new Map() };
  const ones = net.layers.map((l) => new Uint8Array(l.inputs * l.units).fill(1));
  const sorted = {} as Record<Criterion, { weights: Float32Array; units: Float32Array }>;
  for (const c of CRITERIA) {
    sorted[c] = { weights: indexFor(loaded, c, 'weights').global.values.slice(), units: indexFor(loaded, c, 'neurons').global.values.slice() };
  }
  post({ type: 'loaded', id, dense: { train: summary(loaded.train.evaluate(ones)), val: summary(loaded.val.evaluate(ones)) }, sorted, engine: loaded.val.engineKind });
}

async function evaluate(msg: Extract<ToEval, { type: 'evaluate' }>): Promise<void> {
  const l = loaded;
  if (!l) return; // its load failed, and the page shows why
  const res = computeMasks(indexFor(l, msg.criterion, msg.spec.granularity), msg.spec);
  const masks = res.masks;
  let t0 = performance.now();
  const val = summary(l.val.evaluate(masks));
  const valMs = performance.now() - t0;
  // The evaluators read the masks; copies go to the page.
  post({
    type: 'masks',
    id: msg.id,
    criterion: msg.criterion,
    spec: msg.spec,
    masks: masks.map((m) => m.slice()),
    units: res.units?.map((u) => u.slice()) ?? null,
    report: maskReport(masks, l.layers),
    threshold: res.threshold,
    groupThresholds: res.groupThresholds,
    val,
    valMs,
    valFull: l.val.work.full,
  });
  if (!msg.withTrain) return;
  await sleep(TRAIN_PASS_DELAY_MS);
  if (msg.id !== latest) return; // superseded: skip the larger training-set pass
  t0 = performance.now();
  post({ type: 'train-evaluated', id: msg.id, result: summary(l.train.evaluate(masks)), ms: performance.now() - t0 });
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
  const options = { criteria: msg.criteria, scope: msg.scope, granularity: msg.granularity, levels: msg.levels, sensitivity: msg.sensitivity, layers: l.layers.length };
  const total = allCurvesTotal(options);
  let batch: SweepEvent[] = [];
  let done = 0;
  let posted = performance.now();
  const flush = () => {
    if (batch.length) post({ type: 'sweep-points', id: msg.id, points: batch, done, total });
    batch = [];
    posted = performance.now();
  };
  for (const event of allCurves((c, g) => indexFor(l, c, g), evaluators, options)) {
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
const fail = (id: number) => (e: unknown) => post({ type: 'error', id, message: e instanceof Error ? e.message : String(e) });
self.onmessage = (ev: MessageEvent<ToEval>) => {
  const msg = ev.data;
  latest = Math.max(latest, msg.id);
  if (msg.type === 'load') {
    loaded = null; // a running sweep of the previous network stops
    latestLoad = msg.id;
    loading = load(msg.id, msg.network).catch(fail(msg.id));
    return;
  }
  void loading
    .then(() => {
      if (msg.id !== latest) return;
      return msg.type === 'evaluate' ? evaluate(msg) : runSweep(msg);
    })
    .catch(fail(msg.id));
};
