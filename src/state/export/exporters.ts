/** What the Export panel downloads, built from the app state with the pure core formats. */
import {
  encodeCompact,
  layersModelArtifacts,
  strippedLayers,
  type LayersModelArtifacts,
  loaderOf,
  quantizedLayersModelArtifacts,
  type TfjsWeightFormat,
  type WeightFormat,
  CONFIG_STRING_MAX,
  serializeRun,
  type RunSweepPoint,
} from '../../core/formats';
import { hiddenOf } from '../../core/base';
import { msg, translate, type Msg } from '../../i18n/catalogue';
import type { AppState } from '../store';
import { classColumns, runForgetOf } from './forgetExport';

export interface FileOut {
  name: string;
  type: string;
  data: string | Uint8Array;
}

/** Why there is nothing to export, as a message (its `message` is the English, for logs and tests). */
export class ExportError extends Error {
  constructor(readonly why: Msg) {
    super(translate('en', why.key, why.params));
  }
}

const required = (s: AppState) => {
  const dense = s.pruning.dense;
  // The dense training figures follow the network's first numbers within a moment.
  if (!s.scoring || !s.runConfig || !s.dataset || !s.pruning.view || !dense?.train)
    throw new ExportError(msg('export.nothing'));
  return {
    scoring: s.scoring,
    config: s.runConfig,
    dataset: s.dataset,
    view: s.pruning.view,
    dense: { ...dense, train: dense.train },
  };
};

/** The data's name for file names: the dataset, or a user table's file name without its extension (safe characters only). */
const dataLabel = (s: AppState) =>
  s.dataset?.table
    ? s.dataset.table.name
        .replace(/\.[^.]*$/, '')
        .replace(/[^\w.-]+/g, '_')
        .slice(0, 40) || 'table'
    : (s.dataset?.name ?? s.settings.dataset);

/** Today as YYYY-MM-DD (local time), for file names. */
export const today = (d = new Date()) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/**
 * What a downloaded file holds, for its name: dataset, criterion, the sparsity of the mask (0.1%
 * steps), date, e.g. `mnist-taylor-90.0pct-2026-12-01`; several downloads of an afternoon do not collide.
 */
export function fileStem(s: AppState): string {
  const v = s.pruning.view;
  const sparsity = v ? `-${(v.report.sparsity * 100).toFixed(1)}pct` : '';
  return `${dataLabel(s)}-${v?.criterion ?? s.settings.criterion}${sparsity}-${today()}`;
}

const artifactFiles = (a: LayersModelArtifacts, stem: string): FileOut[] => [
  { name: `${stem}.json`, type: 'application/json', data: JSON.stringify(a.modelJson) },
  { name: a.modelJson.weightsManifest[0].paths[0], type: 'application/octet-stream', data: a.weightData },
];
/** model.json and its weights file, named `<kind>-<stem>.json` and `<kind>-<stem>.weights.bin` (the manifest names the latter). */
const modelArtifacts = (layers: Parameters<typeof layersModelArtifacts>[0], masks: Uint8Array[] | null, name: string) =>
  artifactFiles(layersModelArtifacts(layers, masks, { weightsPath: `${name}.weights.bin` }), name);

/**
 * The pruned model (trained weights × the slider's mask) in the TensorFlow.js layers format, loadable
 * with `tf.loadLayersModel`. `finetuned` uses the last fine-tuned weights instead; `stripped` (neuron
 * pruning) removes dead hidden units for a genuinely smaller dense model with the same predictions.
 */
export function modelFiles(s: AppState, variant: 'pruned' | 'finetuned' | 'stripped'): FileOut[] {
  const { scoring, view } = required(s);
  const stem = fileStem(s);
  if (variant === 'finetuned') {
    const ft = s.experiments.finetune?.result;
    if (!ft) throw new ExportError(msg('export.finetuneFirst'));
    return modelArtifacts(ft.layers, null, `model-finetuned-${stem}`);
  }
  if (variant === 'stripped')
    return modelArtifacts(strippedLayers(scoring.layers, view.masks).layers, null, `model-stripped-${stem}`);
  return modelArtifacts(scoring.layers, view.masks, `model-${stem}`);
}

/**
 * The pruned model (the slider's mask) in a smaller format: float32, float16 or 8-bit per layer as
 * TensorFlow.js files (its own weight quantisation, loadable with `tf.loadLayersModel`), 8-bit per unit
 * and every CSR variant as one file of the lab's compact format (docs/formats.md).
 */
export function compressedModelFiles(s: AppState, format: WeightFormat, layout: 'dense' | 'csr'): FileOut[] {
  const { scoring, view } = required(s);
  const name = `model-${format}-${layout}-${fileStem(s)}`;
  if (loaderOf(format, layout) === 'tfjs')
    return artifactFiles(
      quantizedLayersModelArtifacts(scoring.layers, view.masks, format as TfjsWeightFormat, {
        weightsPath: `${name}.weights.bin`,
      }),
      name,
    );
  return [
    {
      name: `${name}.gplw`,
      type: 'application/octet-stream',
      data: encodeCompact(scoring.layers, view.masks, format, layout),
    },
  ];
}

