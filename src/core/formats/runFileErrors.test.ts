import { describe, expect, it } from 'vitest';
import { createRng } from '../base';
import { mutateText, mutateValue } from '../base/testMutate';
import { parseRun, serializeRun } from './runFile';
import { RUN_FORMAT } from './runFormat';
import { makeRun } from './testRun';

const text = serializeRun(makeRun('synthetic-32', 3));
/** A JSON object of the valid file to corrupt. */
const fresh = (): any => JSON.parse(text);
const errorOf = (t: string) => {
  const res = parseRun(t);
  expect(res.ok).toBe(false);
  return res.ok ? '' : res.error;
};
const corrupt = (edit: (f: any) => void) => {
  const f = fresh();
  edit(f);
  return errorOf(JSON.stringify(f));
};

describe('run file validation', () => {
  it('names the problem of each kind of corruption', () => {
    expect(corrupt((f) => (f.format = 'foo'))).toBe(
      `not a Gradient Pruning Lab run file: format is "foo", expected "${RUN_FORMAT}"`,
    );
    expect(corrupt((f) => delete f.format)).toMatch(/format is missing/);
    expect(corrupt((f) => (f.format = 'gradient-pruning-lab/run@5'))).toBe(
      'format "gradient-pruning-lab/run@5" is not supported; this version reads "gradient-pruning-lab/run@1", "gradient-pruning-lab/run@2", "gradient-pruning-lab/run@3", "gradient-pruning-lab/run@4"',
    );
    // Version 3's architecture: 1 to 6 hidden layers of 1 to 512 units, and the layers must follow it.
    expect(corrupt((f) => delete f.hidden)).toBe('hidden must be an array, got nothing');
    expect(corrupt((f) => (f.hidden = []))).toBe('hidden: 0 hidden layers, expected 1 to 6');
    expect(corrupt((f) => (f.hidden = [1, 2, 3, 4, 5, 6, 7]))).toBe('hidden: 7 hidden layers, expected 1 to 6');
    expect(corrupt((f) => (f.hidden = [64, 513]))).toBe(
      'hidden: hidden layer 2 has 513 units, expected a whole number from 1 to 512',
    );
    expect(corrupt((f) => (f.hidden = [64, '32']))).toBe(
      'hidden: hidden layer 2 has string as its units, expected a whole number from 1 to 512',
    );
    expect(corrupt((f) => (f.hidden = [64, 31]))).toMatch(/^layers\[1\]\.units is 32, expected 31/);
    expect(corrupt((f) => (f.hidden = [64]))).toMatch(/^layers/);
    expect(errorOf(text.slice(0, text.length / 2))).toMatch(/^run file is not valid JSON \(/);
    expect(errorOf('[1, 2]')).toBe('run file must hold a JSON object, got an array');
    expect(corrupt((f) => (f.layers[1].kernel[5] = null))).toMatch(
      /^layers\[1\]\.kernel\[5\] is null \(a NaN or infinite value when it was saved\)/,
    );
    expect(errorOf(text.replace(/"bias":\[[-\d.e]+/, '"bias":[-1e999'))).toBe(
      'layers[0].bias[0] is -Infinity, expected a finite number',
    );
    expect(corrupt((f) => (f.layers[2].bias[3] = 1e39))).toBe('layers[2].bias[3] = 1e+39 is outside the float32 range');
    expect(corrupt((f) => (f.layers[0].bias[0] = '1'))).toBe('layers[0].bias[0] is "1", expected a number');
    expect(corrupt((f) => (f.layers[0].mask[3] = 2))).toBe('layers[0].mask[3] is 2, must be 0 or 1');
    expect(corrupt((f) => (f.layers[0].mask[4] = true))).toBe('layers[0].mask[4] is true, must be 0 or 1');
    expect(corrupt((f) => f.layers[1].kernel.pop())).toBe('layers[1].kernel has 2047 numbers, expected 64 × 32 = 2048');
    expect(corrupt((f) => f.layers[2].gradAbsMean.push(1))).toBe(
      'layers[2].gradAbsMean has 321 numbers, expected 32 × 10 = 320',
    );
    expect(corrupt((f) => (f.layers[1].gradSqMean[7] = -0.5))).toBe('layers[1].gradSqMean[7] is -0.5, must be ≥ 0');
    expect(corrupt((f) => (f.layers[1].units = 33))).toBe('layers[1].units is 33, expected 32');
    expect(corrupt((f) => (f.layers[2].inputs = 33))).toBe('layers[2].inputs is 33, expected 32 (= layers[1].units)');
    expect(corrupt((f) => (f.layers[0].inputs = 784))).toBe(
      'layers[0].inputs is 784, expected 32 for data.name "synthetic-32"',
    );
    expect(corrupt((f) => (f.data.name = 'mnist'))).toMatch(
      /^config\.dataset is "synthetic-32" but data\.name is "mnist"/,
    );
    expect(corrupt((f) => ((f.data.name = 'mnist'), (f.config.dataset = 'mnist')))).toBe(
      'layers[0].inputs is 32, expected 784 for data.name "mnist"',
    );
    expect(corrupt((f) => f.layers.pop())).toBe('layers has 2 entries, expected 3 (32 → 64 → 32 → 10)');
    expect(corrupt((f) => (f.layers[1].name = f.layers[0].name))).toBe(
      'layers[1].name "dense_1" is used by an earlier layer',
    );
    const [a, b] = [fresh().data.trainIndices[0], fresh().data.valIndices[0]];
    expect(corrupt((f) => (f.data.trainIndices[9] = a))).toBe(`data.trainIndices lists sample ${a} twice`);
    expect(corrupt((f) => (f.data.valIndices[4] = a))).toBe(
      `sample ${a} is in both data.trainIndices and data.valIndices; the splits must be disjoint`,
    );
    expect(corrupt((f) => (f.data.valIndices[0] = 10000))).toBe(
      'data.valIndices[0] is 10000, expected an integer sample number in 0..9999',
    );
    expect(corrupt((f) => (f.data.valIndices[1] = b + 0.5))).toMatch(
      /^data\.valIndices\[1\] is \d+\.5, expected an integer/,
    );
    expect(corrupt((f) => f.data.trainIndices.pop())).toBe('data.trainIndices has 7999 entries, expected 8000');
    const used = 'expected the name of the backend that trained the weights (a string, such as "wasm")';
    expect(corrupt((f) => delete f.config.backendUsed)).toBe(`config.backendUsed is missing, ${used}`);
    expect(corrupt((f) => (f.config.backendUsed = null))).toBe(`config.backendUsed is null, ${used}`);
    expect(corrupt((f) => (f.config.backendUsed = ''))).toBe(`config.backendUsed is "", ${used}`);
    expect(corrupt((f) => (f.config.backendUsed = 3))).toBe(`config.backendUsed is 3, ${used}`);
    expect(corrupt((f) => (f.config.backendUsed = 'w'.repeat(1025)))).toBe(
      'config.backendUsed is a string of 1025 characters, at most 1024 characters are allowed',
    );
    expect(corrupt((f) => delete f.sweep[0].loss)).toBe('sweep[0].loss must be a finite number or null, got nothing');
    expect(corrupt((f) => (f.config.epochs = { n: 5 }))).toBe(
      'config.epochs is an object, expected a string, number, boolean or null',
    );
    expect(corrupt((f) => (f.createdAt = 'yesterday'))).toBe('createdAt is "yesterday", expected an ISO 8601 date');
    expect(corrupt((f) => (f.metrics.sparsity.perLayer[1] = 0.9))).toMatch(
      /^metrics\.sparsity\.perLayer\[1\] is 0\.9, but layers\[1\]\.mask prunes 0\.\d+/,
    );
    expect(corrupt((f) => (f.metrics.dense.valAcc = 1.5))).toBe(
      'metrics.dense.valAcc is 1.5, expected a number in 0..1',
    );
    expect(errorOf(text.replace('"trainLoss":0.3', '"trainLoss":1e999'))).toBe(
      'metrics.dense.trainLoss must be a finite number or null, got Infinity',
    );
    expect(corrupt((f) => (f.sweep[1].criterion = 'saliency'))).toBe(
      'sweep[1].criterion is "saliency", expected one of "gradient", "gradnorm", "magnitude", "lamp", "taylor", "obd", "random"',
    );
    expect(corrupt((f) => (f.sweep[0].loss = -1))).toBe('sweep[0].loss is -1, expected a number ≥ 0');
    expect(corrupt((f) => (f.sweep = {}))).toBe('sweep must be an array, got an object');
    expect(corrupt((f) => (f.sweep[2].scope = 'local'))).toBe(
      'sweep[2].scope is "local", expected one of "global", "per-layer"',
    );
    expect(corrupt((f) => delete f.sweep[1].granularity)).toBe(
      'sweep[1].granularity is missing, expected one of "weights", "neurons", "2:4"',
    );
    expect(corrupt((f) => (f.sweep[0].target = 1.2))).toBe('sweep[0].target is 1.2, expected a number in 0..1');
  });

  it('refuses prototype-polluting keys anywhere and never touches Object.prototype', () => {
    expect(errorOf(text.replace('"config":{', '"config":{"__proto__":{"polluted":1},'))).toBe(
      'config has the forbidden key "__proto__"',
    );
    expect(
      errorOf(text.replace('{"criterion":"obd"', '{"constructor":{"prototype":{"polluted":1}},"criterion":"obd"')),
    ).toBe('sweep[1] has the forbidden key "constructor"');
    expect(errorOf(text.replace('"dense":{', '"dense":{"prototype":1,'))).toBe(
      'metrics.dense has the forbidden key "prototype"',
    );
    expect(errorOf(`{"__proto__":{"polluted":1},${text.slice(1)}`)).toBe('the file has the forbidden key "__proto__"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never throws on 200 random mutations of a valid file', () => {
    const r = createRng(77);
    const values = [null, -1, 0, 1, 2, 0.5, 1e39, -0, 'x', '', true, [], {}, [1, 2], { a: 1 }, 10000, 7999];
    let ok = 0;
    for (let trial = 0; trial < 200; trial++) {
      const t = trial % 2 ? mutateText(text, r) : JSON.stringify(mutateValue(fresh(), r, values));
      let res: ReturnType<typeof parseRun> | undefined;
      expect(() => (res = parseRun(t)), `mutation ${trial}`).not.toThrow();
      if (res!.ok) ok++;
      else expect(res!.error.length).toBeGreaterThan(10);
    }
    expect(ok).toBeLessThan(200);
  });
});
