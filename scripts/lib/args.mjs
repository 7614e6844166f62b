// Command-line options for the scripts, on node:util parseArgs: typed values, checks, a usage text.
import { writeSync } from 'node:fs';
import { parseArgs } from 'node:util';

/**
 * @param {string[]} argv
 * @param {Record<string, { type?: 'string' | 'boolean', default?: unknown, parse?: (v: string, flag: string) => unknown, help: string, value?: string }>} spec
 * @param {string} usage first line of the help text
 * @returns {Record<string, any>} option values by name (camelCase of the flag); exits after --help,
 *   and with status 2 and one line (plus the usage) on a bad option
 */
export function parseOptions(argv, spec, usage) {
  try {
    return parse(argv, spec, usage);
  } catch (e) {
    writeSync(2, `${e instanceof Error ? e.message : String(e)}\n`); // synchronous: exit() does not wait for a piped console
    process.exit(2);
  }
}

function parse(argv, spec, usage) {
  const options = { help: { type: 'boolean', short: 'h' } };
  for (const [flag, o] of Object.entries(spec)) options[flag] = { type: o.type ?? 'string' };
  const help = () =>
    [
      usage,
      ...Object.entries(spec).map(
        ([flag, o]) =>
          `  --${`${flag}${o.type === 'boolean' ? '' : ` ${o.value ?? 'VALUE'}`}`.padEnd(28)} ${o.help}${o.default !== undefined && o.type !== 'boolean' ? ` (default: ${[o.default].flat().join(',')})` : ''}`,
      ),
      '  --help'.padEnd(31) + ' this text',
    ].join('\n');
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options, strict: true, allowPositionals: false }));
  } catch (e) {
    throw new Error(`${e instanceof Error ? e.message : e}\n${help()}`);
  }
  if (values.help) {
    writeSync(2, `${help()}\n`);
    process.exit(0);
  }
  const out = {};
  for (const [flag, o] of Object.entries(spec)) {
    const key = flag.replace(/-(\w)/g, (_, c) => c.toUpperCase());
    const raw = values[flag];
    out[key] =
      raw === undefined ? (o.type === 'boolean' ? false : o.default) : o.parse ? o.parse(raw, `--${flag}`) : raw;
  }
  return out;
}

/** A whole number ≥ min. */
export const int = (min) => (v, flag) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new Error(`${flag} must be a whole number ≥ ${min} (got "${v}")`);
  return n;
};

/** A comma-separated list, each item parsed by `item` and, with `allowed`, one of them. */
export const list =
  (allowed, item = (s) => s) =>
  (v, flag) => {
    const items = v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = allowed ? items.filter((s) => !allowed.includes(s)) : [];
    if (!items.length || bad.length)
      throw new Error(
        `${flag}: ${bad.length ? `unknown ${bad.join(', ')}` : 'nothing given'}${allowed ? `; use ${allowed.join(', ')}` : ''}`,
      );
    return items.map((s) => item(s, flag));
  };

/** One of `allowed`. */
export const oneOf = (allowed) => (v, flag) => {
  if (!allowed.includes(v)) throw new Error(`${flag} must be one of ${allowed.join(', ')} (got "${v}")`);
  return v;
};
