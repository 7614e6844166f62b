// Finds and launches a Chromium for the e2e tests, the benchmark and the scripts, in this order:
//   1. the environment variable GPL_CHROMIUM (a path to a Chromium/Chrome binary),
//   2. Playwright's own installed Chromium (`npx playwright install chromium`),
//   3. /usr/bin/chromium (Debian: `apt-get install chromium`).
import { existsSync } from 'node:fs';

export const BROWSER_ENV = 'GPL_CHROMIUM';

/** Chromium flags for WebGPU in headless mode on a machine with no network. */
export const CHROMIUM_ARGS = [
  '--enable-unsafe-webgpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

/** @returns {Promise<{ path: string | undefined, source: string } | null>} path undefined = Playwright's default */
export async function findChromium() {
  const fromEnv = process.env[BROWSER_ENV];
  if (fromEnv) return existsSync(fromEnv) ? { path: fromEnv, source: BROWSER_ENV } : null;
  try {
    const { chromium } = await import('@playwright/test');
    const own = chromium.executablePath();
    if (own && existsSync(own)) return { path: undefined, source: `Playwright's Chromium (${own})` };
  } catch {
    // Playwright not installed or no browser registry: fall through.
  }
  if (existsSync('/usr/bin/chromium')) return { path: '/usr/bin/chromium', source: '/usr/bin/chromium' };
  return null;
}

export const HOW_TO_GET_ONE = `No Chromium found for the browser tests. Install one: Debian/Ubuntu "sudo apt-get install chromium", or "npx playwright install chromium", or set ${BROWSER_ENV}=/path/to/chromium.`;

/**
 * Launches the Chromium `findChromium` finds, with CHROMIUM_ARGS (plus `args`).
 * @returns {Promise<{ browser: import('@playwright/test').Browser, source: string }>}
 */
export async function launchChromium(args = []) {
  const found = await findChromium();
  if (!found) throw new Error(HOW_TO_GET_ONE);
  const { chromium } = await import('@playwright/test');
  return {
    browser: await chromium.launch({ executablePath: found.path, args: [...CHROMIUM_ARGS, ...args] }),
    source: found.source,
  };
}
