import { staggered } from '../kit/staggered';
import type { CurvePoint } from '../../state/store';
import { useAppState, useController, useT } from '../kit/context';
import { pct } from '../kit/format';
import { Help } from '../kit/Help';

const W = 120;
const H = 64;
/** A class "falls" where its accuracy is this far (5 points) below its dense accuracy. */
export const FALL = 0.05;

/** The first sparsity at which class `k` is FALL below its accuracy at the curve's first point, or null. */
export function fallsAt(points: readonly CurvePoint[], k: number): number | null {
  const base = points[0]?.perClass?.[k];
  if (base === undefined || !Number.isFinite(base)) return null;
  const p = points.find((q) => (q.perClass?.[k] ?? base) < base - FALL);
  return p ? p.sparsity : null;
}

/** One class's accuracy vs sparsity, the slider's sparsity marked. */
function Mini({
  points,
  k,
  name,
  at,
  selected,
}: {
  points: readonly CurvePoint[];
  k: number;
  name: string;
  at: number;
  selected: boolean;
}) {
  const t = useT();
  const c = useController();
  const path = points
    .map((p, i) => `${i ? 'L' : 'M'}${(p.sparsity * W).toFixed(1)},${((1 - (p.perClass?.[k] ?? 0)) * H).toFixed(1)}`)
    .join('');
  const falls = fallsAt(points, k);
  return (
    <li
      className={selected ? 'forget-mini forget-selected' : 'forget-mini'}
      data-testid={`forget.curve.${k}`}
      data-falls={falls ?? ''}
    >
      <button
        type="button"
        className="link"
        aria-pressed={selected}
        onClick={() => c.updateSettings({ forgetClass: selected ? -1 : k })}
      >
        {name}
      </button>
      <svg
        viewBox={`-2 -2 ${W + 4} ${H + 4}`}
        role="img"
        aria-label={t('forget.curves.one', { name, at: falls === null ? '–' : pct(falls, 0) })}
      >
        <rect x={0} y={0} width={W} height={H} className="forget-mini-frame" />
        <path d={path} className="forget-mini-line" />
        <line x1={at * W} x2={at * W} y1={0} y2={H} className="forget-mini-marker" />
      </svg>
      <span className="muted">
        {falls === null ? t('forget.curves.holds') : t('forget.curves.falls', { at: pct(falls, 0) })}
      </span>
    </li>
  );
}

/**
 * Accuracy vs sparsity of each class for the current criterion (validation, from the sweep), as small
 * multiples; the selected class's drawn first, its line thicker. A snapshot's curves carry no classes: a button
 * computes them.
 */
export const ClassCurves = staggered(function ClassCurves({
  names,
  selected,
  at,
}: {
  names: string[];
  selected: number;
  at: number;
}) {
  const t = useT();
  const c = useController();
  const criterion = useAppState((s) => s.settings.criterion);
  const points = useAppState((s) => s.sweep.curves[criterion]?.val);
  const status = useAppState((s) => s.sweep.status);
  const have = !!points?.length && points.every((p) => p.perClass?.length === names.length);
  const order =
    selected >= 0 ? [selected, ...names.map((_, k) => k).filter((k) => k !== selected)] : names.map((_, k) => k);
  return (
    <div className="forget-curves" data-testid="forget.curves" data-ready={have}>
      <div className="forget-subhead">
        <h3>
          {t('forget.curves.title', { criterion: t(`criterion.${criterion}.label`) })}{' '}
          <Help
            id="forget.curves"
            label={t('forget.curves.titleShort')}
            text={t('forget.curves.help', { fall: FALL * 100 })}
          />
        </h3>
      </div>
      {have ? (
        <ol className="forget-minis">
          {order.map((k) => (
            <Mini key={k} points={points} k={k} name={names[k]} at={at} selected={k === selected} />
          ))}
        </ol>
      ) : status === 'running' ? (
        <p className="muted">{t('forget.curves.running')}</p>
      ) : (
        <p>
          <button type="button" data-testid="forget.curves.compute" onClick={() => c.classCurves()}>
            {t('forget.curves.compute')}
          </button>
        </p>
      )}
    </div>
  );
});
