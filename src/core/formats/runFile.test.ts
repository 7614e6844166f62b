import { describe, expect, it } from 'vitest';
import { layerShapes, createRng, permutation } from '../base';
import { type DatasetName, INPUT_SIZE } from '../data';
import { parseRun, RUN_FORMAT, RUN_MAX_LENGTH, serializeRun, type RunInput } from './runFile';
import { mutateText, mutateValue } from '../base/testMutate';

function makeRun(name: DatasetName, seed: number): RunInput {
  const r = createRng(seed);
  const order = permutation(10000, r);
  const layers = layerShapes(INPUT_SIZE[name]).map((s) => {
    const n = s.inputs * s.units;
    return {
      ...s,
      kernel: Float32Array.from({ length: n }, () => r.normal()),
      bias: Float32Array.from({ length: s.units }, () => r.normal()),
      gradAbsMean: Float32Array.from({ length: n }, () => r.next()),
      gradSqMean: Float32Array.from({ length: n }, () => r.next() * 1e-6),
      mask: Uint8Array.from({ length: n }, () => (r.next() < 0.3 ? 0 : 1)),
    };
  });
  const pruned = layers.map((l) => l.mask.reduce((a, b) => a + 1 - b, 0));
  const total = layers.reduce((a, l) => a + l.mask.length, 0);
  return {
    createdAt: '2025-01-02T03:04:05.678Z',
    config: {
      dataset: name,
      seed,
      epochs: 5,
      batchSize: 32,
      learningRate: 0.001,
      backend: 'auto',
      criterion: 'gradient',
      threshold: 0.01,
      backendUsed: 'cpu',
      note: null,
      flag: true,
    },
    data: { name, trainIndices: order.slice(0, 8000), valIndices: order.slice(8000) },
    layers,
    metrics: {
      dense: { trainAcc: 0.9, trainLoss: 0.3, valAcc: 0.85, valLoss: 0.4 },
      pruned: { trainAcc: 0.8, trainLoss: 0.5, valAcc: 0.75, valLoss: NaN },
      sparsity: {
        overall: pruned.reduce((a, b) => a + b, 0) / total,
        perLayer: pruned.map((p, l) => p / layers[l].mask.length),
      },
    },
    sweep: [
      {
        criterion: 'gradient',
        split: 'val',
        scope: 'global',
        granularity: 'weights',
        target: 0,
        sparsity: 0,
        threshold: 0,
        accuracy: 0.85,
        loss: 0.4,
      },
      {
        criterion: 'obd',
        split: 'train',
        scope: 'global',
        granularity: 'neurons',
        target: 0.4,
        sparsity: 0.5,
        threshold: 1.5e-7,
        accuracy: 0.8,
        loss: 0.5,
      },
      {
        criterion: 'random',
        split: 'val',
        scope: 'global',
        granularity: 'weights',
        target: 1,
        sparsity: 1,
        threshold: Infinity,
        accuracy: 0.1,
        loss: 2.3,
      },
      {
        criterion: 'magnitude',
        split: 'val',
        scope: 'per-layer',
        granularity: 'weights',
        target: 0.2,
        sparsity: 0.2,
        threshold: NaN,
        accuracy: 0.84,
        loss: 0.41,
      },
    ],
  };
}

const base = makeRun('synthetic-32', 3);
const text = serializeRun(base);
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

describe('run file round trip', () => {
  it('gives back identical arrays, typed', () => {
    for (const run of [base, makeRun('mnist', 4)]) {
      const res = parseRun(serializeRun(run));
      if (!res.ok) throw new Error(res.error);
      const back = res.run;
      expect(back.format).toBe(RUN_FORMAT);
      expect(back.config).toEqual(run.config);
      expect(back.data.trainIndices).toBeInstanceOf(Uint32Array);
      expect(back.data.trainIndices).toEqual(run.data.trainIndices);
      expect(back.data.valIndices).toEqual(run.data.valIndices);
      back.layers.forEach((l, k) => {
        const src = run.layers[k];
        expect(l.kernel).toBeInstanceOf(Float32Array);
        expect(l.mask).toBeInstanceOf(Uint8Array);
        expect([l.name, l.inputs, l.units]).toEqual([src.name, src.inputs, src.units]);
        for (const key of ['kernel', 'bias', 'gradAbsMean', 'gradSqMean', 'mask'] as const)
          expect(l[key]).toEqual(src[key]);
      });
      expect(back.metrics).toEqual(run.metrics);
      // Non-finite thresholds are stored as null and read back as NaN.
      expect(back.sweep.map((p) => p.threshold)).toEqual([0, 1.5e-7, NaN, NaN]);
      expect(back.sweep.map(({ threshold: _, ...p }) => p)).toEqual(run.sweep.map(({ threshold: _, ...p }) => p));
      expect(serializeRun(back)).toBe(
        serializeRun({
          ...run,
          sweep: run.sweep.map((p) => ({ ...p, threshold: Number.isFinite(p.threshold) ? p.threshold : NaN })),
        }),
      );
    }
    expect(JSON.parse(text).sweep[2].threshold).toBeNull();
    expect(JSON.parse(text).metrics.pruned.valLoss).toBeNull();
  });

  it('refuses to serialize a run that would not import again', () => {
    const bad = {
      ...base,
      layers: base.layers.map((l, k) =>
        k === 1 ? { ...l, kernel: Float32Array.from(l.kernel, (w, i) => (i === 5 ? NaN : w)) } : l,
      ),
    };
    expect(() => serializeRun(bad)).toThrow(/run cannot be exported: layers\[1\]\.kernel\[5\] is null/);
  });
});

