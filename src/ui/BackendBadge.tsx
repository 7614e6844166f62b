import { useAppState, useT } from './context';

const NAMES = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' } as const;

/** The backends that could not start at all, from the fallback reason (one `name skipped: why` each). */
const skipped = (reason: string) => reason.split('; ').filter((r) => / skipped: /.test(r));

/** Always shows which backend runs, whether its adapter is software, and why a fallback happened. */
export function BackendBadge() {
  const t = useT();
  const backend = useAppState((s) => s.backend);
  const status = useAppState((s) => s.backendStatus);
  if (!backend) {
    return (
      <div className="badge badge-pending" data-testid="backend.badge" data-backend="" role="status">
        {status === 'error' ? t('backend.none') : t('backend.starting')}
      </div>
    );
  }
  const forced = backend.requested !== 'auto';
  // The fallback reason is text the training worker writes (src/train/backend.ts), shown as it comes.
  const title = [t('backend.adapter', { adapter: backend.adapter }), forced ? t('backend.forcedWith', { requested: backend.requested }) : t('backend.auto'), backend.fallbackReason].filter(Boolean).join('\n');
  const slower = backend.slowerChoice;
  return (
    <div className={`badge badge-${backend.name}`} data-testid="backend.badge" data-backend={backend.name} data-software={backend.software} role="status" title={title}>
      <span className="badge-name">{backend.name.toUpperCase()}</span>
      {backend.software && <span className="badge-soft"> {t('backend.software')}</span>}
      {forced && backend.requested === backend.name && <span className="badge-soft"> {t('backend.forced')}</span>}
      {slower ? (
        <span className="badge-reason" data-testid="backend.reason">
          {' '}
          {t('backend.slower', { name: NAMES[slower.name], times: slower.times >= 10 ? String(Math.round(slower.times)) : slower.times.toFixed(1) })}
          {skipped(backend.fallbackReason).map((r) => `; ${r}`)}
        </span>
      ) : (
        backend.fallbackReason && (
          <span className="badge-reason" data-testid="backend.reason">
            {' '}
            {t('backend.fallback', { reason: backend.fallbackReason })}
          </span>
        )
      )}
    </div>
  );
}
