import type { Page } from '@playwright/test';
import { CRITERIA } from '../src/core/prune';
import { expect, test } from './fixtures';
import type { LabPage } from './pages/LabPage';
import { SYNTH_RUN } from './runs';
import { tabWalk } from './pages/tabWalk';

// Accessibility: axe in both colour schemes, keyboard reachability and focus rings, the heatmaps' text
// alternative and keyboard tooltip, and reduced motion. Small runs on the WASM backend (WebGPU is a slow
// software adapter in headless Chromium, and the markup does not depend on the backend).
const WASM = '?backend=wasm#dataset=synthetic-32&epochs=2&batch=256&lr=0.01';

/** Waits for the end of the run and the pruning evaluator; with `curves`, also for the accuracy-vs-sparsity sweep. */
async function trainAndSettle(lab: LabPage, curves = true): Promise<void> {
  await lab.waitDone();
  await expect(lab.page.getByTestId('pruning')).toHaveAttribute('data-status', 'ready');
  await lab.settled();
  if (curves) await lab.curvesDone();
}

/** Moves the slider with the keyboard from T = 0 until a real share of the weights is pruned. */
async function pruneSome(lab: LabPage): Promise<number> {
  await lab.slider.focus();
  await lab.page.keyboard.press('Home');
  await lab.settled();
  for (let k = 0; k < 20 && (await lab.sparsityValue()) < 0.05; k++) {
    await lab.page.keyboard.press('PageUp');
    await lab.settled();
  }
  return lab.sparsityValue();
}

