import { describe, expect, it } from 'vitest';
import { curvesSeconds, CURVE_POINT_SHARE, estimateRun, secondsPerBatch, SCORING_PER_EPOCH } from './runCost';

// A backend with 2 ms per step and 0.1 ms per sample (784 inputs): 32 → 5.2 ms, 128 → 14.8 ms.
const t = { batch32: 32 / 0.0052, batch128: 128 / 0.0148 };

describe('run cost', () => {
  it('splits a step into a fixed and a per-sample cost, scaled by the multiply-adds of the input width', () => {
    expect(secondsPerBatch(t, 32, 784)).toBeCloseTo(0.0052, 12);
    expect(secondsPerBatch(t, 64, 784)).toBeCloseTo(0.002 + 64e-4, 12);
    // 32 inputs: 32·64 + 64·32 + 320 = 4,416 multiply-adds per sample against 52,544 for 784.
    expect(secondsPerBatch(t, 64, 32)).toBeCloseTo(0.002 + 64e-4 * (4416 / 52544), 12);
  });

  it('scales the per-sample cost by the multiply-adds of the hidden layers too', () => {
    expect(secondsPerBatch(t, 64, 784, [64, 32])).toBe(secondsPerBatch(t, 64, 784));
    // 784·512 + 5·512·512 + 512·10 = 1,717,248 multiply-adds per sample.
    expect(secondsPerBatch(t, 64, 784, Array(6).fill(512))).toBeCloseTo(0.002 + 64e-4 * (1717248 / 52544), 12);
    const narrow = { ...t, narrow32: 32 / 0.0011 };
    // The probe's narrow step is of the default network: another one at 32 inputs is scaled, not probed.
    expect(secondsPerBatch(narrow, 32, 32, [8])).toBeCloseTo(0.002 + 32e-4 * ((32 * 8 + 80) / 52544), 12);
  });

  it("uses the narrow network's own measured step where the probe took one", () => {
    const narrow = { ...t, narrow32: 32 / 0.0011 }; // 1.1 ms per step of 32 at 32 inputs
    expect(secondsPerBatch(narrow, 32, 32)).toBeCloseTo(0.0011, 12);
    expect(secondsPerBatch(narrow, 128, 32)).toBeCloseTo(0.0011 + 96e-4 * (4416 / 52544), 12);
    expect(secondsPerBatch(narrow, 32, 784)).toBeCloseTo(0.0052, 12); // the wide network is unaffected
  });

  it('estimates every phase of a run', () => {
    const e = estimateRun(t, { epochs: 2, batchSize: 32, inputs: 784, trainN: 8000, valN: 2000 }, 3);
    expect(e.training).toBeCloseTo(2 * 250 * 0.0052, 12);
    expect(e.scoring).toBeCloseTo(SCORING_PER_EPOCH * 250 * 0.0052, 12);
    expect(e.validation).toBeCloseTo(2 * (0.002 + (2000 * 1e-4) / 3), 12);
    expect(e.total).toBeCloseTo(e.training + e.validation + e.scoring + 3, 12);
  });

  it("estimates the curves from the evaluator's full passes", () => {
    // 5 × 51 + 5 × 3 × 21 = 570 validation points, 255 training points, CURVE_POINT_SHARE full passes each.
    expect(
      curvesSeconds({ val: 4, train: 16 }, { criteria: 5, levels: 51, layers: 3, sensitivityLevels: 21 }),
    ).toBeCloseTo((CURVE_POINT_SHARE * (570 * 4 + 255 * 16)) / 1000, 12);
  });
});
