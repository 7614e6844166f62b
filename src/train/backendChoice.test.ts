import { describe, expect, it } from 'vitest';
import { roundRate } from '../core/base';
import { byRate, chooseFastest } from './backendChoice';
import type { Measured } from './runTypes';

const m = (name: Measured['name'], samplesPerSec: number, software = false): Measured => ({
  name,
  software,
  adapter: software ? 'google swiftshader' : name,
  samplesPerSec,
});

describe("auto's choice by measurement", () => {
  it('takes the fastest, lists every rate fastest first, and says how to force each other backend', () => {
    const r = chooseFastest([m('wasm', 21347), m('webgpu', 903, true), m('webgl', 1950, true)], 32);
    expect(r.chosen.name).toBe('wasm');
    expect(r.reason).toBe(
      'auto measured at batch 32: wasm 21,300 samples/s, webgl 1,950 (software adapter google swiftshader), ' +
        'webgpu 903 (software adapter google swiftshader); ?backend=webgl forces webgl; ?backend=webgpu forces webgpu',
    );
  });

  it('takes a hardware GPU when it measures fastest, and a lone candidate with nothing to force', () => {
    expect(chooseFastest([m('wasm', 9000), m('webgpu', 40000)], 128).chosen.name).toBe('webgpu');
    expect(chooseFastest([m('wasm', 9000)], 64).reason).toBe('auto measured at batch 64: wasm 9,000 samples/s');
  });

  it('breaks a tie by the order of preference (WebGPU, WebGL, WASM), whatever the order measured', () => {
    expect(byRate([m('wasm', 500), m('webgl', 500), m('webgpu', 500)]).map((x) => x.name)).toEqual([
      'webgpu',
      'webgl',
      'wasm',
    ]);
    expect(chooseFastest([m('wasm', 500), m('webgpu', 500)], 32).chosen.name).toBe('webgpu');
  });

  it('ranks without mutating, and refuses an empty measurement', () => {
    const input = [m('wasm', 1), m('webgpu', 2)];
    byRate(input);
    expect(input.map((x) => x.name)).toEqual(['wasm', 'webgpu']);
    expect(() => chooseFastest([], 32)).toThrow(/nothing was measured/);
  });

  it('rounds rates to three significant digits, whole numbers', () => {
    expect([21347, 903.4, 12.6, 1950, 0, NaN, 99951].map(roundRate)).toEqual([21300, 903, 13, 1950, 0, 0, 100000]);
  });
});
