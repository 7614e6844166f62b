#!/usr/bin/env node
// Screenshots of every tour step in both languages (1440×900) and of presenter mode (1280×720), on the
// pre-trained MNIST snapshot. Usage: node scripts/screenshots-tour.mjs [outDir]   (run `npm run build`
// first; Chinese text needs a CJK font, e.g. `apt-get install fonts-wqy-zenhei`).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './lib/browser.mjs';
import { startPreview } from './lib/preview.mjs';

const out = process.argv[2] ?? '/tmp/gpl-tour';
mkdirSync(out, { recursive: true });
const log = (...a) => console.error('[screenshots-tour]', ...a);
const preview = await startPreview({ port: 4176, log });
const { browser } = await launchChromium();
const problems = [];
try {
  const shoot = async (hash, file, width, height) => {
    const page = await browser.newPage({ viewport: { width, height } });
    page.on('console', (m) => m.type() === 'error' && problems.push(`${file}: ${m.text()}`));
    await page.goto(`${preview.url}${hash}`);
    await page.waitForFunction(() => window.__gpl?.pruningSettled(), null, { timeout: 60_000 });
    await page.waitForTimeout(1500); // the highlight's smooth scroll
    await page.screenshot({ path: join(out, file) });
    await page.close();
    log(file);
  };
  for (const lang of ['en', 'zh-CN']) {
    for (let n = 1; n <= 10; n++) await shoot(`#lang=${lang}&tour=${n}`, `tour-${lang}-${String(n).padStart(2, '0')}.png`, 1440, 900);
    await shoot(`#lang=${lang}&present=1`, `present-${lang}.png`, 1280, 720);
    for (const n of [5, 8]) await shoot(`#lang=${lang}&present=1&tour=${n}`, `present-${lang}-tour-${n}.png`, 1280, 720);
  }
} finally {
  await browser.close();
  preview.stop();
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exitCode = 1;
}
