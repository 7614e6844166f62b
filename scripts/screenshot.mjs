#!/usr/bin/env node
// Trains a run in headless Chromium against `vite preview` and saves a screenshot.
// Usage: node scripts/screenshot.mjs [hash] [out.png]   (run `npm run build` first)
import { spawn } from 'node:child_process';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium, HOW_TO_GET_ONE } from './find-browser.mjs';

const hash = process.argv[2] ?? '';
const out = process.argv[3] ?? 'docs/screenshot.png';
const found = await findChromium();
if (!found) {
  console.error(HOW_TO_GET_ONE);
  process.exit(1);
}
const server = spawn('npx', ['vite', 'preview', '--port', '4175', '--strictPort'], { stdio: 'ignore' });
try {
  for (let i = 0; i < 50; i++) {
    if (await fetch('http://localhost:4175/').then((r) => r.ok, () => false)) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const browser = await chromium.launch({ executablePath: found.path, args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on('pageerror', (e) => console.error('page error:', e.message));
  await page.goto(`http://localhost:4175/${hash}`);
  await page.waitForFunction(() => window.__gpl?.state().backendStatus === 'ready', null, { timeout: 60_000 });
  await page.getByTestId('controls.train').click();
  await page.waitForFunction(() => ['done', 'error'].includes(window.__gpl.state().phase), null, { timeout: 1_800_000 });
  await page.waitForFunction(() => window.__gpl.pruningSettled() || window.__gpl.state().phase === 'error', null, { timeout: 120_000 }).catch(() => {});
  // The accuracy-vs-sparsity curves and the sensitivity charts are computed after the run.
  await page.locator('[data-testid="chart"][data-status="done"]').waitFor({ timeout: 300_000 }).catch(() => {});
  await page.waitForTimeout(500);
  await page.screenshot({ path: out, fullPage: true });
  const s = await page.evaluate(() => window.__gpl.state());
  console.log(JSON.stringify({ backend: s.backend, phase: s.phase, error: s.error, last: s.epochs.at(-1), result: s.result, scoring: s.scoring && { batches: s.scoring.batches, seconds: s.scoring.seconds } }));
  await browser.close();
} finally {
  server.kill();
}
