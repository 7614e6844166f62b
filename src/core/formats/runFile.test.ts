import { describe, expect, it } from 'vitest';
import { parseRun, serializeRun } from './runFile';
import { RUN_FORMAT, RUN_MAX_LENGTH } from './runFormat';
import { makeRun } from './testRun';

const base = makeRun('synthetic-32', 3);
const text = serializeRun(base);
const errorOf = (t: string) => {
  const res = parseRun(t);
  expect(res.ok).toBe(false);
  return res.ok ? '' : res.error;
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

describe('run file format and size', () => {
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
    v1.format = 'gradient-pruning-lab/run@2';
    expect(errorOf(JSON.stringify(v1))).toBe('sweep[0].scope is missing, expected one of "global", "per-layer"');
  });

  it('version 3 records the architecture: any stack of hidden layers round-trips; versions 1 and 2 are 64 → 32', () => {
    const deep = makeRun('synthetic-32', 5, [32, 32, 16, 16]);
    const written = JSON.parse(serializeRun(deep));
    expect(written.hidden).toEqual([32, 32, 16, 16]);
    const res = parseRun(JSON.stringify(written));
    if (!res.ok) throw new Error(res.error);
    expect(res.run.hidden).toEqual([32, 32, 16, 16]);
    expect(res.run.layers.map((l) => [l.inputs, l.units])).toEqual([
      [32, 32],
      [32, 32],
      [32, 16],
      [16, 16],
      [16, 10],
    ]);
    res.run.layers.forEach((l, k) => expect(l.kernel).toEqual(deep.layers[k].kernel));
    const wide = parseRun(serializeRun(makeRun('mnist', 6, [512])));
    expect(wide.ok && wide.run.layers.map((l) => l.kernel.length)).toEqual([784 * 512, 512 * 10]);
    // Version 2 had no `hidden`: its network is the default one, and another shape is refused.
    for (const format of ['gradient-pruning-lab/run@1', 'gradient-pruning-lab/run@2']) {
      const old = JSON.parse(text);
      old.format = format;
      delete old.hidden;
      if (format.endsWith('1'))
        for (const p of old.sweep) for (const k of ['scope', 'granularity', 'target']) delete p[k];
      const r = parseRun(JSON.stringify(old));
      expect(r.ok && r.run.hidden).toEqual([64, 32]);
      const oldDeep = { ...written, format };
      delete oldDeep.hidden;
      expect(errorOf(JSON.stringify(oldDeep))).toBe('layers has 5 entries, expected 3 (32 → 64 → 32 → 10)');
    }
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
});
