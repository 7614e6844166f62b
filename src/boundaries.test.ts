// Lint-style architecture checks (as excalidraw's lint rules do): the "may import" table in
// DEVELOPERS.md is the rule, read from the file itself so the table and the check cannot drift apart.
// Every source file must be covered by a row, import only what its row allows, take part in no import
// circle, and stay under 300 lines.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..');
const MAX_LINES = 300;
const SOURCE = /\.(ts|tsx|mjs)$/;
const TEST = /\.test\.tsx?$/;
/** What tests may import besides their row's allowance. */
const TEST_EXTRAS = ['vitest', 'node:*', 'scripts/'];

function files(dir: string): string[] {
  return readdirSync(join(ROOT, dir)).flatMap((f) => {
    const p = join(dir, f);
    return statSync(join(ROOT, p)).isDirectory() ? files(p) : SOURCE.test(f) ? [p] : [];
  });
}
const sources = [...files('src'), ...files('e2e'), ...files('scripts'), 'vite.config.ts'];

interface Row {
  paths: string[];
  allowed: string[];
}

/** The rows of the layout table: code spans in the first column (paths) and the third (allowed). */
function layoutRows(markdown: string): Row[] {
  const section = markdown.slice(
    markdown.indexOf('## Layout'),
    markdown.indexOf('\n## ', markdown.indexOf('## Layout') + 1),
  );
  const spans = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);
  return section
    .split('\n')
    .filter((l) => l.startsWith('| `'))
    .map((l) => l.split('|').map((c) => c.trim()))
    .map((c) => ({ paths: spans(c[1]), allowed: spans(c[3]) }));
}

