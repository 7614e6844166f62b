import { useAppState, useController } from './context';

/** Dismissible notices (e.g. a URL key that was ignored) and the current error, if any. */
export function Notices() {
  const c = useController();
  const notices = useAppState((s) => s.notices);
  const error = useAppState((s) => s.error);
  const restart = useAppState((s) => s.errorAction === 'restart' && s.backendStatus === 'ready');
  const pending = useAppState((s) => s.pendingLink);
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n, i) => (
        <div key={`${i}-${n}`} className="notice" role="status" data-testid="notice">
          <span>{n}</span>
          <button type="button" className="link" aria-label="Dismiss notice" onClick={() => c.dismissNotice(i)}>
            ✕
          </button>
        </div>
      ))}
      {pending && (
        <div className="notice notice-question" role="alertdialog" aria-labelledby="pending-link-text" data-testid="link.prompt">
          <span id="pending-link-text">{pending.prompt}</span>
          <span className="notice-buttons">
            <button type="button" className="primary" onClick={() => c.resolvePendingLink(true)} data-testid="link.replace">
              Open the link’s network
            </button>
            {/* An alert dialog takes the focus, on its safe answer. */}
            <button type="button" autoFocus onClick={() => c.resolvePendingLink(false)} data-testid="link.keep">
              Keep mine, use the link’s settings
            </button>
          </span>
        </div>
      )}
      {error && (
        <div className="notice notice-error" role="alert" data-testid="error.panel">
          <strong>Error:</strong> <span data-testid="error.message">{error}</span>
          <span className="notice-buttons">
            {restart && (
              <button type="button" className="primary" onClick={() => c.train()} data-testid="error.restart">
                Restart training
              </button>
            )}
            <button type="button" onClick={() => c.reset()} data-testid="error.reset">
              Reset
            </button>
          </span>
        </div>
      )}
    </div>
  );
}
