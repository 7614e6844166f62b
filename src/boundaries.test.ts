// Lint-style architecture checks: src/core is pure TypeScript (no React, DOM or tfjs), the UI and
// state never import tfjs (it lives in the worker chunk), and files stay small.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname);
function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(f) ? [p] : [];
  });
}
const imports = (src: string) => [...src.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm)].map((m) => m[1] ?? m[2] ?? m[3]);

describe('module boundaries', () => {
  it('src/core imports nothing but src/core', () => {
    for (const f of files(join(root, 'core')).filter((f) => !f.endsWith('.test.ts'))) {
      const src = readFileSync(f, 'utf8');
      for (const m of imports(src)) {
        expect(m, `${f} imports ${m}`).toMatch(/^\.\.?\//);
        expect(resolve(dirname(f), m).startsWith(join(root, 'core') + '/'), `${f} imports ${m}, outside src/core`).toBe(true);
      }
      expect(src, f).not.toMatch(/\b(document|window|navigator)\./);
    }
  });

  it('only src/train touches tfjs, and the main-thread client does not', () => {
    for (const f of files(root).filter((f) => !f.endsWith('.test.ts'))) {
      const tf = imports(readFileSync(f, 'utf8')).some((m) => m.startsWith('@tensorflow/'));
      const allowed = f.includes(`${join('src', 'train')}`) && !f.endsWith('client.ts') && !f.endsWith('protocol.ts');
      if (tf) expect(allowed, `${f} imports tfjs`).toBe(true);
    }
  });

  it('keeps source files under ~300 lines', () => {
    for (const f of files(root)) expect(readFileSync(f, 'utf8').split('\n').length, f).toBeLessThanOrEqual(320);
  });
});
