import { Fragment } from 'react';
import { richParts } from './richParts';

const ELEMENT = { b: 'strong', strong: 'strong', em: 'em', code: 'code' } as const;

/**
 * A catalogue message with its markup rendered (`richParts`): `<b>`, `<strong>`, `<em>` and `<code>`,
 * everything else — and every `verbatim` parameter, a user's file name — as text. Translations keep their
 * emphasis without HTML in components.
 */
export function RichText({ text }: { text: string }) {
  return (
    <Fragment>
      {richParts(text).map((p, i) => {
        if (typeof p === 'string') return <Fragment key={i}>{p}</Fragment>;
        const Tag = ELEMENT[p.tag];
        return <Tag key={i}>{p.text}</Tag>;
      })}
    </Fragment>
  );
}
