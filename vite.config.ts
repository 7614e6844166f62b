import { defineConfig, type Plugin } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * The Content-Security-Policy of the built site, as a <meta> tag (plain static hosting has no headers).
 * 'wasm-unsafe-eval' lets the WASM backend compile its bundled .wasm; inline styles are React's and
 * recharts' style attributes. Not applied to the dev server, whose hot-reload preamble is inline script.
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

// `base: './'` makes every asset URL relative, so `dist/` works from the root or any sub-path.
export default defineConfig({
  base: './',
  plugins: [react(), csp()],
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