test('axe: no serious or critical violations before training, trained and pruned, in the light and the dark scheme', async ({
  lab,
}, testInfo) => {
  const found: string[] = [];
  const lowContrast: string[] = [];
  /** axe and the contrast check in both colour schemes, at one state of the page. */
  const both = async (state: string) => {
    for (const scheme of ['light', 'dark'] as const) {
      await lab.page.emulateMedia({ colorScheme: scheme });
      expect(await lab.page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(scheme === 'dark');
      found.push(...(await lab.axeSerious(`${state} (${scheme})`)));
      lowContrast.push(...(await lab.lowContrastText()).map((t) => `${state} (${scheme}): ${t}`));
    }
  };
  await lab.open(WASM);
  await both('before training');
  await lab.trainButton.click();
  await trainAndSettle(lab);
  await both('trained');
  const sparsity = await pruneSome(lab);
  expect(sparsity).toBeGreaterThanOrEqual(0.05);
  expect(sparsity).toBeLessThan(0.9);
  await both(`pruned ${(sparsity * 100).toFixed(1)}%`);
  expect.soft(found, 'axe violations').toEqual([]);
  expect.soft(lowContrast, 'text below 4.5:1 (3:1 large) that axe could not measure').toEqual([]);
  for (const scheme of ['light', 'dark'] as const) {
    await lab.page.emulateMedia({ colorScheme: scheme });
    const path = testInfo.outputPath(`trained-pruned-${scheme}.png`);
    await lab.page.screenshot({ path, fullPage: true });
    await testInfo.attach(`trained-pruned-${scheme}.png`, { path, contentType: 'image/png' });
  }
});

test('keyboard: train with the keyboard, every control reachable in column order with a visible focus ring', async ({
  lab,
}) => {
  const { page } = lab;
  await lab.open(WASM);
  // Train without the mouse: Tab to the Train button and press Enter.
  await page.locator('h1').click();
  for (let k = 0; k < 60 && !(await lab.trainButton.evaluate((b) => b === document.activeElement)); k++)
    await page.keyboard.press('Tab');
  await expect(lab.trainButton).toBeFocused();
  await page.keyboard.press('Enter');
  await trainAndSettle(lab);

  const expected = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary, [tabindex]')]
      .filter((e) => e.tabIndex >= 0 && !e.matches(':disabled') && e.checkVisibility())
      .map((el) => {
        // The same naming as in tabWalk.
        const w = window as unknown as { a11yIds?: WeakMap<Element, string>; a11yNext?: number };
        w.a11yIds ??= new WeakMap();
        if (!w.a11yIds.has(el))
          w.a11yIds.set(el, `${el.tagName.toLowerCase()}#${(w.a11yNext = (w.a11yNext ?? 0) + 1)}`);
        const key = el.getAttribute('data-testid') ?? w.a11yIds.get(el)!;
        return key;
      }),
  );
  expect(
    await page.locator('[tabindex]:not([tabindex="0"]):not([tabindex="-1"])').count(),
    'no positive tabindex',
  ).toBe(0);
  let first: string[] = [];
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    // The page at rest first: the slider's numbers, the speed line and the scheme's repaint.
    await lab.settled();
    await lab.frames();
    const stops = await tabWalk(page);
    const keys = stops.map((s) => s.key);
    expect(new Set(keys).size, 'no control is visited twice').toBe(keys.length);
    expect(keys, 'every visible enabled control is reachable with Tab').toEqual(expect.arrayContaining(expected));
    for (const s of stops) {
      expect(s.ring, `${s.key} shows a focus indicator (${scheme})`).not.toBeNull();
      expect(s.ringContrast, `${s.key}: focus ring contrast against its background (${scheme})`).toBeGreaterThanOrEqual(
        3,
      );
    }
    // The header, then the left column → middle → right, top to bottom.
    const columns = stops.map((s) => s.column);
    expect(
      columns.every((c, i) => c >= 0 && (i === 0 || c >= columns[i - 1])),
      `columns in order: ${columns.join('')}`,
    ).toBe(true);
    const at = (key: string) => keys.indexOf(key);
    const landmarks = [
      'tour.start',
      'lang.select',
      'controls.dataset',
      'controls.train',
      'heatmaps.view',
      'heatmap.dense_1.canvas',
      'chart.legend.gradient:val',
      'controls.criterion',
      'controls.threshold',
      'controls.threshold.number',
      'finetune.start',
      'export.link',
      'export.import',
    ];
    for (const l of landmarks) expect(at(l), `${l} is a tab stop`).toBeGreaterThanOrEqual(0);
    expect(landmarks.map(at)).toEqual(landmarks.map(at).sort((a, b) => a - b));
    if (scheme === 'dark') expect(keys, 'the same order in both schemes').toEqual(first);
    first = keys;
  }

  // Operable: the legend toggles, the scale and axis switches and "How it works" with Space/Enter.
  const plot = page.getByTestId('chart.plot');
  const lines = () => lab.drawnLines(plot, 40);
  await expect.poll(lines).toBe(CRITERIA.length);
  const legend = page.getByTestId('chart.legend.magnitude:train');
  await legend.focus();
  await page.keyboard.press('Space');
  await expect(legend).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(lines).toBe(CRITERIA.length + 1);
  await page.keyboard.press('Enter');
  await expect(legend).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(lines).toBe(CRITERIA.length);
  for (const id of ['heatmaps.scale', 'chart.axis']) {
    const button = page.getByTestId(id);
    const before = await button.getAttribute('aria-pressed');
    await button.focus();
    await page.keyboard.press('Enter');
    await expect(button).not.toHaveAttribute('aria-pressed', before!);
    await page.keyboard.press('Space');
    await expect(button).toHaveAttribute('aria-pressed', before!);
  }
  await page.getByTestId('how').locator('summary').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('how')).toHaveAttribute('open', '');
  await expect(page.getByTestId('how')).toContainText('Fine-tune trains the pruned network'); // words kept apart in JSX
});

