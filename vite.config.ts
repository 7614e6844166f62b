import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/**
 * The Content-Security-Policy of the built site, as a <meta> tag (plain static hosting has no headers).
 * 'wasm-unsafe-eval' lets the WASM backend compile its bundled .wasm; inline styles are React's and
 * recharts' style attributes. Not applied to the dev server, whose hot-reload preamble is inline script.
 * The service worker (sw.js, registered by src/main.tsx) needs no new source: `worker-src 'self'` already
 * allows registering a same-origin worker script, and the manifest is covered by `default-src 'self'`
 * (manifest-src). A <meta> policy does not reach the service worker itself, which fetches only the site's files.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

const csp = (): Plugin => ({
  name: 'gpl-csp',
  apply: 'build',
  transformIndexHtml: (html) => {
    const withCsp = html.replace(
      '<meta charset="UTF-8" />',
      `<meta charset="UTF-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
    );
    // Link previews need the image's absolute URL: GPL_SITE_URL=https://example.org/lab/ npm run build.
    const site = process.env.GPL_SITE_URL;
    return site ? withCsp.replace(/content="og\.png"/g, `content="${new URL('og.png', site).href}"`) : withCsp;
  },
});

/**
 * The service worker (Workbox, generated at build time): it precaches every file of dist/ — the page, every
 * chunk and worker, the .wasm files, both snapshots, the MNIST data, the Iris example, the manifests and icons
 * — so that after one visit the lab works with the network off. An update waits until the page asks it to
 * take over (the reader's Reload on the notice: src/main.tsx, src/ui/UpdateNotice.tsx); nothing reloads by
 * itself. The link-preview image is the only file left out (no one looks at it offline). Tested by
 * e2e/offline.spec.ts; its bytes: docs/benchmarks.md.
 */
const PWA_WORKBOX = {
  globPatterns: ['**/*.{html,js,css,wasm,gz,csv,txt,png,svg,webmanifest}'],
  globIgnores: ['og.png'],
  // The largest file is the training worker (~2.4 MB); the MNIST file is ~1.6 MB.
  maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
  // A navigation anywhere in the lab's folder (a link's ?query, #hash) is the page, also offline.
  navigateFallback: 'index.html',
  cleanupOutdatedCaches: true,
  // A new version takes no page over by itself: it waits for the notice's Reload (workbox-window's SKIP_WAITING).
  clientsClaim: false,
  skipWaiting: false,
};

const pwa = () =>
  VitePWA({
    injectRegister: false,
    registerType: 'prompt',
    // The manifests are files of public/ (one per language; the page links the one of its language).
    manifest: false,
    workbox: PWA_WORKBOX,
  });

// `base: './'` makes every asset URL relative, so `dist/` works from the root or any sub-path.
export default defineConfig({
  base: './',
  plugins: [react(), csp(), pwa()],
  worker: {
    format: 'es',
    // Worker chunks named after their folder (train-worker, eval-worker), not all "worker".
    rolldownOptions: {
      output: {
        entryFileNames: (chunk) =>
          `assets/${chunk.facadeModuleId?.match(/src\/(\w+)\/worker\.ts$/)?.[1] ?? '[name]'}-worker-[hash].js`,
      },
    },
  },
  build: { target: 'es2022', chunkSizeWarningLimit: 2500 },
  preview: { port: 4173, strictPort: true },
  test: {
    testTimeout: 60_000,
    // Both cores (the default leaves one free on a 2-core machine: the unit tests then take twice as long).
    maxWorkers: 2,
    // Unit tests run in Node; component tests (*.test.tsx beside their component) on happy-dom's DOM.
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['src/**/*.test.ts', 'scripts/**/*.test.ts'], environment: 'node' },
      },
      { extends: true, test: { name: 'components', include: ['src/**/*.test.tsx'], environment: 'happy-dom' } },
    ],
  },
});
