import { roundRate } from '../../core/base';
import { Help } from '../kit/Help';
import { useAppState, useT } from '../kit/context';
import { int } from '../kit/format';

const NAMES = { webgpu: 'WebGPU', webgl: 'WebGL', wasm: 'WASM', cpu: 'CPU' } as const;

/**
 * Always shows which backend runs, whether its adapter is software, why a fallback happened, and what
 * `auto` measured (or that it will measure); its help explains the choice.
 */
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
  // The backends that could not start, each with why (the browser's own words, if any, as they come).
  const skipped = (backend.skipped ?? []).map((k) =>
    t('backend.skipped', {
      name: k.name,
      reason: t(`backend.skip.${k.reason.code}`, { detail: k.reason.detail ?? '' }),
    }),
  );
  const rates = (backend.measured ?? [])
    .map((m, i) =>
      t(i === 0 ? 'backend.rate.first' : 'backend.rate.other', {
        name: NAMES[m.name],
        n: int(roundRate(m.samplesPerSec)),
      }),
    )
    .join(', ');
  const adapter =
    backend.name === 'wasm' || backend.name === 'cpu' ? t(`backend.adapter.${backend.name}`) : backend.adapter;
  const help = [
    t('backend.adapter', { adapter }),
    forced
      ? t('backend.help.forced')
      : rates
        ? t('backend.help.measured', { batch: backend.measuredBatch ?? 32, rates })
        : t('backend.help.pending'),
    ...skipped,
  ].join(' ');
  return (
    <div
      className={`badge badge-${backend.name}`}
      data-testid="backend.badge"
      data-backend={backend.name}
      data-software={backend.software}
      data-choice={forced ? 'forced' : (backend.pending ?? 'measured')}
      role="status"
    >
      <span className="badge-name">{backend.name.toUpperCase()}</span>
      {backend.software && <span className="badge-soft"> {t('backend.software')}</span>}
      {forced && backend.requested === backend.name && <span className="badge-soft"> {t('backend.forced')}</span>}
      {backend.pending && <span className="badge-soft"> {t(`backend.pending.${backend.pending}`)}</span>}
      {rates && (
        <span className="badge-soft" data-testid="backend.measured">
          {' '}
          {t('backend.measured', { rates })}
        </span>
      )}
      {skipped.length > 0 && (
        <span className="badge-reason" data-testid="backend.reason">
          {' '}
          {/* A forced backend that could not start fell back; under auto the others were only not available to measure. */}
          {t(forced ? 'backend.fallback' : 'backend.unavailable', { reason: skipped.join('; ') })}
        </span>
      )}{' '}
      <Help id="backendChoice" label={t('backend.help.label')} text={help} />
    </div>
  );
}