const matches = (pattern: string, path: string) =>
  pattern.endsWith('/')
    ? path.startsWith(pattern)
    : pattern.includes('*')
      ? new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`).test(path)
      : path === pattern;

/** The most specific row for a file (the longest matching path), or null. */
function rowOf(rows: Row[], file: string): Row | null {
  let best: { row: Row; length: number } | null = null;
  for (const row of rows)
    for (const p of row.paths)
      if (matches(p, file) && (!best || p.length > best.length)) best = { row, length: p.length };
  return best?.row ?? null;
}

/** Import specifiers of a source text: static, dynamic, side-effect and re-exports. */
const importsOf = (src: string) =>
  [
    ...src.matchAll(
      /(?:^|[^\w.])(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3]);

/** A relative specifier as a repository path (with its file extension when it names a file). */
function resolveImport(from: string, spec: string): string {
  const base = relative(ROOT, resolve(ROOT, dirname(from), spec));
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, `${base}.mjs`, join(base, 'index.ts')])
    if (existsSync(join(ROOT, candidate)) && statSync(join(ROOT, candidate)).isFile()) return candidate;
  return base;
}

/** Whether an allowance (`src/core/`, `src/train/protocol.ts`, `react`, `@tensorflow/*`, `node:*`) covers a target. */
function allows(allowance: string, target: string, relativeImport: boolean): boolean {
  if (relativeImport !== /^(src|e2e|scripts)\//.test(allowance) && allowance !== 'vite.config.ts') return false;
  if (allowance.endsWith('/')) return target.startsWith(allowance);
  if (allowance.endsWith('*')) return target.startsWith(allowance.slice(0, -1));
  return target === allowance || target.startsWith(`${allowance}/`);
}

/** Every import a file makes that its row does not allow, as readable lines. */
function violations(rows: Row[], file: string, src: string): string[] {
  const row = rowOf(rows, file);
  if (!row) return [`${file}: no row of the layout table covers it`];
  const allowed = [...new Set(TEST.test(file) ? [...row.allowed, ...TEST_EXTRAS] : row.allowed)];
  return importsOf(src).flatMap((spec) => {
    const relativeImport = spec.startsWith('.');
    const target = relativeImport ? resolveImport(file, spec) : spec;
    return allowed.some((a) => allows(a, target, relativeImport))
      ? []
      : [`${file} imports ${spec}${relativeImport ? ` (${target})` : ''}: its row allows ${allowed.join(', ')}`];
  });
}

/**
 * A room is a folder with an `index.ts`, its door: from outside the room, only the door may be imported
 * (the test helpers named `test*.ts` excepted, and the tests of `src/core/`, which check one room against
 * another), so a room's inside can change without its users.
 */
const isDoor = (f: string) => f.endsWith('/index.ts');
const roomOf = (f: string) => {
  for (let d = dirname(f); d !== '.' && d !== 'src'; d = dirname(d))
    if (existsSync(join(ROOT, d, 'index.ts'))) return `${d}/`;
  return null;
};
function doorViolations(file: string, src: string): string[] {
  if (TEST.test(file) && file.startsWith('src/core/')) return [];
  return importsOf(src)
    .filter((spec) => spec.startsWith('.'))
    .flatMap((spec) => {
      const target = resolveImport(file, spec);
      const room = roomOf(target);
      if (!room || file.startsWith(room) || isDoor(target) || /\/test[A-Z]\w*\.ts$/.test(target)) return [];
      return [`${file} imports ${spec} (${target}) past the door of ${room}: import ${room}index.ts`];
    });
}

const rows = layoutRows(readFileSync(join(ROOT, 'DEVELOPERS.md'), 'utf8'));
const text = new Map(sources.map((f) => [f, readFileSync(join(ROOT, f), 'utf8')]));

describe('module boundaries', () => {
  it('the layout table has its rows, and each of its paths exists', () => {
    expect(rows.length).toBeGreaterThanOrEqual(12);
    for (const p of rows.flatMap((r) => r.paths))
      expect(p.includes('*') || existsSync(join(ROOT, p)), `${p} (DEVELOPERS.md) is not in the tree`).toBe(true);
  });

  it('every import is one the layout table allows', () => {
    // This file is skipped: its examples below are import statements in strings.
    expect(
      sources.filter((f) => f !== 'src/boundaries.test.ts').flatMap((f) => violations(rows, f, text.get(f)!)),
    ).toEqual([]);
  });

  it('a room is entered by its door only', () => {
    expect(
      sources.filter((f) => f !== 'src/boundaries.test.ts').flatMap((f) => doorViolations(f, text.get(f)!)),
    ).toEqual([]);
    expect(doorViolations('src/state/x.ts', "import { masks } from '../core/prune/masks';")).toHaveLength(1);
    expect(doorViolations('src/state/x.ts', "import { masks } from '../core/prune';")).toEqual([]);
    expect(doorViolations('src/core/eval/sweep.ts', "import { x } from './maskedEval';")).toEqual([]);
    // The store room of src/state: every file outside it, tests and e2e included, enters by its door.
    const into = (file: string, spec: string) => doorViolations(file, `import { x } from '${spec}';`);
    expect(into('src/state/pruning/x.ts', '../store/sweepState')).toEqual([
      expect.stringMatching(
        /\(src\/state\/store\/sweepState\.ts\) past the door of src\/state\/store\/: import .*index\.ts$/,
      ),
    ]);
    expect(into('src/state/pruning/x.test.ts', '../store/settings')).toHaveLength(1);
    expect(into('src/ui/x.tsx', '../state/store/flags')).toHaveLength(1);
    expect(into('e2e/pages/X.ts', '../../src/state/store/store')).toHaveLength(1);
    expect(into('src/state/pruning/x.ts', '../store')).toEqual([]);
    expect(into('src/state/store/store.ts', './sweepState')).toEqual([]);
  });

  it('the check fails on a forbidden import (a deliberate violation, checked here, not committed)', () => {
    expect(violations(rows, 'src/ui/Example.tsx', "import { train } from '../train/trainer';")).toEqual([
      expect.stringMatching(
        /^src\/ui\/Example\.tsx imports \.\.\/train\/trainer \(src\/train\/trainer\.ts\): its row allows/,
      ),
    ]);
    expect(violations(rows, 'src/state/x.ts', "const w = await import('../eval/worker');")).toHaveLength(1);
    expect(violations(rows, 'src/core/x.ts', "import * as tf from '@tensorflow/tfjs';")).toHaveLength(1);
    // Rooms of core point one way: prune stands below eval, base below all.
    expect(violations(rows, 'src/core/prune/x.ts', "import { allCurves } from '../eval';")).toHaveLength(1);
    expect(violations(rows, 'src/core/base/x.ts', "import { masks } from '../prune';")).toHaveLength(1);
    expect(violations(rows, 'src/core/eval/x.ts', "import { masks } from '../prune';")).toEqual([]);
    // The fused training step stands on base and wasm only.
    expect(violations(rows, 'src/core/fit/x.ts', "import { compiledOnce } from '../wasm';")).toEqual([]);
    expect(violations(rows, 'src/core/fit/x.ts', "import { masks } from '../prune';")).toHaveLength(1);
    expect(violations(rows, 'src/core/wasm/x.ts', "import { createFusedMlp } from '../fit';")).toHaveLength(1);
    expect(violations(rows, 'src/train/client.ts', "import { train } from './trainer';")).toHaveLength(1);
    expect(
      violations(
        rows,
        'src/state/x.ts',
        "import type { EvalNetwork } from '../eval/protocol';\nexport { x } from './store';",
      ),
    ).toEqual([]);
    // The store room stands below the area rooms of src/state: it imports none of them.
    const fromStore = (file: string, spec: string) => violations(rows, file, `import { x } from '${spec}';`);
    expect(fromStore('src/state/store/x.ts', '../links/links')).toHaveLength(1);
    expect(fromStore('src/state/store/x.ts', '../controller')).toHaveLength(1);
    expect(fromStore('src/state/store/x.test.ts', '../testPorts')).toHaveLength(1);
    expect(fromStore('src/state/store/x.ts', '../../eval/protocol')).toEqual([]);
    expect(fromStore('src/state/store/x.ts', './store')).toEqual([]);
    expect(violations(rows, 'lib/x.ts', '')).toEqual(['lib/x.ts: no row of the layout table covers it']);
  });

  it('src/core touches no DOM', () => {
    for (const f of sources.filter((f) => f.startsWith('src/core/') && !TEST.test(f)))
      expect(text.get(f)!, f).not.toMatch(/\b(document|window|navigator)\./);
  });

  it('has no import circle among the sources', () => {
    const graph = new Map(
      sources
        .filter((f) => !TEST.test(f))
        .map((f) => [
          f,
          importsOf(text.get(f)!)
            .filter((s) => s.startsWith('.'))
            .map((s) => resolveImport(f, s)),
        ]),
    );
    const state = new Map<string, 'open' | 'done'>();
    const circles: string[] = [];
    const visit = (f: string, path: string[]) => {
      if (state.get(f) === 'done' || !graph.has(f)) return;
      if (state.get(f) === 'open') return void circles.push([...path.slice(path.indexOf(f)), f].join(' → '));
      state.set(f, 'open');
      for (const g of graph.get(f)!) visit(g, [...path, f]);
      state.set(f, 'done');
    };
    for (const f of graph.keys()) visit(f, []);
    expect(circles).toEqual([]);
  });

  it(`keeps every source file at most ${MAX_LINES} lines`, () => {
    const long = sources.map((f) => [f, text.get(f)!.split('\n').length] as const).filter(([, n]) => n > MAX_LINES + 1);
    expect(long.map(([f, n]) => `${f}: ${n} lines`)).toEqual([]);
  });
});
