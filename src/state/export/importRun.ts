/**
 * Restores an experiment from a run.json without retraining: settings, weights and gradient statistics
 * come from the file, the data from the app's own dataset with the file's split (every worker rebuilds
 * it from there). A bad file is refused with the validator's reason (English detail from core, naming
 * the field, inside the translated `import.refused`) and the current experiment is left untouched. Pure.
 */
import type { UserTable } from '../../core/data';
import { parseRun, RUN_MAX_LENGTH } from '../../core/formats';
import { sizeWords } from '../../core/base';
import { msg, type Msg } from '../../i18n/catalogue';
import { parseField, SETTING_KEYS, startRun, trainConfigOf, type AppState, type Settings } from '../store';

/**
 * The state with the imported run (phase 'done', no training curves), or why the file was refused.
 * `newRun` is called only for a valid file: it stops the training worker's run and numbers the import.
 */
export function importedState(
  before: AppState,
  text: string,
  newRun: () => number,
): { state: AppState } | { error: Msg } {
  const parsed = parseRun(text);
  if (!parsed.ok) return { error: msg('import.refused', { reason: parsed.error }) };
  const run = parsed.run;
  const settings = { ...before.settings } as Settings;
  const skipped: string[] = [];
  for (const name of SETTING_KEYS) {
    // A run on a user's table says dataset "user", which is not a setting: the form keeps its own.
    if (name === 'dataset' && run.data.name === 'user') continue;
    const value = run.config[name];
    if (value === undefined || value === null) continue;
    const r = parseField(name, String(value));
    if ('value' in r) (settings as unknown as Record<string, unknown>)[name] = r.value;
    else skipped.push(name);
  }
  let table: UserTable | undefined;
  if (run.data.name === 'user') {
    // The table's values are not in the file: the same file must be loaded, and split with the run's seed.
    const info = run.data.table!;
    const have = before.userData.prepared?.table;
    if (!have || have.hash !== info.hash)
      return { error: msg('import.needsTable', { name: info.name, hash: info.hash.slice(0, 12) }) };
    const same = (a: ArrayLike<number>, b: ArrayLike<number>) =>
      a.length === b.length && Array.prototype.every.call(a, (v: number, i: number) => v === b[i]);
    const split = before.userData.prepared!;
    if (
      !same(split.trainIndices, run.data.trainIndices) ||
      !same(split.valIndices, run.data.valIndices) ||
      have.featureNames.join('\n') !== info.featureNames.join('\n') ||
      have.classNames.join('\n') !== info.classNames.join('\n')
    )
      return { error: msg('import.tableSplit', { name: info.name, seed: String(run.config.seed ?? '') }) };
    table = have;
  } else settings.dataset = run.data.name;
  // The file's network is what Train trains again (config.hidden is only the form's, when it was written).
  settings.hidden = run.hidden;
  const config = { ...trainConfigOf(settings), dataset: run.data.name };
  const layers = run.layers.map(({ name, inputs, units, kernel, bias, gradAbsMean, gradSqMean }) => ({
    name,
    inputs,
    units,
    kernel,
    bias,
    gradAbsMean,
    gradSqMean,
  }));
  const note = skipped.length
    ? msg('import.doneSkipped', { date: run.createdAt, skipped: skipped.join(', ') })
    : msg('import.done', { date: run.createdAt });
  return {
    state: {
      ...startRun({ ...before, settings }, newRun(), config),
      phase: 'done',
      dataset: {
        name: run.data.name,
        seed: settings.seed,
        trainIndices: run.data.trainIndices,
        valIndices: run.data.valIndices,
        ...(table ? { table } : {}),
      },
      scoring: { layers, batches: 0, seconds: 0 },
      notices: [...before.notices, note],
      // Not retrained: the backend that trained it is the file's (run.json's config.backendUsed, a string).
      origin: { kind: 'imported', createdAt: run.createdAt, backendUsed: run.config.backendUsed as string },
    },
  };
}

/** Reads a File, refusing one over RUN_MAX_LENGTH bytes before reading a byte (exact bytes when the MB figures would look equal). */
export async function readRunFile(file: Blob): Promise<{ text: string } | { error: Msg }> {
  if (file.size > RUN_MAX_LENGTH) return { error: msg('import.tooLarge', sizeWords(file.size, RUN_MAX_LENGTH)) };
  try {
    return { text: await file.text() };
  } catch (e) {
    return { error: msg('import.unreadable', { detail: e instanceof Error ? e.message : String(e) }) };
  }
}