/**
 * run.json's `config.backendUsed`: the TensorFlow.js backend that trained the network on screen, never
 * the one that happens to run now (none yet on a first visit, none for a moment after a lost device).
 * This page's run: the worker's backend when it finished; a snapshot: the one its provenance records;
 * an imported run: the one its file says (it was not retrained); "unknown" if none was recorded.
 */
export function backendUsed(s: AppState): string {
  const o = s.origin;
  if (o?.kind === 'snapshot') return o.provenance.backend.name;
  if (o?.kind === 'imported') return o.backendUsed ?? 'unknown';
  return s.result?.backend ?? 'unknown';
}

/**
 * run.json: settings, split indices, weights, gradient statistics, masks, metrics and curves, for every
 * origin of the network (this page's run, a snapshot, an imported run, a run on the user's table).
 * `createdAt` is when the file is written: the one field an export → import → export changes.
 */
export function runFile(s: AppState): FileOut {
  const { scoring, config, dataset, view, dense } = required(s);
  const metric = (e: { accuracy: number; loss: number }) => ({ acc: e.accuracy, loss: e.loss });
  const sweep: RunSweepPoint[] = [];
  for (const [criterion, curves] of Object.entries(s.sweep.curves)) {
    for (const split of ['val', 'train'] as const) {
      for (const p of curves?.[split] ?? [])
        sweep.push({
          criterion: criterion as RunSweepPoint['criterion'],
          split,
          scope: s.sweep.scope,
          granularity: s.sweep.granularity,
          target: p.target,
          sparsity: p.sparsity,
          threshold: p.threshold,
          accuracy: p.accuracy,
          loss: p.loss,
        });
    }
  }
  const pruned = view.train
    ? {
        trainAcc: metric(view.train).acc,
        trainLoss: metric(view.train).loss,
        valAcc: metric(view.val).acc,
        valLoss: metric(view.val).loss,
      }
    : null;
  const text = serializeRun({
    createdAt: new Date().toISOString(),
    config: {
      ...s.settings,
      ...config,
      // The network's hidden layers as a link writes them (the file's `hidden` is the same as numbers).
      hidden: hiddenOf(scoring.layers).join(','),
      backendUsed: backendUsed(s),
      // A model brought in: its file's name (its weights were trained elsewhere, on a backend not recorded).
      ...(s.origin?.kind === 'model' ? { importedFrom: s.origin.file } : {}),
      ...(dataset.table && s.userData.prepared?.table.hash === dataset.table.hash ? tableConfig(s) : {}),
    },
    hidden: hiddenOf(scoring.layers),
    data: {
      name: dataset.name,
      trainIndices: dataset.trainIndices,
      valIndices: dataset.valIndices,
      ...(dataset.table ? { table: dataset.table } : {}),
    },
    layers: scoring.layers.map((l, i) => ({
      name: l.name,
      inputs: l.inputs,
      units: l.units,
      kernel: l.kernel,
      bias: l.bias,
      gradAbsMean: l.gradAbsMean,
      gradSqMean: l.gradSqMean,
      mask: view.masks[i],
    })),
    metrics: {
      dense: {
        trainAcc: dense.train.accuracy,
        trainLoss: dense.train.loss,
        valAcc: dense.val.accuracy,
        valLoss: dense.val.loss,
      },
      pruned,
      sparsity: { overall: view.report.sparsity, perLayer: view.report.layers.map((l) => l.sparsity) },
    },
    sweep,
    forget: runForgetOf(s),
  });
  return { name: `run-${fileStem(s)}.json`, type: 'application/json', data: text };
}

/**
 * How a user's table was prepared (label column, one-hot, missing values), so the run can be reproduced
 * from the same file. A label column name longer than a run file's config strings is written as null.
 */
const tableConfig = (s: AppState) => {
  const o = s.userData.options;
  const label = s.userData.readout?.columns[o.label]?.name;
  return {
    tableLabel: label !== undefined && label.length <= CONFIG_STRING_MAX ? label : null,
    tableOneHot: o.oneHot,
    tableMissing: o.missing,
  };
};

/** Every curve point as CSV. */
export function sweepCsv(s: AppState): FileOut {
  const perClass = classColumns(s);
  const rows = [
    ['criterion,split,scope,granularity,target,sparsity,threshold,accuracy,loss', ...perClass.header].join(','),
  ];
  for (const [criterion, curves] of Object.entries(s.sweep.curves)) {
    for (const split of ['val', 'train'] as const) {
      for (const p of curves?.[split] ?? [])
        rows.push(
          [
            criterion,
            split,
            s.sweep.scope,
            s.sweep.granularity,
            p.target,
            p.sparsity,
            Number.isFinite(p.threshold) ? p.threshold : '',
            p.accuracy,
            p.loss,
            ...perClass.cells(p),
          ].join(','),
        );
    }
  }
  if (rows.length === 1) throw new ExportError(msg('export.noCurves'));
  return {
    name: `curves-${dataLabel(s)}-${s.sweep.scope}-${s.sweep.granularity}-${today()}.csv`,
    type: 'text/csv',
    data: `${rows.join('\n')}\n`,
  };
}
