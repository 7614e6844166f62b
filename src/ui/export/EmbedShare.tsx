import { useId, useState } from 'react';
import { EMBED_VIEWS, type EmbedView, type Theme } from '../../state/store';
import { embedHash, embedSnippet } from '../../state/links/links';
import { useAppState, useController, useT } from '../kit/context';
import { copyText } from './download';
import { FieldLabel, helpId } from '../kit/Help';

/**
 * "Embed": the code of a figure of the current state (view: heatmaps and slider, the chart, or the tour;
 * colours: light, dark, or the reader's), shown and copied: a sandboxed `<iframe>` and the small script
 * that sizes it to the figure.
 */
export function EmbedShare() {
  const t = useT();
  const [open, setOpen] = useState(false);
  // The snippet follows every setting; built only while shown, so a slider move does not render it.
  return (
    <details
      className="embed-share"
      data-testid="embed.share"
      open={open}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary data-testid="embed.toggle">{t('embed.share')}</summary>
      {open && (
        <div className="embed-share-body">
          <EmbedCode />
        </div>
      )}
    </details>
  );
}

/** The figure's colours, as the menu lists them: fixed ones first (light, the default), then the reader's. */
const THEME_CHOICES: readonly Theme[] = ['light', 'dark', 'auto'];

function EmbedCode() {
  const c = useController();
  const t = useT();
  const id = useId();
  const themeId = useId();
  const [view, setView] = useState<EmbedView>('prune');
  // Light by default: most pages are, and a figure that follows a dark-mode reader would be dark on them.
  const [theme, setTheme] = useState<Theme>('light');
  const [copied, setCopied] = useState<boolean | null>(null);
  useAppState((s) => s.settings);
  useAppState((s) => s.flags);
  const src = `${location.origin}${location.pathname}${location.search}#${embedHash(c.store.getState(), view, theme)}`;
  const snippet = embedSnippet(src, t('embed.iframeTitle'), view);
  return (
    <>
      <FieldLabel htmlFor={id} label={t('embed.view')} help={t('embed.share.help')} helpKey="embed.share" />
      <div className="embed-share-row">
        <select
          id={id}
          value={view}
          aria-describedby={helpId('embed.share')}
          data-testid="embed.view"
          onChange={(e) => setView(e.target.value as EmbedView)}
        >
          {EMBED_VIEWS.map((v) => (
            <option key={v} value={v}>
              {t(`embed.view.${v}`)}
            </option>
          ))}
        </select>
      </div>
      <FieldLabel htmlFor={themeId} label={t('embed.theme')} help={t('embed.theme.help')} helpKey="embed.theme" />
      <div className="embed-share-row">
        <select
          id={themeId}
          value={theme}
          aria-describedby={helpId('embed.theme')}
          data-testid="embed.theme"
          onChange={(e) => setTheme(e.target.value as Theme)}
        >
          {THEME_CHOICES.map((v) => (
            <option key={v} value={v}>
              {t(`embed.theme.${v}`)}
            </option>
          ))}
        </select>
      </div>
      <button
        type="button"
        className="embed-copy"
        data-testid="embed.copy"
        onClick={() => void copyText(snippet).then(setCopied)}
      >
        {t('embed.copy')}
      </button>
      <textarea
        readOnly
        rows={6}
        value={snippet}
        aria-label={t('embed.code')}
        data-testid="embed.code"
        onFocus={(e) => e.currentTarget.select()}
      />
      {copied !== null && (
        <p className="muted" role="status">
          {t(copied ? 'embed.copied' : 'embed.manual')}
        </p>
      )}
    </>
  );
}
