/**
 * The app state showing a pre-trained snapshot: its network, its training curves, its accuracy-vs-
 * sparsity curves and sensitivity, as if that run had just finished on this page. The pruning settings of
 * the link are kept (untouched ones open at OPENING_SPARSITY); its training settings too where the link
 * gives them (they are what Train uses), else the snapshot's. Pure.
 */
import { HIDDEN_UNITS } from '../../core/base';
import { CRITERIA } from '../../core/prune';
import type { DatasetName } from '../../core/data';
import type { Snapshot } from '../../core/formats';
import { defaultSettings, initialState, initialSweep, startRun, type AppState, type Settings } from '../store';
import { appendLosses } from './workerMessages';

/** The training settings a snapshot was made with. */
export type SnapshotConfig = Snapshot['provenance']['config'];

/** The settings a snapshot sets (its training ones), and those of the slider it opens at OPENING_SPARSITY. */
export const TRAINING_SETTINGS = [
  'dataset',
  'seed',
  'epochs',
  'batchSize',
  'learningRate',
] as const satisfies readonly (keyof Settings)[];
export const VIEW_SETTINGS = ['mode', 'threshold', 'sparsity'] as const satisfies readonly (keyof Settings)[];

/**
 * Where a snapshot opens when neither the link nor the user has moved the slider: half the weights
 * pruned by target sparsity. The article's T = 0.01 prunes 99.4% of the MNIST network (its gradients
 * are far smaller than the synthetic data's) and collapses its first layer: the lesson of a later step,
 * not a first look. One click on the mode or a typed T goes back to it.
 */
export const OPENING_SPARSITY = 0.5;

/**
 * The settings a snapshot trained with `config` opens with, from `settings` of which a link set `given`:
 * the snapshot's training settings where the link gives none, and OPENING_SPARSITY when neither the link
 * nor the user moved the slider. Opening a link on a snapshot already on screen uses it too (a link is a link).
 */
export function snapshotSettings(
  settings: Settings,
  config: SnapshotConfig,
  given: readonly (keyof Settings)[],
): Settings {
  const next = { ...settings };
  for (const k of TRAINING_SETTINGS) if (!given.includes(k)) (next as Record<string, unknown>)[k] = config[k];
  // The snapshot's network is what Train trains again (a link with other hidden layers opens no snapshot).
  next.hidden = HIDDEN_UNITS;
  const defaults = defaultSettings();
  const untouched = VIEW_SETTINGS.every((k) => !given.includes(k) && next[k] === defaults[k]);
  return untouched ? { ...next, mode: 'sparsity', sparsity: OPENING_SPARSITY } : next;
}

export function snapshotState(
  before: AppState,
  name: DatasetName,
  snap: Snapshot,
  runId: number,
  given: readonly (keyof Settings)[],
): AppState {
  const p = snap.provenance;
  const settings = snapshotSettings(before.settings, p.config, given);
  const { epochs, batchesPerEpoch, losses } = snap.training;
  const sweep = {
    ...initialSweep(),
    status: 'done' as const,
    curves: Object.fromEntries(CRITERIA.map((c) => [c, snap.curves[c]])),
    sensitivity: Object.fromEntries(CRITERIA.map((c) => [c, snap.sensitivity[c]])),
    done: 1,
    total: 1,
  };
  return {
    ...startRun({ ...before, settings }, runId, p.config),
    phase: 'done',
    origin: { kind: 'snapshot', name, provenance: p },
    dataset: snap.data,
    scoring: { layers: snap.layers, batches: p.scoring.batches, seconds: p.scoring.seconds },
    result: { trainSeconds: p.trainSeconds, samplesPerSec: p.samplesPerSec },
    epochs: epochs.map((e, i) => ({ epoch: i + 1, ...e, validationSeconds: NaN, numTensors: NaN })),
    ...appendLosses(initialState(), losses, 0, batchesPerEpoch),
    progress: {
      stage: 'training',
      epoch: epochs.length,
      epochs: epochs.length,
      batch: batchesPerEpoch,
      batchesPerEpoch,
      samplesPerSec: p.samplesPerSec,
      etaSec: 0,
      fraction: 1,
    },
    sweep,
  };
}
