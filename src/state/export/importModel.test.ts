import { describe, expect, it } from 'vitest';
import { createRng, layerShapes, type LayerArrays } from '../../core/base';
import { layersModelArtifacts } from '../../core/formats';
import { randomLayers } from '../../core/formats/testRun';
import { translate, type Msg } from '../../i18n/catalogue';
import type { ToEval } from '../../eval/protocol';
import type { ToWorker } from '../../train/protocol';
import { backend, controllerOnFakes, syntheticSplit } from '../testPorts';
import { tableState } from '../testTable';

const en = (m: Msg | null | undefined) => (m ? translate('en', m.key, m.params) : '');
const bytes = (b: Uint8Array | ArrayBuffer) => new Uint8Array(b instanceof ArrayBuffer ? b : b.slice().buffer);
/** A 32 → 16 → 8 → 10 network (synthetic-32's width and classes), its model.json and weights.bin as picked files. */
function modelFiles(hidden = [16, 8], inputs = 32, classes = 10, edit: (json: any) => void = () => {}) {
  const layers = randomLayers(layerShapes(inputs, hidden, classes), createRng(5));
  const { modelJson, weightData } = layersModelArtifacts(layers, null);
  const json = JSON.parse(JSON.stringify(modelJson));
  edit(json);
  const files = [
    new File([JSON.stringify(json)], 'model.json', { type: 'application/json' }),
    new File([bytes(weightData)], 'weights.bin'),
  ];
  return { layers, files };
}

function ready(hash = '#dataset=synthetic-32&snapshot=none') {
  const fakes = controllerOnFakes(hash);
  fakes.t.reply({ type: 'ready', backend });
  return fakes;
}

describe('bringing a trained model', () => {
  it('sends the model’s weights to a 0-epoch run, and shows the scored network as a run’s end', async () => {
    const { c, t, ev, hashes } = ready();
    const { layers, files } = modelFiles();
    expect(await c.importModel(files)).toBeNull();
    const train = t.sent.find((m): m is Extract<ToWorker, { type: 'train' }> => m.type === 'train')!;
    expect(train.config.epochs).toBe(0);
    expect(train.config.dataset).toBe('synthetic-32');
    expect(train.weights!.map((l) => [l.inputs, l.units])).toEqual(layers.map((l) => [l.inputs, l.units]));
    train.weights!.forEach((l, i) => {
      expect(Array.from(l.kernel)).toEqual(Array.from(layers[i].kernel));
      expect(Array.from(l.bias)).toEqual(Array.from(layers[i].bias));
    });
    let s = c.store.getState();
    expect([s.runId, s.phase, s.origin]).toEqual([
      train.runId,
      'loading',
      { kind: 'model', file: 'model.json', output: 'softmax' },
    ]);
    // The form follows the model; the link names its hidden layers.
    expect(s.settings.hidden).toEqual([16, 8]);
    expect(hashes.at(-1)).toContain('hidden=16,8');
    // The run's epochs stay the form's (the worker is sent 0).
    expect(s.runConfig?.epochs).toBe(c.store.getState().settings.epochs);

    const scored: LayerArrays[] = train.weights!.map((l) => ({
      ...l,
      gradAbsMean: new Float32Array(l.kernel.length).fill(0.01),
      gradSqMean: new Float32Array(l.kernel.length).fill(1e-4),
    }));
    t.reply({ type: 'dataset', runId: train.runId, data: { name: 'synthetic-32', seed: 1, ...syntheticSplit() } });
    t.reply({ type: 'phase', runId: train.runId, phase: 'scoring' });
    t.reply({
      type: 'done',
      runId: train.runId,
      trainSeconds: 0,
      samplesPerSec: 0,
      scoring: { layers: scored, batches: 1, seconds: 1 },
    });
    s = c.store.getState();
    expect([s.phase, s.origin?.kind, s.scoring?.layers.length]).toEqual(['done', 'model', 3]);
    // Nothing measured: no training rate is kept from a run that trained nothing.
    expect(s.runRates).toEqual({});
    const load = ev.sent.find((m): m is Extract<ToEval, { type: 'load' }> => m.type === 'load')!;
    expect(load.network.layers.map((l) => l.units)).toEqual([16, 8, 10]);
  });

  it('a linear output is the same network: read, and its origin says so', async () => {
    const { c } = ready();
    const { files } = modelFiles(
      [16, 8],
      32,
      10,
      (j) => (j.modelTopology.config.layers.at(-1).config.activation = 'linear'),
    );
    expect(await c.importModel(files)).toBeNull();
    expect(c.store.getState().origin).toEqual({ kind: 'model', file: 'model.json', output: 'linear' });
  });

  it('on the chosen table: its reference goes with the weights; a model of another width names the table', async () => {
    const { c, t } = ready();
    c.store.setState((s) => tableState({ train: 120, val: 30, inputs: 4, classes: 3, name: 'iris.csv' }, true, s));
    expect(en(await c.importModel(modelFiles([8], 5, 3).files))).toMatch(
      /^The model takes 5 inputs, but iris\.csv has 4: /,
    );
    expect(await c.importModel(modelFiles([8], 4, 3).files)).toBeNull();
    const train = t.sent.find((m): m is Extract<ToWorker, { type: 'train' }> => m.type === 'train')!;
    expect([train.config.dataset, train.data?.name, train.data?.table?.name]).toEqual(['user', 'user', 'iris.csv']);
    expect(c.store.getState().dataset?.table?.name).toBe('iris.csv');
  });

  const refusals: [string, () => File[], RegExp][] = [
    [
      'not JSON',
      () => [new File(['{"modelTopology": '], 'model.json'), modelFiles().files[1]],
      /^model\.json is not JSON: /,
    ],
    ['no model.json', () => [modelFiles().files[1]], /^None of the chosen files \(weights\.bin\) is a model\.json/],
    [
      'a missing weight file',
      () => [modelFiles().files[0]],
      /^model\.json names weight files that were not chosen with it: weights\.bin\./,
    ],
    [
      'a sigmoid layer',
      () => modelFiles([16, 8], 32, 10, (j) => (j.modelTopology.config.layers[1].config.activation = 'sigmoid')).files,
      /^This model cannot be imported: hidden layer 2 \(dense_2\) uses "sigmoid": the lab’s hidden layers are ReLU\.$/,
    ],
    [
      'seven hidden layers',
      () => modelFiles([4, 4, 4, 4, 4, 4, 4]).files,
      /^This model’s hidden layers are beyond the lab’s limits: 7 hidden layers, expected 1 to 6\.$/,
    ],
    ['MNIST’s width', () => modelFiles([16, 8], 784).files, /^The model takes 784 inputs, but synthetic-32 has 32: /],
    ['five classes', () => modelFiles([16, 8], 32, 5).files, /^The model gives 5 classes, but synthetic-32 has 10: /],
  ];
  for (const [what, files, message] of refusals)
    it(`refuses ${what} with its message, and changes nothing`, async () => {
      const { c, t, ev } = ready();
      const before = c.store.getState();
      const sent = t.sent.length;
      expect(en(await c.importModel(files()))).toMatch(message);
      expect(c.store.getState()).toBe(before);
      expect(t.sent.length).toBe(sent);
      expect(ev.sent).toEqual([]);
    });
});
