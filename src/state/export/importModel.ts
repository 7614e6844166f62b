/**
 * Bringing a trained model: the files a user picks or drops (model.json and its weight files) read and
 * checked against the lab's limits and against the data the Training panel names (a built-in dataset,
 * or the loaded table). Core's reader (`readLayersModel`) reads the model as data; its English reason
 * goes inside a translated sentence (`{detail}`). Every refusal names what it found; nothing else
 * changes then. Pure, but for reading the files' bytes.
 */
import { hiddenOf, hiddenProblem, isObj, sizeWords, type LayerParams } from '../../core/base';
import type { DataRef } from '../../core/data';
import { readLayersModel, type ImportedModel } from '../../core/formats';
import { msg, type Msg } from '../../i18n/catalogue';
import { chosenData, chosenTableRef } from '../data/dataChoice';
import { startRun, trainConfigOf, type AppState, type Origin } from '../store';
import type { TrainConfig } from '../../train/runTypes';

/** The most bytes the picked files may hold together (the widest allowed network is ~7 MB of float32). */
export const MODEL_MAX_BYTES = 64 * 1024 * 1024;

/** The picked files, read: model.json parsed (not yet checked), the others' bytes by file name. */
export interface ModelFiles {
  /** The model.json's file name. */
  file: string;
  json: unknown;
  weights: Map<string, Uint8Array>;
}

const detailOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Reads the picked files: exactly one `.json` (the model), the rest weight files; or why not. */
export async function readModelFiles(files: readonly File[]): Promise<ModelFiles | { error: Msg }> {
  const jsons = files.filter((f) => f.name.toLowerCase().endsWith('.json'));
  const names = files.map((f) => f.name).join(', ');
  if (jsons.length === 0) return { error: msg('model.noJson', { files: names }) };
  if (jsons.length > 1) return { error: msg('model.manyJson', { files: jsons.map((f) => f.name).join(', ') }) };
  const total = files.reduce((s, f) => s + f.size, 0);
  if (total > MODEL_MAX_BYTES) return { error: msg('model.tooLarge', sizeWords(total, MODEL_MAX_BYTES)) };
  const file = jsons[0].name;
  let json: unknown;
  try {
    json = JSON.parse(await jsons[0].text());
  } catch (e) {
    return { error: msg('model.notJson', { file, detail: detailOf(e) }) };
  }
  const weights = new Map<string, Uint8Array>();
  try {
    for (const f of files) if (f !== jsons[0]) weights.set(f.name, new Uint8Array(await f.arrayBuffer()));
  } catch (e) {
    return { error: msg('import.unreadable', { detail: detailOf(e) }) };
  }
  return { file, json, weights };
}

/** The weight files model.json's manifest names that were not picked (file names, without folders); [] when it names none readably. */
export function missingWeightFiles(json: unknown, have: ReadonlyMap<string, Uint8Array>): string[] {
  if (!isObj(json) || !Array.isArray(json.weightsManifest)) return [];
  const paths = json.weightsManifest.flatMap((g) => (isObj(g) && Array.isArray(g.paths) ? g.paths : []));
  const names = paths.filter((p): p is string => typeof p === 'string').map((p) => p.split(/[\\/]/).pop() ?? p);
  return [...new Set(names)].filter((n) => !have.has(n));
}

/** An imported model that fits the lab and the data: its weights, what it is scored on, and the run's settings. */
export interface CheckedModel {
  model: ImportedModel;
  /** The table's reference (its values and split); null: the built-in dataset `config.dataset`, split by the worker. */
  data: DataRef | null;
  config: TrainConfig;
  origin: Extract<Origin, { kind: 'model' }>;
}

/** Checks the read model against the lab's limits and the data the Training panel names; or why it is refused. */
export function checkModel(s: AppState, files: ModelFiles): CheckedModel | { error: Msg } {
  const missing = missingWeightFiles(files.json, files.weights);
  if (missing.length) return { error: msg('model.missingWeights', { file: files.file, missing: missing.join(', ') }) };
  let model: ImportedModel;
  try {
    model = readLayersModel(files.json, files.weights);
  } catch (e) {
    return { error: msg('model.refused', { file: files.file, detail: detailOf(e) }) };
  }
  const hidden = hiddenOf(model.layers);
  const why = hiddenProblem(hidden);
  if (why) return { error: msg('model.hidden', { detail: why }) };
  const data = chosenData(s);
  const name = data.table ?? data.name;
  if (data.table !== null && !data.ready) return { error: msg('model.tableNotReady', { name: data.table }) };
  if (model.inputs !== data.inputs)
    return { error: msg('model.inputs', { found: model.inputs, name, inputs: data.inputs }) };
  if (model.classes !== data.classes)
    return { error: msg('model.classes', { found: model.classes, name, classes: data.classes }) };
  const table = data.table !== null ? chosenTableRef(s) : null;
  const settings = { ...s.settings, hidden };
  const config = table
    ? { ...trainConfigOf(settings), dataset: 'user' as const, seed: table.seed }
    : trainConfigOf(settings);
  return { model, data: table, config, origin: { kind: 'model', file: files.file, output: model.output } };
}

/**
 * The state of run `runId` that scores the model: the form's hidden layers follow it, the run's origin
 * names its file, and (a table) the run's data reference keeps the table, as a run on it does.
 */
export function modelRunState(s: AppState, checked: CheckedModel, runId: number): AppState {
  const settings = { ...s.settings, hidden: hiddenOf(checked.model.layers) };
  return {
    ...startRun({ ...s, settings }, runId, checked.config),
    ...(checked.data ? { dataset: checked.data } : {}),
    origin: checked.origin,
  };
}

/** The weights the worker starts from (a copy per layer, so that the transfer leaves nothing of the page's). */
export const modelWeights = (m: ImportedModel): LayerParams[] =>
  m.layers.map((l) => ({ ...l, kernel: l.kernel.slice(), bias: l.bias.slice() }));