test('heatmaps: a layer summary as text alternative, and a keyboard tooltip that is announced', async ({ lab }) => {
  const { page } = lab;
  await lab.openTrained(SYNTH_RUN);
  await pruneSome(lab);
  const report = (await lab.state()).pruning.view!.report;
  const shapes = [
    [32, 64],
    [64, 32],
    [32, 10],
  ];
  for (let l = 0; l < 3; l++) {
    const r = report.layers[l];
    const label = `dense_${l + 1} · ${shapes[l][0]} × ${shapes[l][1]} · ${r.live.toLocaleString('en-US')} / ${r.total.toLocaleString('en-US')} live · ${(r.sparsity * 100).toFixed(1)}% pruned`;
    const canvas = page.getByTestId(`heatmap.dense_${l + 1}.canvas`);
    await expect(canvas).toHaveAttribute('role', 'img');
    await expect(canvas).toHaveAttribute(
      'aria-label',
      new RegExp(`^Heatmap of .+ for layer ${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\. Arrow keys`),
    );
  }
  await expect(page.getByTestId('heatmaps.colorbar')).toHaveAttribute(
    'aria-label',
    /^Colour scale \(log\) from .+ to .+; threshold T = .+ marked$/,
  );

  // Reached with Tab (after the view controls), then explored with the keys.
  await page.getByTestId('heatmaps.scale').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const canvas = page.getByTestId('heatmap.dense_2.canvas');
  await expect(canvas).toBeFocused();
  const tip = page.getByTestId('heatmap.dense_2.tooltip');
  const live = page.getByTestId('heatmap.dense_2.live');
  await expect(tip).toBeHidden();
  await page.keyboard.press('ArrowDown');
  await expect(tip).toBeVisible();
  await expect(tip).toHaveAttribute('role', 'tooltip');
  await expect(tip).toHaveAttribute('data-j', '1');
  await expect(canvas).toHaveAttribute('aria-describedby', (await tip.getAttribute('id'))!);
  await expect(live).toHaveAttribute('aria-live', 'polite');
  await expect(live).toHaveText(/^dense_2: input 0 → unit 1, w = .+, \|∂L\/∂w\| = .+, (kept|pruned)$/);
  await page.keyboard.press('End');
  await expect(tip).toHaveAttribute('data-i', '63');
  await expect(live).toContainText('input 63 → unit 1');
  await page.keyboard.press('Escape');
  await expect(tip).toBeHidden();
  await expect(live).toHaveText('');
  await expect(canvas).not.toHaveAttribute('aria-describedby');
  await page.keyboard.press('ArrowRight');
  await expect(tip).toBeVisible();
  await page.keyboard.press('Tab'); // leaving the heatmap hides its tooltip
  await expect(tip).toBeHidden();
  await expect(page.getByTestId('heatmap.dense_3.canvas')).toBeFocused();
});

/** Computed transition/animation durations of the first element a selector matches. */
const motion = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((e: HTMLElement) => ({
      transition: getComputedStyle(e).transitionDuration,
      inline: e.style.transition,
      animation: getComputedStyle(e).animationDuration,
    }));

test('prefers-reduced-motion: no transitions, animations or chart tooltip tweens; they return without it', async ({
  lab,
}) => {
  const { page } = lab;
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await lab.open(WASM);
  const fill = '[data-testid="progress.bar"] .progress-fill';
  expect((await motion(page, fill)).transition).toBe('0s');
  await lab.trainButton.click();
  await trainAndSettle(lab, false);
  for (const id of ['curves.loss', 'curves.accuracy', 'chart.plot'])
    await expect(page.getByTestId(id)).toHaveAttribute('data-reduced-motion', 'true');

  // The loss chart's tooltip appears at the hovered point, without a transition.
  await page.getByTestId('curves.loss').scrollIntoViewIfNeeded();
  const plot = (await page.getByTestId('curves.loss.plot').boundingBox())!;
  const tooltip = '[data-testid="curves.loss.tooltip"]';
  await page.mouse.move(plot.x + plot.width * 0.4, plot.y + plot.height / 3);
  await page.mouse.move(plot.x + plot.width * 0.7, plot.y + plot.height / 3, { steps: 3 });
  await expect(page.locator(tooltip)).toBeVisible();
  expect(await motion(page, tooltip)).toEqual({ transition: '0s', inline: '', animation: '0s' });
  // Nothing on the page moves.
  const moving = await page.evaluate(() =>
    [...document.querySelectorAll('*')]
      .map((e) => [e, getComputedStyle(e)] as const)
      .filter(
        ([, cs]) =>
          cs.transitionDuration.split(',').some((d) => parseFloat(d) > 0) ||
          (cs.animationName !== 'none' && cs.animationDuration.split(',').some((d) => parseFloat(d) > 0)),
      )
      .map(([e]) => `${e.tagName}.${e.getAttribute('class') ?? ''}`),
  );
  expect(moving).toEqual([]);

  // Without the preference (switched live), the same elements animate again: the checks above can fail.
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await expect(page.getByTestId('curves.loss')).toHaveAttribute('data-reduced-motion', 'false');
  expect((await motion(page, fill)).transition).toBe('0.2s');
});
