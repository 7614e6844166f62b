// Static-site security checks on the source: no eval-like code and no HTML injection sinks.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(f) && !f.endsWith('.test.ts') ? [p] : [];
  });
}

describe('source security', () => {
  it('uses no eval, new Function, string timers or HTML injection', () => {
    const sinks = [
      /\beval\s*\(/,
      /new\s+Function\s*\(/,
      /setTimeout\(\s*['"`]/,
      /setInterval\(\s*['"`]/,
      /\.innerHTML\s*=/,
      /\.outerHTML\s*=/,
      /insertAdjacentHTML/,
      /dangerouslySetInnerHTML/,
      /document\.write/,
    ];
    const hits: string[] = [];
    for (const f of files(__dirname)) {
      const src = readFileSync(f, 'utf8');
      for (const re of sinks) if (re.test(src)) hits.push(`${f}: ${re}`);
    }
    expect(hits).toEqual([]);
  });
});
