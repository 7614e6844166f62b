import { memo } from 'react';
import { useAppState, useT } from '../kit/context';
import { Help } from '../kit/Help';
import { RichText } from '../kit/RichText';
import { ms, verdictSpread } from './speedFormat';

/**
 * The numbers panel's line for the resting slider: the current mask's measured time per prediction,
 * sparse against dense (and the smaller dense network with neuron pruning), then a batch of 256; each
 * speed-up with the spread of its paired samples, and no verdict when that spread includes 1×.
 * Subscribes by itself and is memoized, so a slider move re-renders nothing here until the next measurement lands.
 */
export const SpeedLine = memo(function SpeedLine() {
  const t = useT();
  const current = useAppState((s) => s.speed.current);
  const b1 = current?.points.find((p) => p.batch === 1);
  const b256 = current?.points.find((p) => p.batch === 256);
  if (!b1 || !b256) return null;
  const params = {
    sparse: ms(b1.csr.medianMs),
    dense: ms(b1.dense.medianMs),
    verdict: verdictSpread(t, b1.ratio.csr),
    sparse256: ms(b256.csr.medianMs),
    dense256: ms(b256.dense.medianMs),
    verdict256: verdictSpread(t, b256.ratio.csr),
  };
  return (
    <p
      className="speed-line"
      data-testid="prune.speed"
      data-sparse={b1.csr.medianMs}
      data-dense={b1.dense.medianMs}
      data-sparsity={b1.sparsity}
      data-samples={b1.ratio.csr.samples}
    >
      <RichText
        text={
          b1.stripped && b1.strippedShapes
            ? t('speed.current.stripped', {
                ...params,
                stripped: ms(b1.stripped.medianMs),
                shapes: b1.strippedShapes.join('-'),
              })
            : t('speed.current', params)
        }
      />{' '}
      <Help id="speed.current" label={t('speed.current.label')} text={t('speed.current.help')} />
    </p>
  );
});
