import { useAppState } from './context';

const NAMES = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' } as const;

/** The backends that could not start at all, from the fallback reason (one `name skipped: why` each). */
const skipped = (reason: string) => reason.split('; ').filter((r) => / skipped: /.test(r));

/** Always shows which backend runs, whether its adapter is software, and why a fallback happened. */
export function BackendBadge() {
  const backend = useAppState((s) => s.backend);
  const status = useAppState((s) => s.backendStatus);
  if (!backend) {
    return (
      <div className="badge badge-pending" data-testid="backend.badge" data-backend="" role="status">
        {status === 'error' ? 'No backend' : 'Starting backend…'}
      </div>
    );
  }
  const forced = backend.requested !== 'auto';
  const title = [`Adapter: ${backend.adapter}`, forced ? `Forced with backend=${backend.requested}` : 'Chosen automatically', backend.fallbackReason].filter(Boolean).join('\n');
  return (
    <div className={`badge badge-${backend.name}`} data-testid="backend.badge" data-backend={backend.name} data-software={backend.software} role="status" title={title}>
      <span className="badge-name">{backend.name.toUpperCase()}</span>
      {backend.software && <span className="badge-soft"> · software adapter</span>}
      {forced && backend.requested === backend.name && <span className="badge-soft"> · forced</span>}
      {backend.slowerChoice ? (
        <span className="badge-reason" data-testid="backend.reason">
          {' '}
          · {NAMES[backend.slowerChoice.name]} here is a software adapter ({backend.slowerChoice.times >= 10 ? Math.round(backend.slowerChoice.times) : backend.slowerChoice.times.toFixed(1)}× slower)
          {skipped(backend.fallbackReason).map((r) => `; ${r}`)}
        </span>
      ) : (
        backend.fallbackReason && (
          <span className="badge-reason" data-testid="backend.reason">
            {' '}
            — fallback: {backend.fallbackReason}
          </span>
        )
      )}
    </div>
  );
}
