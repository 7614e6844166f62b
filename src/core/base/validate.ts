/**
 * Validators for data read from outside (files, links): each returns the value, typed, or throws an
 * `Invalid` error whose message names the field (`layers[1].kernel[5] is null, …`). Pure.
 */

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** A validation failure; its message is meant for the user. */
export class Invalid extends Error {}
// prettier-ignore
export const fail = (message: string): never => { throw new Invalid(message); };
export type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A value as a message quotes it (short; a missing one is "nothing", never "undefined"). */
export function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string') return v.length > 40 ? `a string of ${v.length} characters` : JSON.stringify(v);
  if (typeof v === 'object') return 'an object';
  return String(v);
}
export function obj(v: unknown, path: string): Obj {
  return isObj(v) ? v : fail(`${path} must be an object, got ${show(v)}`);
}
export function list(v: unknown, path: string): unknown[] {
  return Array.isArray(v) ? v : fail(`${path} must be an array, got ${show(v)}`);
}
export function str(v: unknown, path: string, maxLength = 64): string {
  if (typeof v !== 'string') return fail(`${path} must be a string, got ${show(v)}`);
  return v.length > 0 && v.length <= maxLength
    ? v
    : fail(`${path} must have 1 to ${maxLength} characters, got ${v.length}`);
}
export function oneOf<T extends string>(v: unknown, path: string, values: readonly T[]): T {
  return values.includes(v as T)
    ? (v as T)
    : fail(
        `${path} is ${v === undefined ? 'missing' : show(v)}, expected one of ${values.map((s) => `"${s}"`).join(', ')}`,
      );
}
export function int(v: unknown, path: string): number {
  return typeof v === 'number' && Number.isInteger(v) ? v : fail(`${path} must be an integer, got ${show(v)}`);
}
/** A finite number in [min, max] (either bound may be infinite), or null (→ NaN) when `nullable`. */
export function num(v: unknown, path: string, min: number, max: number, nullable: boolean): number {
  if (v === null && nullable) return NaN;
  if (typeof v !== 'number' || !Number.isFinite(v))
    return fail(`${path} must be a finite number${nullable ? ' or null' : ''}, got ${show(v)}`);
  const range = max === Infinity ? `≥ ${min}` : min === -Infinity ? `≤ ${max}` : `in ${min}..${max}`;
  return v >= min && v <= max ? v : fail(`${path} is ${v}, expected a number ${range}`);
}
/** A finite-number array of exactly `length` entries (≥ 0 when `nonNegative`) as a Float32Array. */
export function floats(v: unknown, path: string, length: number, expected: string, nonNegative = false): Float32Array {
  const a = list(v, path);
  if (a.length !== length) fail(`${path} has ${a.length} numbers, expected ${expected}`);
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) {
    const x = a[i];
    if (typeof x !== 'number')
      fail(
        x === null
          ? `${path}[${i}] is null (a NaN or infinite value when it was saved); ${path} must hold finite numbers`
          : `${path}[${i}] is ${show(x)}, expected a number`,
      );
    out[i] = x as number;
    if (!Number.isFinite(out[i]))
      fail(
        Number.isFinite(x)
          ? `${path}[${i}] = ${x} is outside the float32 range`
          : `${path}[${i}] is ${x}, expected a finite number`,
      );
    if (nonNegative && (x as number) < 0) fail(`${path}[${i}] is ${x}, must be ≥ 0`);
  }
  return out;
}

/**
 * Refuses prototype-polluting keys anywhere (iterative, so deep nesting cannot overflow the stack). The
 * message names the field as the file writes it (`config`, `sweep[1]`), or "the file" for the top level.
 */
export function checkKeys(root: unknown): void {
  const stack: [unknown, string][] = [[root, '']];
  while (stack.length) {
    const [v, path] = stack.pop()!;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++)
        if (typeof v[i] === 'object' && v[i] !== null) stack.push([v[i], `${path}[${i}]`]);
    } else if (isObj(v)) {
      for (const k of Object.keys(v)) {
        if (FORBIDDEN_KEYS.has(k)) fail(`${path || 'the file'} has the forbidden key "${k}"`);
        if (typeof v[k] === 'object' && v[k] !== null) stack.push([v[k], path ? `${path}.${k}` : k]);
      }
    }
  }
}
