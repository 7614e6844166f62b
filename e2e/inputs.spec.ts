import { expect, test } from './fixtures';
import { SYNTH_RUN } from './runs';

// Careless input: every numeric field refuses bad text inline and keeps its last valid value; hostile
// URL hashes fall back to defaults with a notice. Nothing throws, nothing hangs.

const BAD = ['', '   ', 'NaN', 'abc', '-1', '1e9', '1e999', 'Infinity', '0x10', '1,5', '２', '9'.repeat(500)];

const FIELDS = [
  { name: 'epochs', key: 'epochs', good: '1e1', value: 10, extraBad: ['0', '2.5'] },
  { name: 'batchSize', key: 'batchSize', good: '64', value: 64, extraBad: ['0', '1025'] },
  { name: 'learningRate', key: 'learningRate', good: '3e-3', value: 0.003, extraBad: ['0', '11', '1e-7'] },
  { name: 'seed', key: 'seed', good: '42', value: 42, extraBad: ['1.5', '2147483648', '1e10'] },
] as const;

test('training fields: empty, NaN, negative, huge and odd forms are refused inline; exponent forms work', async ({
  lab,
}) => {
  await lab.open('?backend=wasm#dataset=synthetic-32');
  for (const f of FIELDS) {
    const input = lab.page.getByTestId(`controls.${f.name}`);
    const error = lab.page.getByTestId(`controls.${f.name}.error`);
    const kept = (await lab.state()).settings[f.key];
    // 1e9 is a valid seed (< 2³¹); for the others it is out of range.
    for (const bad of [...BAD.filter((b) => f.name !== 'seed' || b !== '1e9'), ...f.extraBad]) {
      await input.fill(bad);
      await expect(error, `${f.name} = "${bad.slice(0, 20)}"`).toBeVisible();
      await expect(error).toContainText(`keeping ${kept}`);
      await expect(input).toHaveAttribute('aria-invalid', 'true');
      expect((await lab.state()).settings[f.key]).toBe(kept);
    }
    await input.fill(f.good);
    await expect(error).toHaveCount(0);
    expect((await lab.state()).settings[f.key]).toBe(f.value);
  }
  // The accepted values are what a run uses: batch 64, 10 epochs, lr 0.003, seed 42.
  await lab.page.getByTestId('controls.epochs').fill('1');
  await lab.trainButton.click();
  await lab.waitDone();
  expect((await lab.state()).runConfig).toMatchObject({ epochs: 1, batchSize: 64, learningRate: 0.003, seed: 42 });
});

test('threshold and sparsity inputs refuse bad text and keep the slider and numbers', async ({ lab }) => {
  await lab.openTrained(SYNTH_RUN);
  const number = lab.page.getByTestId('controls.threshold.number');
  const error = lab.page.getByTestId('controls.threshold.error');
  await number.fill('1e-4'); // an exponent form is a valid threshold
  await lab.settled();
  expect((await lab.state()).settings.threshold).toBe(Math.fround(1e-4)); // T is a float32, like the scores
  const view = (await lab.state()).pruning.view!;
  for (const bad of [...BAD, '-0.5', '2e6']) {
    await number.fill(bad);
    await expect(error, `T = "${bad.slice(0, 20)}"`).toBeVisible();
    expect((await lab.state()).settings.threshold).toBe(Math.fround(1e-4)); // T is a float32, like the scores
  }
  await number.blur();
  await expect(error).toHaveCount(0);
  expect((await lab.state()).pruning.view!.id).toBe(view.id); // nothing was re-evaluated
  // Leaving the field shows the value again, and the field follows the slider.
  expect(Number(await number.inputValue())).toBeCloseTo(1e-4, 8);
  await lab.page.getByTestId('controls.threshold').press('ArrowRight');
  await lab.settled();
  const moved = (await lab.state()).settings.threshold;
  expect(moved).not.toBe(Math.fround(1e-4));
  expect(Number(await number.inputValue()) / moved).toBeCloseTo(1, 2);

  await lab.page.getByTestId('controls.mode').selectOption('sparsity');
  await lab.settled();
  const sparsity = (await lab.state()).settings.sparsity;
  for (const bad of [...BAD, '150', '100', '-5']) {
    await number.fill(bad);
    await expect(error, `sparsity = "${bad.slice(0, 20)}"`).toContainText('not a percentage');
    expect((await lab.state()).settings.sparsity).toBe(sparsity);
  }
  await number.fill('90');
  await lab.settled();
  expect((await lab.state()).settings.sparsity).toBeCloseTo(0.9, 10);
  expect((await lab.state()).pruning.view!.report.sparsity).toBeCloseTo(0.9, 2);
});

test('hostile URL hashes: no uncaught error, a notice per bad key, defaults used', async ({ lab }) => {
  const hashes = [
    `#epochs=${'9'.repeat(100_000)}`,
    '#__proto__=1&constructor=x&epochs=NaN',
    '#batch=%E0%A4%A&lr=%00',
    '#T=-1&sparsity=2&criterion=<img src=x onerror=alert(1)>',
    '#dataset=../../etc/passwd&hide=__proto__,export&autotrain=maybe',
    '#lr=1e-400&seed=-0&view=constructor',
  ];
  for (const hash of hashes) {
    await lab.open(`?backend=wasm${hash}`);
    await expect(lab.trainButton).toBeEnabled();
    await expect(lab.notices.first()).toBeVisible();
    const s = await lab.state();
    expect(s.settings.epochs).toBe(5);
    expect(s.settings.batchSize).toBe(32);
    expect(s.settings.learningRate).toBe(0.001);
    expect(s.settings.threshold).toBe(Math.fround(0.01));
    expect(s.settings.criterion).toBe('gradient');
    expect(s.settings.dataset).toBe('mnist');
    // No prototype pollution on the page.
    expect(
      await lab.page.evaluate(
        () =>
          Object.getPrototypeOf(window.__gpl!.state().settings) === Object.prototype &&
          Object.keys(Object.prototype).length === 0,
      ),
    ).toBe(true);
    expect(await lab.page.locator('img[src="x"]').count()).toBe(0);
  }
  // A table's name is the user's text: shown as it is wherever it appears (the notice, the tour), never as markup.
  const name = 'a</b><img src=x onerror=alert(1)>.csv';
  await lab.open(`?backend=wasm#table=${encodeURIComponent(name)}&tour=network`);
  await expect(lab.notices.filter({ hasText: 'This link trains your own table' })).toContainText(
    `your own table “${name}”`,
  );
  await expect(lab.page.getByTestId('controls.dataset')).toContainText(name);
  expect(await lab.page.locator('img[src="x"]').count()).toBe(0);
});
