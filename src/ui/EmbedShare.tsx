import { useId, useState } from 'react';
import { EMBED_VIEWS, type EmbedView } from '../state/flags';
import { embedHash, embedSnippet } from '../state/links';
import { useAppState, useController, useT } from './context';
import { copyText } from './download';
import { FieldLabel, helpId } from './Help';

/**
 * "Embed": the `<iframe>` snippet of a figure of the current state (view: heatmaps and slider, the chart,
 * or the tour), shown and copied; the page that embeds it resizes it with the script in the README.
 */
export function EmbedShare() {
  const t = useT();
  const [open, setOpen] = useState(false);
  // The snippet follows every setting; built only while shown, so a slider move does not render it.
  return (
    <details className="embed-share" data-testid="embed.share" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary data-testid="embed.toggle">{t('embed.share')}</summary>
      {open && (
        <div className="embed-share-body">
          <EmbedCode />
        </div>
      )}
    </details>
  );
}

function EmbedCode() {
  const c = useController();
  const t = useT();
  const id = useId();
  const [view, setView] = useState<EmbedView>('prune');
  const [copied, setCopied] = useState<boolean | null>(null);
  useAppState((s) => s.settings);
  useAppState((s) => s.flags);
  const src = `${location.origin}${location.pathname}${location.search}#${embedHash(c.store.getState(), view)}`;
  const snippet = embedSnippet(src, t('embed.iframeTitle'), view);
  return (
    <>
      <FieldLabel htmlFor={id} label={t('embed.view')} help={t('embed.share.help')} helpKey="embed.share" />
      <div className="embed-share-row">
        <select id={id} value={view} aria-describedby={helpId('embed.share')} data-testid="embed.view" onChange={(e) => setView(e.target.value as EmbedView)}>
          {EMBED_VIEWS.map((v) => (
            <option key={v} value={v}>
              {t(`embed.view.${v}`)}
            </option>
          ))}
        </select>
        <button type="button" data-testid="embed.copy" onClick={() => void copyText(snippet).then(setCopied)}>
          {t('embed.copy')}
        </button>
      </div>
      <textarea readOnly rows={4} value={snippet} aria-label={t('embed.code')} data-testid="embed.code" onFocus={(e) => e.currentTarget.select()} />
      {copied !== null && (
        <p className="muted" role="status">
          {t(copied ? 'embed.copied' : 'embed.manual')}
        </p>
      )}
    </>
  );
}
