/**
 * URL flags that are not experiment settings: `autotrain=1` starts training on load (for demos), and
 * `hide=backend,export` hides panels for a focused classroom view. Same rules as the settings codec:
 * unknown values are ignored with a notice naming the key.
 */

export const PANELS = ['backend', 'training', 'progress', 'curves', 'heatmaps', 'chart', 'sensitivity', 'stats', 'pruning', 'experiments', 'export', 'how'] as const;
export type Panel = (typeof PANELS)[number];

export interface Flags {
  hide: Panel[];
  autotrain: boolean;
}

export const defaultFlags = (): Flags => ({ hide: [], autotrain: false });

export function parseFlags(search: string, hash: string): { flags: Flags; notices: string[] } {
  const flags = defaultFlags();
  const notices: string[] = [];
  for (const params of [new URLSearchParams(search.replace(/^\?/, '')), new URLSearchParams(hash.replace(/^#/, ''))]) {
    const hide = params.get('hide');
    if (hide !== null) {
      if (hide.length > 200) {
        notices.push('URL key "hide" ignored — value is too long.');
      } else {
        const names = hide.split(',').map((s) => s.trim()).filter(Boolean);
        const bad = names.filter((n) => !(PANELS as readonly string[]).includes(n));
        if (bad.length) notices.push(`URL key "hide": unknown panel${bad.length > 1 ? 's' : ''} ${bad.map((b) => `"${b.slice(0, 20)}"`).join(', ')} ignored; panels are ${PANELS.join(', ')}.`);
        flags.hide = [...new Set(names.filter((n): n is Panel => (PANELS as readonly string[]).includes(n)))];
      }
    }
    const auto = params.get('autotrain');
    if (auto !== null) {
      if (auto === '1' || auto === 'true') flags.autotrain = true;
      else if (auto === '0' || auto === 'false') flags.autotrain = false;
      else notices.push(`URL key "autotrain" ignored — "${auto.slice(0, 20)}" is not 1 or 0.`);
    }
  }
  return { flags, notices };
}

/** Hash text (without '#') for the flags that differ from the defaults. */
export function serializeFlags(f: Flags): string {
  const p = new URLSearchParams();
  if (f.hide.length) p.set('hide', f.hide.join(','));
  if (f.autotrain) p.set('autotrain', '1');
  return p.toString().replace(/%2C/g, ',');
}

/** Joins hash parts, skipping empty ones. */
export const joinHash = (...parts: string[]) => parts.filter(Boolean).join('&');
