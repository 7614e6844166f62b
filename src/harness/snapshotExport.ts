/**
 * Builds a snapshot file from the run on this page (used by `npm run snapshots` through the test API):
 * the network, its gradient statistics and split, its training curves, its global weight-granularity
 * curves and sensitivity, its dense metrics and provenance. Gzip-compressed with CompressionStream.
 */
import { HIDDEN_UNITS, sameHidden } from '../core/base';
import { CRITERIA } from '../core/prune';
import { encodeSnapshot, type Snapshot } from '../core/formats';
import type { AppState } from '../state/store';

export function snapshotOf(s: AppState, meta: { appVersion: string; commit: string }): Snapshot {
  const { scoring, runConfig, dataset, result, backend, progress, sweep } = s;
  const dense = s.pruning.dense;
  if (
    s.phase !== 'done' ||
    s.origin?.kind !== 'trained' ||
    !scoring ||
    !runConfig ||
    !dataset ||
    !result ||
    !backend ||
    !progress ||
    !dense?.train
  )
    throw new Error('Train a network on this page first: a snapshot is made from a finished run.');
  const builtIn = dataset.name;
  if (builtIn === 'user') throw new Error('Snapshots are of the built-in datasets only, not of a table you brought.');
  // The snapshots are of the default network (a link with other hidden layers opens none); their format has no architecture.
  const { hidden, ...config } = runConfig;
  if (hidden && !sameHidden(hidden, HIDDEN_UNITS))
    throw new Error(`Snapshots are of the default network (${HIDDEN_UNITS.join(', ')}), not ${hidden.join(', ')}.`);
  if (sweep.status !== 'done' || sweep.scope !== 'global' || sweep.granularity !== 'weights')
    throw new Error('Wait for the curves in global scope and weight granularity.');
  const losses = Float32Array.from(s.losses, (p) => p.loss);
  if (losses.length !== runConfig.epochs * progress.batchesPerEpoch)
    throw new Error(
      `the run has ${losses.length} batch losses, expected every one of ${runConfig.epochs * progress.batchesPerEpoch}`,
    );
  const curve = (c: (typeof CRITERIA)[number]) => {
    const v = sweep.curves[c];
    const sens = sweep.sensitivity[c];
    if (!v || !sens || sens.length !== scoring.layers.length) throw new Error(`the curves of ${c} are incomplete`);
    return { curves: { val: v.val, train: v.train }, sensitivity: sens };
  };
  const parts = Object.fromEntries(CRITERIA.map((c) => [c, curve(c)]));
  return {
    provenance: {
      appVersion: meta.appVersion,
      commit: meta.commit,
      createdAt: new Date().toISOString(),
      config: { ...config, dataset: builtIn },
      backend: { name: backend.name, adapter: backend.adapter, software: backend.software },
      trainSeconds: result.trainSeconds,
      samplesPerSec: result.samplesPerSec,
      scoring: { batches: scoring.batches, seconds: scoring.seconds },
    },
    data: { ...dataset, name: builtIn },
    layers: scoring.layers,
    training: {
      losses,
      batchesPerEpoch: progress.batchesPerEpoch,
      epochs: s.epochs.map(({ trainLoss, trainAcc, valLoss, valAcc, seconds }) => ({
        trainLoss,
        trainAcc,
        valLoss,
        valAcc,
        seconds,
      })),
    },
    dense: {
      train: { accuracy: dense.train.accuracy, loss: dense.train.loss },
      val: { accuracy: dense.val.accuracy, loss: dense.val.loss },
    },
    curves: Object.fromEntries(CRITERIA.map((c) => [c, parts[c].curves])) as Snapshot['curves'],
    sensitivity: Object.fromEntries(CRITERIA.map((c) => [c, parts[c].sensitivity])) as Snapshot['sensitivity'],
  };
}

/** The snapshot of the page's run, gzip-compressed, as base64 (so it crosses `page.evaluate`). */
export async function snapshotFile(s: AppState, meta: { appVersion: string; commit: string }): Promise<string> {
  const bytes = encodeSnapshot(snapshotOf(s, meta));
  const gz = new Uint8Array(
    await new Response(
      new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream('gzip')),
    ).arrayBuffer(),
  );
  let text = '';
  for (let i = 0; i < gz.length; i += 0x8000) text += String.fromCharCode(...gz.subarray(i, i + 0x8000));
  return btoa(text);
}
