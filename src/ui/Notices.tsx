import { useAppState, useController } from './context';

/** Dismissible notices (e.g. a URL key that was ignored) and the current error, if any. */
export function Notices() {
  const c = useController();
  const notices = useAppState((s) => s.notices);
  const error = useAppState((s) => s.error);
  const restart = useAppState((s) => s.errorAction === 'restart' && s.backendStatus === 'ready');
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