describe('run file validation', () => {
  it('names the problem of each kind of corruption', () => {
    expect(corrupt((f) => (f.format = 'foo'))).toBe(
      `not a Gradient Pruning Lab run file: format is "foo", expected "${RUN_FORMAT}"`,
    );
    expect(corrupt((f) => delete f.format)).toMatch(/format is missing/);
    expect(corrupt((f) => (f.format = 'gradient-pruning-lab/run@3'))).toBe(
      'format "gradient-pruning-lab/run@3" is not supported; this version reads "gradient-pruning-lab/run@1" and "gradient-pruning-lab/run@2"',
    );
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

  it('reads version 1 files, whose sweep points lack scope, granularity and target', () => {
    const v1 = JSON.parse(text);
    v1.format = 'gradient-pruning-lab/run@1';
    v1.config.scope = 'per-layer';
    for (const p of v1.sweep) for (const k of ['scope', 'granularity', 'target']) delete p[k];
    const res = parseRun(JSON.stringify(v1));
    if (!res.ok) throw new Error(res.error);
    expect(res.run.format).toBe(RUN_FORMAT); // upgraded in memory
    expect(res.run.sweep.map((p) => [p.scope, p.granularity, p.target])).toEqual(
      Array(4).fill(['per-layer', 'weights', NaN]),
    );
    expect(res.run.sweep.map((p) => p.accuracy)).toEqual(base.sweep.map((p) => p.accuracy));
    // A version 2 file must carry them.
    v1.format = RUN_FORMAT;
    expect(errorOf(JSON.stringify(v1))).toBe('sweep[0].scope is missing, expected one of "global", "per-layer"');
  });

  it('refuses a 100 MB text at once, before parsing it', () => {
    const huge = '{"format":"' + 'x'.repeat(100 * 1024 * 1024) + '"}';
    const t0 = performance.now();
    const res = parseRun(huge);
    expect(performance.now() - t0).toBeLessThan(50);
    expect(res).toEqual({ ok: false, error: 'run file is 100.0 MB; run files are at most 50 MB; it was not read' });
    const bytes = text.length.toLocaleString('en-US');
    expect(parseRun(text, { maxLength: 1000 })).toEqual({
      ok: false,
      error: `run file is ${bytes} bytes; run files are at most 1,000 bytes; it was not read`,
    });
  });

  it('reads a file of exactly the limit, and refuses one byte more in exact bytes (the MB figures would read the same)', () => {
    // JSON allows white space after the object: the same run, padded.
    const at = text.padEnd(RUN_MAX_LENGTH);
    expect(at.length).toBe(52_428_800);
    const ok = parseRun(at);
    expect(ok.ok && ok.run.layers[2].kernel).toEqual(Float32Array.from(base.layers[2].kernel));
    expect(parseRun(`${at} `)).toEqual({
      ok: false,
      error: 'run file is 52,428,801 bytes; run files are at most 52,428,800 bytes; it was not read',
    });
    const n = text.length + 10;
    expect(parseRun(text.padEnd(n), { maxLength: n }).ok).toBe(true);
    const [over, max] = [n + 1, n].map((v) => v.toLocaleString('en-US'));
    const refused = parseRun(text.padEnd(n + 1), { maxLength: n });
    expect(refused).toEqual({
      ok: false,
      error: `run file is ${over} bytes; run files are at most ${max} bytes; it was not read`,
    });
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
