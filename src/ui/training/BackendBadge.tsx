import { useAppState, useT } from '../kit/context';

const NAMES = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' } as const;

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
  const slower = backend.slowerChoice;
  // The backends that could not start, each with why (the browser's own words, if any, as they come).
  const skipped = (backend.skipped ?? []).map((k) =>
    t('backend.skipped', {
      name: k.name,
      reason: t(`backend.skip.${k.reason.code}`, { detail: k.reason.detail ?? '' }),
    }),
  );
  const ratio = slower ? (slower.times >= 10 ? String(Math.round(slower.times)) : slower.times.toFixed(1)) : '';
  const adapter =
    backend.name === 'wasm' || backend.name === 'cpu' ? t(`backend.adapter.${backend.name}`) : backend.adapter;
  const why = [
    ...skipped,
    ...(slower
      ? [
          t('backend.slowerLong', {
            name: slower.name,
            adapter: slower.adapter ?? '',
            times: ratio,
            chosen: backend.name,
          }),
        ]
      : []),
  ].join('; ');
  const title = [
    t('backend.adapter', { adapter }),
    forced ? t('backend.forcedWith', { requested: backend.requested }) : t('backend.auto'),
    why,
  ]
    .filter(Boolean)
    .join('\n');
  return (
    <div
      className={`badge badge-${backend.name}`}
      data-testid="backend.badge"
      data-backend={backend.name}
      data-software={backend.software}
      role="status"
      title={title}
    >
      <span className="badge-name">{backend.name.toUpperCase()}</span>
      {backend.software && <span className="badge-soft"> {t('backend.software')}</span>}
      {forced && backend.requested === backend.name && <span className="badge-soft"> {t('backend.forced')}</span>}
      {slower ? (
        <span className="badge-reason" data-testid="backend.reason">
          {' '}
          {t('backend.slower', { name: NAMES[slower.name], times: ratio })}
          {skipped.map((r) => `; ${r}`)}
        </span>
      ) : (
        skipped.length > 0 && (
          <span className="badge-reason" data-testid="backend.reason">
            {' '}
            {t('backend.fallback', { reason: skipped.join('; ') })}
          </span>
        )
      )}
    </div>
  );
}
