#!/usr/bin/env node
// Screenshots of every tour step where the tour is used, on the pre-trained MNIST snapshot: presenter mode
// on a 1280×720 projector (both languages), a phone in Chinese (390×844, touch), a 1440×900 desktop in
// English; and presenter mode without the tour. Usage: node scripts/screenshots-tour.mjs [outDir]
// (run `npm run build` first; Chinese text needs a CJK font, e.g. `apt-get install fonts-wqy-zenhei`).
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
  const shoot = async (hash, file, width, height, touch = false) => {
    const context = await browser.newContext({ viewport: { width, height }, hasTouch: touch, isMobile: touch });
    const page = await context.newPage();
    page.on('console', (m) => m.type() === 'error' && problems.push(`${file}: ${m.text()}`));
    await page.goto(`${preview.url}${hash}`);
    await page.waitForFunction(() => window.__gpl?.pruningSettled(), null, { timeout: 60_000 });
    await page.waitForTimeout(1500); // the highlight's smooth scroll
    await page.screenshot({ path: join(out, file) });
    await context.close();
    log(file);
  };
  const step = (n) => String(n).padStart(2, '0');
  for (const lang of ['en', 'zh-CN']) {
    await shoot(`#lang=${lang}&present=1`, `present-${lang}.png`, 1280, 720);
    for (let n = 1; n <= 10; n++)
      await shoot(`#lang=${lang}&present=1&tour=${n}`, `present-${lang}-${step(n)}.png`, 1280, 720);
  }
  for (let n = 1; n <= 10; n++) await shoot(`#lang=zh-CN&tour=${n}`, `phone-zh-CN-${step(n)}.png`, 390, 844, true);
  for (let n = 1; n <= 10; n++) await shoot(`#lang=en&tour=${n}`, `desktop-en-${step(n)}.png`, 1440, 900);
} finally {
  await browser.close();
  preview.stop();
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exitCode = 1;
}
