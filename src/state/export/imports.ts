/**
 * The two imports' wiring: a run.json (the file's network and curves become the current run) and a
 * trained model (model.json + weight files: the worker scores its weights on the chosen data, a run's end
 * as Train's). Each returns the message of a refused file, or null; a refused file changes nothing.
 */
import type { Controller } from '../controllerApi';
import { importedData } from '../data/dataChoice';
import type { AppState, Store } from '../store';
import type { Training } from '../training/training';
import { checkModel, modelRunState, modelWeights, readModelFiles } from './importModel';
import { importedState } from './importRun';

export function createImports(
  store: Store<AppState>,
  training: Training,
  after: { writeHash(): void; loadNetwork(): void },
): Pick<Controller, 'importRun' | 'importModel'> {
  return {
    importRun(text) {
      // A valid file stops whatever the training worker runs; the import becomes the current run.
      const before = store.getState();
      const result = importedState(before, text, () => training.client().stop());
      if ('error' in result) return result.error;
      store.setState(importedData(before, result.state));
      after.writeHash();
      after.loadNetwork();
      return null;
    },
    async importModel(files) {
      const read = await readModelFiles(files);
      if ('error' in read) return read.error;
      const checked = checkModel(store.getState(), read);
      if ('error' in checked) return checked.error;
      // The worker starts from the model's weights, trains 0 epochs and scores them: a run's end, as Train's.
      training.score(modelWeights(checked.model), checked.config, checked.data, (runId) =>
        modelRunState(store.getState(), checked, runId),
      );
      after.writeHash();
      return null;
    },
  };
}
