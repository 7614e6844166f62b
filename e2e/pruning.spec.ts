import { expect, test } from './fixtures';

test('masked fine-tuning on WebGPU keeps pruned weights at 0 and recovers accuracy', async ({ lab }) => {
  await lab.open('?backend=webgpu#dataset=synthetic-32&epochs=3&batch=256&lr=0.01&seed=3');
  await lab.trainButton.click();
  await lab.waitDone();
  const baseline = (await lab.memory()).numTensors;

  const started = await lab.page.evaluate(() =>
    window.__gpl!.finetune('magnitude', { mode: 'sparsity', value: 0.9, scope: 'global', granularity: 'weights' }, { epochs: 2 }),
  );
  expect(started).toBe(true);
  await expect.poll(async () => (await lab.state()).experiments.finetune?.status, { timeout: 120_000 }).toMatch(/^(done|error)$/);
  const s = await lab.state();
  expect(s.experiments.finetune!.error).toBeNull();
  const r = s.experiments.finetune!.result!;
  expect(r.maskViolations).toBe(0);
  expect(s.experiments.finetune!.sparsity).toBeCloseTo(0.9, 3);
  // Count exact zeros: at least the 90% pruned weights are zero after fine-tuning.
  const total = r.layers.reduce((a, l) => a + l.kernel.length, 0);
  const zeros = r.layers.reduce((a, l) => a + l.kernel.filter((w) => w === 0).length, 0);
  expect(zeros).toBeGreaterThanOrEqual(Math.floor(0.9 * total));
  expect(r.after.valAcc).toBeGreaterThanOrEqual(r.before.valAcc);
  expect((await lab.memory()).numTensors).toBe(baseline);
});
