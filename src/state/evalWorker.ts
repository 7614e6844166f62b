/// <reference lib="webworker" />
/**
 * The evaluation worker: holds the dataset and the trained layers, builds one prune index per
 * (criterion, granularity) on demand, and answers evaluate requests with the masks and the validation
 * figures in one message, then (once the slider rests) the training figures. A newer request supersedes
 * an older one before the training-set pass (latest wins).
 */
import { CRITERIA, scoreLayers, type Criterion } from '../core/criteria';
import type { Dataset } from '../core/dataset';
import { buildPruneIndex, computeMasks, type Granularity, type PruneIndex } from '../core/masks';
import { maskReport } from '../core/maskReport';
import { MaskedEvaluator, type EvalResult } from '../core/maskedEval';
import { sparseFeatures, type SparseFeatures } from '../core/sparseFeatures';
import { layerSensitivity, sweep } from '../core/sweep';
import { yieldToEventLoop } from '../train/control';
import { evalTransferables, type EvalLayer, type FromEval, type SplitEval, type ToEval } from './evalProtocol';

declare const self: DedicatedWorkerGlobalScope;

interface Loaded {
  id: number;
  layers: EvalLayer[];
  seed: number;
  dataset: Dataset;
  features: { val: SparseFeatures; train: SparseFeatures };
  val: MaskedEvaluator;
  train: MaskedEvaluator;
  indexes: Map<string, PruneIndex>;
}

let loaded: Loaded | null = null;
let latest = 0;

const post = (msg: FromEval) => self.postMessage(msg, evalTransferables(msg));
const summary = (r: EvalResult): SplitEval => ({ accuracy: r.accuracy, loss: r.loss, perClass: Array.from(r.perClass) });
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
    idx = buildPruneIndex(scoreLayers(criterion, l.layers, l.seed), l.layers, granularity);
    l.indexes.set(key, idx);
  }
  return idx;
}

function load(id: number, dataset: Dataset, layers: EvalLayer[], seed: number): void {
  const ones = layers.map((l) => new Uint8Array(l.inputs * l.units).fill(1));
  const d = layers[0].inputs;
  const features = { val: sparseFeatures(dataset.val.x, dataset.val.n, d), train: sparseFeatures(dataset.train.x, dataset.train.n, d) };
  const val = new MaskedEvaluator(layers, features.val, dataset.val.y, dataset.val.n);
  const train = new MaskedEvaluator(layers, features.train, dataset.train.y, dataset.train.n);
  loaded = { id, layers, seed, dataset, features, val, train, indexes: new Map() };
  const sorted = {} as Record<Criterion, { weights: Float32Array; units: Float32Array }>;
  for (const c of CRITERIA) {
    sorted[c] = { weights: indexFor(loaded, c, 'weights').global.values.slice(), units: indexFor(loaded, c, 'neurons').global.values.slice() };
  }
  post({ type: 'loaded', id, dense: { train: summary(train.evaluate(ones)), val: summary(val.evaluate(ones)) }, sorted, engine: val.engineKind });
}

async function evaluate(msg: Extract<ToEval, { type: 'evaluate' }>): Promise<void> {
  const l = loaded;
  if (!l) throw new Error('Nothing to evaluate yet: train a network first.');
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
 * Curves for every criterion, validation first (it draws quickly), then training, then one layer at a time
 * alone. Yields to the event loop after every point; a newer request (or load) ends it.
 */
async function runSweep(msg: Extract<ToEval, { type: 'sweep' }>): Promise<void> {
  const l = loaded;
  if (!l) throw new Error('Nothing to sweep yet: train a network first.');
  const t0 = performance.now();
  const { dataset, layers, features } = l;
  // Own evaluators, so the slider's cached state is untouched.
  const evaluators = {
    val: new MaskedEvaluator(layers, features.val, dataset.val.y, dataset.val.n),
    train: new MaskedEvaluator(layers, features.train, dataset.train.y, dataset.train.n),
  };
  const total = (msg.criteria.length * 2 * msg.levels.length + msg.sensitivity.length * layers.length * SENSITIVITY_LEVELS.length);
  let done = 0;
  for (const split of ['val', 'train'] as const) {
    for (const criterion of msg.criteria) {
      const index = indexFor(l, criterion, msg.granularity);
      for (const p of sweep(index, { val: evaluators[split] }, { scope: msg.scope, granularity: msg.granularity, levels: msg.levels })) {
        done++;
        post({ type: 'sweep-point', id: msg.id, criterion, split, point: { target: p.target, sparsity: p.sparsity, threshold: p.threshold, accuracy: p.val.accuracy, loss: p.val.loss }, done, total });
        await yieldToEventLoop();
        if (msg.id !== latest || loaded !== l) return;
      }
      done = (msg.criteria.indexOf(criterion) + 1 + (split === 'train' ? msg.criteria.length : 0)) * msg.levels.length;
    }
  }
  for (const sens of msg.sensitivity) {
    const index = indexFor(l, sens, 'weights');
    for (let layer = 0; layer < layers.length; layer++) {
      for (const p of layerSensitivity(index, layer, evaluators.val, SENSITIVITY_LEVELS)) {
        done++;
        post({ type: 'sensitivity-point', id: msg.id, criterion: sens, layer, sparsity: p.sparsity, accuracy: p.val.accuracy, done, total });
        await yieldToEventLoop();
        if (msg.id !== latest || loaded !== l) return;
      }
    }
  }
  post({ type: 'sweep-done', id: msg.id, ms: performance.now() - t0 });
}

const SENSITIVITY_LEVELS = Array.from({ length: 21 }, (_, k) => Math.min(0.99, k * 0.05));

self.onmessage = (ev: MessageEvent<ToEval>) => {
  const msg = ev.data;
  latest = Math.max(latest, msg.id);
  const run = async () => {
    if (msg.type === 'load') load(msg.id, msg.dataset, msg.layers, msg.seed);
    else if (msg.id !== latest) return;
    else if (msg.type === 'evaluate') await evaluate(msg);
    else await runSweep(msg);
  };
  run().catch((e) => post({ type: 'error', id: msg.id, message: e instanceof Error ? e.message : String(e) }));
};
