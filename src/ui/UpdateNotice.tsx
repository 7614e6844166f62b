import { useSyncExternalStore } from 'react';
import type { Updates } from '../state/offline/update';
import { useController, useT } from './kit/context';

/**
 * "A new version is available — Reload": the service worker's update waiting (src/state/offline/update.ts).
 * Fixed at the page's edge, out of the tour card's corner; Reload asks first when it would lose the
 * reader's run, job or network, and "Later" hides it until the next visit.
 */
export function UpdateNotice({ updates }: { updates: Updates }) {
  const t = useT();
  const { store } = useController();
  const view = useSyncExternalStore(updates.subscribe, updates.view);
  if (view.kind === 'none') return null;
  const asking = view.kind === 'asking';
  return (
    <div
      className="notice notice-question update-notice"
      role={asking ? 'alertdialog' : 'status'}
      aria-labelledby="update-notice-text"
      data-testid="update.notice"
      data-asking={asking ? view.loss : undefined}
    >
      <span id="update-notice-text">{asking ? t(`update.loses.${view.loss}`) : t('update.ready')}</span>
      <span className="notice-buttons">
        <button
          type="button"
          className="primary"
          onClick={() => (asking ? updates.confirm() : updates.reload(store.getState()))}
          data-testid="update.reload"
        >
          {asking ? t('update.reloadAnyway') : t('update.reload')}
        </button>
        {/* The question takes the focus on its safe answer, as the pasted link's does. */}
        <button
          key={asking ? 'asking' : 'ready'}
          type="button"
          autoFocus={asking}
          onClick={updates.later}
          data-testid="update.later"
        >
          {t('update.later')}
        </button>
      </span>
    </div>
  );
}
