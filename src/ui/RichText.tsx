import { Fragment, type ReactNode } from 'react';

const TAGS = { b: 'strong', strong: 'strong', em: 'em', code: 'code' } as const;

/**
 * A catalogue message with its markup rendered: `<b>`, `<strong>`, `<em>` and `<code>` (not nested in
 * themselves), everything else as text. Translations keep their emphasis without HTML in components.
 */
export function RichText({ text }: { text: string }) {
  const parts: ReactNode[] = [];
  const re = /<(b|strong|em|code)>([\s\S]*?)<\/\1>/g;
  let last = 0;
  for (const m of text.matchAll(re)) {
    if (m.index > last) parts.push(text.slice(last, m.index));
    const Tag = TAGS[m[1] as keyof typeof TAGS];
    parts.push(<Tag key={m.index}>{m[2]}</Tag>);
    last = m.index + m[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return <Fragment>{parts}</Fragment>;
}
