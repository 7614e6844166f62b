import { CHROMIUM_ARGS, findChromium } from '../scripts/lib/browser.mjs';
import { expect, test } from './fixtures';

// A real browser without WebGPU (not the ?simulate= hook): Chromium started without
// --enable-unsafe-webgpu and with the WebGPU feature switched off.
const browser = await findChromium();
test.use({
  launchOptions: {
    executablePath: browser?.path,
    args: [...CHROMIUM_ARGS.filter((a) => a !== '--enable-unsafe-webgpu'), '--disable-features=WebGPU'],
  },
});

test('a browser without WebGPU falls back, says why in the badge, and trains', async ({ lab }) => {
  await lab.open('#dataset=synthetic-32&epochs=1&batch=256&lr=0.01', { autoBackend: true });
  // This Chromium keeps navigator.gpu but has no adapter to give.
  expect(await lab.page.evaluate(async () => (navigator.gpu ? await navigator.gpu.requestAdapter() : null))).toBeNull();
  // Train is clickable at once, on WASM; the choice by measurement follows (here at the latest at Train).
  await expect(lab.trainButton).toBeEnabled();
  await lab.trainButton.click();
  await lab.waitDone();
  await expect(lab.badge).toHaveAttribute('data-choice', 'measured');
  await expect(lab.badge).not.toHaveAttribute('data-backend', 'webgpu');
  await expect(lab.page.getByTestId('backend.measured')).toContainText(/measured: WASM [\d,]+ samples\/s/);
  await expect(lab.page.getByTestId('backend.reason')).toContainText(
    /webgpu skipped: (this browser has no WebGPU|no WebGPU adapter is available \(requestAdapter returned null\))/,
  );
  console.log(
    `badge: ${await lab.badge.locator('.badge-name').textContent()}${await lab.page.getByTestId('backend.measured').textContent()} | ${await lab.page.getByTestId('backend.reason').textContent()}`,
  );
  expect((await lab.state()).epochs[0].valAcc).toBeGreaterThan(0.2);
});
