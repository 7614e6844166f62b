#!/usr/bin/env node
// Stops at once, with one line, when no Chromium is available for the browser tests.
import { BROWSER_ENV, findChromium, HOW_TO_GET_ONE } from './lib/browser.mjs';

const found = await findChromium();
if (!found) {
  const bad = process.env[BROWSER_ENV];
  console.error(bad ? `${BROWSER_ENV}=${bad} does not exist. ${HOW_TO_GET_ONE}` : HOW_TO_GET_ONE);
  process.exit(1);
}
console.log(`Browser tests use ${found.source}.`);
