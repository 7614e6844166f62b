#!/usr/bin/env node
// `npm test`: every check, one stage after another, each with its time; stops at the first failure.
import { spawnSync } from 'node:child_process';

const STAGES = [
  ['browser check', 'node scripts/check-browser.mjs'],
  ['type check', 'npm run -s typecheck'],
  ['format and lint', 'npm run -s format:check && npm run -s lint'],
  ['unit tests', 'npm run -s test:unit'],
  ['build', 'npm run -s build'],
  ['browser tests', 'npx playwright test -c e2e/playwright.config.ts'],
];
const took = [];
const t0 = Date.now();
for (const [name, command] of STAGES) {
  console.log(`\n== ${name}: ${command}`);
  const start = Date.now();
  const r = spawnSync(command, { shell: true, stdio: 'inherit' });
  took.push(`${name} ${((Date.now() - start) / 1000).toFixed(1)} s`);
  console.log(`== ${name}: ${r.status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - start) / 1000).toFixed(1)} s`);
  if (r.status !== 0) {
    console.log(`\n== npm test failed at "${name}" (${took.join(', ')})`);
    process.exit(r.status ?? 1);
  }
}
console.log(`\n== npm test passed in ${((Date.now() - t0) / 60000).toFixed(1)} min (${took.join(', ')})`);
