// The memory part of `npm run bench`: after a 1-epoch MNIST run (WASM backend) with its curves done,
// the JS memory of the page and of each of its workers, each after forced garbage collections: the
// V8 heap in use plus the ArrayBuffer backing stores (typed arrays live there, not in the heap).
// Workers are reached through the browser's CDP endpoint (Target.attachToTarget, non-flat sessions).
import { openLab, runToEnd, waitQuiet } from './lib/lab.mjs';

const mb = (b) => Number((b / 2 ** 20).toFixed(1));

/** Heap and backing-store bytes of every target of `origin` (the page and its workers). */
export async function targetMemory(browser, origin) {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const targets = targetInfos.filter((t) => (t.type === 'page' || t.type === 'worker') && t.url.startsWith(origin));
    let seq = 0;
    const waiting = new Map();
    cdp.on('Target.receivedMessageFromTarget', (e) => {
      const m = JSON.parse(e.message);
      waiting.get(m.id)?.(m);
    });
    const out = [];
    for (const t of targets) {
      const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: t.targetId, flatten: false });
      const call = (method) =>
        new Promise((resolve, reject) => {
          const id = ++seq;
          waiting.set(id, (m) => (m.error ? reject(new Error(`${method}: ${m.error.message}`)) : resolve(m.result)));
          void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
        });
      for (let i = 0; i < 3; i++) await call('HeapProfiler.collectGarbage');
      const h = await call('Runtime.getHeapUsage');
      out.push({
        target: t.type === 'page' ? 'page' : t.title,
        heapMB: mb(h.usedSize),
        buffersMB: mb(h.backingStorageSize ?? 0),
        totalMB: mb(h.usedSize + (h.backingStorageSize ?? 0)),
      });
      await cdp.send('Target.detachFromTarget', { sessionId });
    }
    return out;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {string} base app URL
 */
export async function benchMemory(browser, base, log) {
  log('memory: a 1-epoch MNIST run (WASM), curves done, then the heap of the page and each worker…');
  const { page, error } = await openLab(browser, `${base}?backend=wasm#dataset=mnist&epochs=1&batch=64&lr=0.003`, {
    log,
  });
  try {
    if (error) throw new Error(`backend did not start: ${error}`);
    await runToEnd(page, {}, 600_000);
    await waitQuiet(page);
    await page.waitForTimeout(500);
    const targets = await targetMemory(browser, new URL(base).origin);
    for (const t of targets)
      log(`  ${t.target.padEnd(10)} heap ${t.heapMB} MB + array buffers ${t.buffersMB} MB = ${t.totalMB} MB`);
    log(`  total ${mb(targets.reduce((a, t) => a + t.totalMB * 2 ** 20, 0))} MB`);
    return { targets };
  } finally {
    await page.close().catch(() => {});
  }
}
