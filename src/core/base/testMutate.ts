/** Random mutations of parsed files, for the parsers' property tests (test support; no production code imports it). */
import type { Rng } from './rng';

/** Replaces or deletes one random value somewhere in the parsed file (mutates and returns `root`). */
export function mutateValue(root: any, r: Rng, values: unknown[]): unknown {
  let node = root;
  for (;;) {
    const keys = Array.isArray(node) ? [r.int(node.length)] : Object.keys(node);
    if (keys.length === 0 || (Array.isArray(node) && node.length === 0)) return root;
    const key = keys[r.int(keys.length)];
    const child = node[key];
    if (typeof child === 'object' && child !== null && r.next() < 0.8) {
      node = child;
      continue;
    }
    if (!Array.isArray(node) && r.next() < 0.2) delete node[key];
    else node[key] = values[r.int(values.length)];
    return root;
  }
}

/** One random corruption of a file's text: cut short, a few characters dropped or one inserted, or a digit changed here and there. */
export function mutateText(t: string, r: Rng): string {
  const at = r.int(t.length);
  switch (r.int(4)) {
    case 0:
      return t.slice(0, at);
    case 1:
      return t.slice(0, at) + t.slice(at + 1 + r.int(20));
    case 2:
      return t.slice(0, at) + '{}[],:"0-e.n'[r.int(12)] + t.slice(at);
    default:
      return t.replace(/\d/g, (d) => (r.next() < 0.001 ? String((Number(d) + 1) % 10) : d));
  }
}
