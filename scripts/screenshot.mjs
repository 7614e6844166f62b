#!/usr/bin/env node
// Trains a run in headless Chromium against `vite preview` and saves a full-page screenshot.
// Usage: node scripts/screenshot.mjs [hash] [out.png]   (run `npm run build` first)
import { launchChromium } from './lib/browser.mjs';
import { openLab, waitQuiet } from './lib/lab.mjs';
import { startPreview } from './lib/preview.mjs';

const hash = process.argv[2] ?? '';
const out = process.argv[3] ?? 'docs/screenshot.png';
const log = (...a) => console.error('[screenshot]', ...a);
const preview = await startPreview({ port: 4175, log });
const { browser } = await launchChromium();
try {
  const { page } = await openLab(browser, `${preview.url}${hash}`, { log });
  await page.getByTestId('controls.train').click();
  await page.waitForFunction(() => ['done', 'error'].includes(window.__gpl.state().phase), null, {
    timeout: 1_800_000,
  });
  // The accuracy-vs-sparsity curves and the sensitivity charts are computed after the run.
  await waitQuiet(page).catch(() => {});
  await page.waitForTimeout(500);
  await page.screenshot({ path: out, fullPage: true });
  const s = await page.evaluate(() => window.__gpl.state());
  console.log(
    JSON.stringify({
      backend: s.backend,
      phase: s.phase,
      error: s.error,
      last: s.epochs.at(-1),
      result: s.result,
      scoring: s.scoring && { batches: s.scoring.batches, seconds: s.scoring.seconds },
    }),
  );
} finally {
  await browser.close();
  preview.stop();
}
