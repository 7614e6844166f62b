/// <reference lib="webworker" />
/**
 * The evaluation worker: holds the dataset and the trained layers, builds one prune index per
 * (criterion, granularity) on demand, and answers evaluate requests with masks, then validation and
 * training accuracy. A newer request supersedes an older one between stages (latest wins).
 */
import { CRITERIA, scoreLayers, type Criterion } from '../core/criteria';
import type { Dataset } from '../core/dataset';
import { buildPruneIndex, computeMasks, type Granularity, type PruneIndex } from '../core/masks';
import { maskReport } from '../core/maskReport';
import { MaskedEvaluator, type EvalResult } from '../core/maskedEval';
import { evalTransferables, type EvalLayer, type FromEval, type SplitEval, type ToEval } from './evalProtocol';

declare const self: DedicatedWorkerGlobalScope;

interface Loaded {
  id: number;
  layers: EvalLayer[];
  seed: number;
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
  const val = new MaskedEvaluator(layers, dataset.val.x, dataset.val.y, dataset.val.n);
  const train = new MaskedEvaluator(layers, dataset.train.x, dataset.train.y, dataset.train.n);
  loaded = { id, layers, seed, val, train, indexes: new Map() };
  const sorted = {} as Record<Criterion, { weights: Float32Array; units: Float32Array }>;
  for (const c of CRITERIA) {
    sorted[c] = { weights: indexFor(loaded, c, 'weights').global.values.slice(), units: indexFor(loaded, c, 'neurons').global.values.slice() };
  }
  post({ type: 'loaded', id, dense: { train: summary(train.evaluate(ones)), val: summary(val.evaluate(ones)) }, sorted });
}

async function evaluate(msg: Extract<ToEval, { type: 'evaluate' }>): Promise<void> {
  const l = loaded;
  if (!l) throw new Error('Nothing to evaluate yet: train a network first.');
  const res = computeMasks(indexFor(l, msg.criterion, msg.spec.granularity), msg.spec);
  const masks = res.masks;
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
  });
  let t0 = performance.now();
  post({ type: 'evaluated', id: msg.id, split: 'val', result: summary(l.val.evaluate(masks)), ms: performance.now() - t0 });
  if (!msg.withTrain) return;
  await sleep(TRAIN_PASS_DELAY_MS);
  if (msg.id !== latest) return; // superseded: skip the larger training-set pass
  t0 = performance.now();
  post({ type: 'evaluated', id: msg.id, split: 'train', result: summary(l.train.evaluate(masks)), ms: performance.now() - t0 });
}

self.onmessage = (ev: MessageEvent<ToEval>) => {
  const msg = ev.data;
  latest = Math.max(latest, msg.id);
  const run = async () => {
    if (msg.type === 'load') load(msg.id, msg.dataset, msg.layers, msg.seed);
    else if (msg.id === latest) await evaluate(msg);
  };
  run().catch((e) => post({ type: 'error', id: msg.id, message: e instanceof Error ? e.message : String(e) }));
};
