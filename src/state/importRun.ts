/**
 * Restores an experiment from a run.json without retraining: settings, weights and gradient statistics
 * come from the file, the data from the app's own dataset with the file's split indices. A bad file is
 * refused with the validator's message and the current experiment is left untouched.
 */
import { parseRun, RUN_MAX_LENGTH } from '../core/runFile';
import type { TrainingClient } from '../train/client';
import type { LayerArrays } from '../train/protocol';
import { parseField, SETTING_KEYS, trainConfigOf, type Settings } from './settings';
import { startRun, type AppState, type Store } from './store';

/** Returns null on success, or the reason the file was refused. */
export function importRun(text: string, store: Store<AppState>, client: TrainingClient): string | null {
  const parsed = parseRun(text);
  if (!parsed.ok) return `This run file cannot be imported: ${parsed.error}.`;
  const run = parsed.run;
  const before = store.getState();
  const settings = { ...before.settings } as Settings;
  const skipped: string[] = [];
  for (const name of SETTING_KEYS) {
    const value = run.config[name];
    if (value === undefined || value === null) continue;
    const r = parseField(name, String(value));
    if ('value' in r) (settings as unknown as Record<string, unknown>)[name] = r.value;
    else skipped.push(name);
  }
  settings.dataset = run.data.name;
  const config = trainConfigOf(settings);
  const layers: LayerArrays[] = run.layers.map(({ name, inputs, units, kernel, bias, gradAbsMean, gradSqMean }) => ({ name, inputs, units, kernel, bias, gradAbsMean, gradSqMean }));
  const runId = client.loadData(run.data.name, settings.seed, run.data.trainIndices, run.data.valIndices);
  const note = `Imported run.json from ${run.createdAt}: settings, weights and gradient statistics restored without retraining (no training curves).${skipped.length ? ` Settings not restored: ${skipped.join(', ')}.` : ''}`;
  store.setState({
    ...startRun({ ...before, settings }, runId, config),
    phase: 'done',
    scoring: { layers, batches: 0, seconds: 0 },
    notices: [...before.notices, note],
  });
  return null;
}

/** Reads a File, refusing oversized ones before reading a byte. */
export async function readRunFile(file: Blob): Promise<{ text: string } | { error: string }> {
  if (file.size > RUN_MAX_LENGTH) return { error: `This file is ${(file.size / 2 ** 20).toFixed(1)} MB; run files are at most ${RUN_MAX_LENGTH / 2 ** 20} MB. It was not read.` };
  try {
    return { text: await file.text() };
  } catch (e) {
    return { error: `The file could not be read: ${e instanceof Error ? e.message : String(e)}` };
  }
}
