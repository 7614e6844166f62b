import { describe, expect, it } from 'vitest';
import { chooseFastest, type Measured } from './backendChoice';

const m = (name: Measured['name'], batch32: number, software = false): Measured => ({
  name,
  software,
  adapter: software ? 'google swiftshader' : name,
  samplesPerSec: batch32,
});

describe('auto on a software GPU adapter', () => {
  it('takes the fastest measured backend and says how much slower the software adapter was', () => {
    const r = chooseFastest([m('webgpu', 630, true), m('webgl', 1950, true), m('wasm', 2250)]);
    expect(r.chosen.name).toBe('wasm');
    expect(r.slower).toEqual({ name: 'webgpu', times: 2250 / 630, adapter: 'google swiftshader' });
    expect(r.reason).toBe(
      'webgpu here is a software adapter (google swiftshader), 3.6× slower than wasm in a measured run of a few batches; ?backend=webgpu forces it',
    );
  });

  it('keeps the software adapter when it measures fastest (no note)', () => {
    const r = chooseFastest([m('webgl', 3000, true), m('wasm', 2250)]);
    expect([r.chosen.name, r.reason, r.slower]).toEqual(['webgl', '', null]);
  });

  it('rounds large ratios to whole numbers', () => {
    expect(chooseFastest([m('webgpu', 100, true), m('wasm', 2250)]).reason).toContain(', 23× slower than wasm');
  });
});
