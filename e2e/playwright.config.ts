import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../scripts/lib/browser.mjs';

const browser = await findChromium();
const PORT = Number(process.env.GPL_E2E_PORT ?? 4173);

// The tests run against the production build served by `vite preview` (localhost is a secure
// context, so WebGPU is available). WebGPU in headless Chromium runs on a software adapter here:
// correct but slow, so every test trains small runs.
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  timeout: 180_000,
  expect: { timeout: 60_000 },
  fullyParallel: false,
  // Two spec files at a time (files run whole, in order, in one worker): on 2 cores the suite takes about
  // two thirds of its time with one, since much of a test is waiting (page loads, worker round trips).
  workers: 2,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://localhost:${PORT}/`,
    viewport: { width: 1366, height: 768 },
    launchOptions: { executablePath: browser?.path, args: CHROMIUM_ARGS },
    trace: 'off',
    // The lab's service worker would precache the whole site (~7 MB) in every test's fresh context and serve
    // later page loads from its cache, out of reach of the tests' page.route(): blocked here, and allowed by
    // the offline spec (offline.spec.ts), whose subject it is.
    serviceWorkers: 'block',
  },
  webServer: {
    command: `npx vite preview --port ${PORT} --strictPort`,
    cwd: '..',
    url: `http://localhost:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
