import { useAppState, useController, useT } from './kit/context';

/** Dismissible notices (e.g. a URL key that was ignored) and the current error, if any. */
export function Notices() {
  const c = useController();
  const t = useT();
  const notices = useAppState((s) => s.notices);
  const error = useAppState((s) => s.error);
  const restart = useAppState((s) => s.errorAction === 'restart' && s.backendStatus === 'ready');
  const pending = useAppState((s) => s.pendingLink);
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n, i) => (
        <div key={`${i}-${n.key}`} className="notice" role="status" data-testid="notice">
          <span>{t.msg(n)}</span>
          <button type="button" className="link" aria-label={t('notice.dismiss')} onClick={() => c.dismissNotice(i)}>
            ✕
          </button>
        </div>
      ))}
      {pending && (
        <div
          className="notice notice-question"
          role="alertdialog"
          aria-labelledby="pending-link-text"
          data-testid="link.prompt"
        >
          <span id="pending-link-text">{t.msg(pending.prompt)}</span>
          <span className="notice-buttons">
            <button
              type="button"
              className="primary"
              onClick={() => c.resolvePendingLink(true)}
              data-testid="link.replace"
            >
              {t('link.replace')}
            </button>
            {/* An alert dialog takes the focus, on its safe answer. */}
            <button type="button" autoFocus onClick={() => c.resolvePendingLink(false)} data-testid="link.keep">
              {t('link.keep')}
            </button>
          </span>
        </div>
      )}
      {error && (
        <div className="notice notice-error" role="alert" data-testid="error.panel">
          <strong>{t('error.label')}</strong> <span data-testid="error.message">{t.msg(error)}</span>
          <span className="notice-buttons">
            {restart && (
              <button type="button" className="primary" onClick={() => c.train()} data-testid="error.restart">
                {t('error.restart')}
              </button>
            )}
            <button type="button" onClick={() => c.reset()} data-testid="error.reset">
              {t('error.reset')}
            </button>
          </span>
        </div>
      )}
    </div>
  );
}
