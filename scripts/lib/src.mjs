// The project's TypeScript sources, imported from the Node scripts through Vite's module runner, so the
// scripts use the app's own constants and functions instead of copies of them.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A module of the project by its path from the root, e.g. `fromSrc('src/core/prune/criteria.ts')`. */
export async function fromSrc(file) {
  const { runnerImport } = await import('vite');
  const { module } = await runnerImport(path.join(ROOT, file), { configFile: false, logLevel: 'silent' });
  return module;
}

/** The constants the scripts share with the app, from their source of truth. */
export async function appConstants() {
  const [criteria, dataset, experiments, runTypes, stats] = await Promise.all(
    [
      'src/core/prune/criteria.ts',
      'src/core/data/dataset.ts',
      'src/state/store/index.ts',
      'src/train/runTypes.ts',
      'src/core/base/stats.ts',
    ].map(fromSrc),
  );
  return {
    CRITERIA: criteria.CRITERIA,
    DATASET_NAMES: dataset.DATASET_NAMES,
    CURVE_SPARSITIES: experiments.CURVE_SPARSITIES,
    BACKEND_NAMES: runTypes.BACKEND_NAMES,
    median: stats.median,
    percentile: stats.percentile,
  };
}
