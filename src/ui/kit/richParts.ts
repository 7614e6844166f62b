/**
 * The markup of a catalogue message, parsed: `<b>`, `<strong>`, `<em>` and `<code>` (not nested in
 * themselves), everything else text. A user's own text marked with `verbatim` (src/i18n/format.ts) is
 * text whatever it holds: a file named `a</b>evil<b>x.csv` is shown as it is. Pure.
 */
export type RichTag = 'b' | 'strong' | 'em' | 'code';
export type RichPart = string | { tag: RichTag; text: string };

const VERBATIM = /\uE000([^\uE001]*)\uE001/g;
const HELD = /\uE002(\d+)\uE003/;
const TAGS = /<(b|strong|em|code)>([\s\S]*?)<\/\1>/g;

export function richParts(text: string): RichPart[] {
  // Each verbatim span is held out of the markup's reach by an index, and put back as text.
  const held: string[] = [];
  const marked = text.includes('\uE000')
    ? text.replace(VERBATIM, (_, s: string) => `\uE002${held.push(s) - 1}\uE003`)
    : text;
  const back = (s: string) =>
    held.length === 0
      ? s
      : s
          .split(HELD)
          .map((part, i) => (i % 2 ? held[Number(part)] : part))
          .join('');
  const parts: RichPart[] = [];
  let last = 0;
  for (const m of marked.matchAll(TAGS)) {
    if (m.index > last) parts.push(back(marked.slice(last, m.index)));
    parts.push({ tag: m[1] as RichTag, text: back(m[2]) });
    last = m.index + m[0].length;
  }
  if (last < marked.length) parts.push(back(marked.slice(last)));
  return parts;
}
