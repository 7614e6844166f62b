#!/usr/bin/env node
// `npm run snapshots`: trains the pre-trained networks the site opens on, headless, through the app
// itself (window.__gpl, as `npm run experiment` does), and writes public/snapshots/<dataset>.gpls.gz
// (the format: src/core/formats/snapshotFormat.ts) with their provenance: settings, backend, app version,
// commit, checksums. The files are committed; src/core/formats/snapshots.test.ts checks them.
// Usage: npm run snapshots [-- --only mnist] (WASM, seed 1: the same bytes of weights on every run).
import { execSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { list, parseOptions } from './lib/args.mjs';
import { launchChromium } from './lib/browser.mjs';
import { openLab, runToEnd, waitQuiet } from './lib/lab.mjs';
import { startPreview } from './lib/preview.mjs';
import { ROOT } from './lib/src.mjs';

/** What each snapshot is: the settings a teacher would use for a first look (10 epochs). */
export const RECIPES = {
  mnist: '#dataset=mnist&seed=1&epochs=10&batch=32&lr=0.001',
  'synthetic-32': '#dataset=synthetic-32&seed=1&epochs=10&batch=32&lr=0.001',
};
const log = (...a) => console.error('[snapshots]', ...a);
const opts = parseOptions(
  process.argv.slice(2),
  {
    only: {
      parse: list(Object.keys(RECIPES)),
      default: Object.keys(RECIPES),
      value: 'LIST',
      help: 'snapshots to make',
    },
  },
  'Usage: npm run snapshots -- [options]',
);

const appVersion = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
const commit = (() => {
  try {
    const head = execSync('git rev-parse --short HEAD', { cwd: ROOT }).toString().trim();
    return execSync('git status --porcelain -- src', { cwd: ROOT }).toString().trim() ? `${head}+changes` : head;
  } catch {
    return 'unknown';
  }
})();
const preview = await startPreview({ port: 4177, log });
const { browser } = await launchChromium();
try {
  mkdirSync(join(ROOT, 'public', 'snapshots'), { recursive: true });
  for (const name of opts.only) {
    const { page, backend, error } = await openLab(
      browser,
      `${preview.url}?backend=wasm${RECIPES[name]}&snapshot=none`,
      { log },
    );
    if (error) throw new Error(`backend did not start: ${error}`);
    log(`${name}: training ${RECIPES[name]} on ${backend.name}…`);
    const t0 = Date.now();
    await runToEnd(page);
    await waitQuiet(page);
    const base64 = await page.evaluate((meta) => window.__gpl.snapshotFile(meta), { appVersion, commit });
    const out = join(ROOT, 'public', 'snapshots', `${name}.gpls.gz`);
    writeFileSync(out, Buffer.from(base64, 'base64'));
    const s = await page.evaluate(() => window.__gpl.state().pruning.dense);
    log(
      `${name}: wrote ${out} (${(Buffer.from(base64, 'base64').length / 1024).toFixed(0)} KB) in ${((Date.now() - t0) / 1000).toFixed(0)} s; dense validation accuracy ${(s.val.accuracy * 100).toFixed(2)}%`,
    );
    await page.close();
  }
} finally {
  await browser.close();
  preview.stop();
}
