import { startTransition, useEffect, useState, type ReactNode } from 'react';
import { ResponsiveContainer } from 'recharts';
import { useAppState } from './context';

/** Once the first network's numbers have been painted, every chart mounts at once. */
let open = false;

/**
 * A chart's container: recharts' `ResponsiveContainer`, full width, `height` tall. While a network opens
 * and its first pruned numbers are not yet painted, an empty box of the same height: a chart's first
 * mount costs the main thread a few hundred milliseconds (recharts' own store settles in effects, in
 * renders of their own), which the numbers would wait for. The charts follow in the next frame.
 */
export function ChartFrame({ height, children }: { height: number; children: ReactNode }) {
  const waiting = useAppState(
    (s) => s.openingSnapshot !== null || (s.pruning.status === 'loading' && s.pruning.view === null),
  );
  const [shown, setShown] = useState(open);
  useEffect(() => {
    if (shown || waiting) return;
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => {
        open = true;
        startTransition(() => setShown(true));
      });
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [shown, waiting]);
  return shown ? (
    <ResponsiveContainer width="100%" height={height}>
      {children}
    </ResponsiveContainer>
  ) : (
    <div className="chart-frame-waiting" style={{ height }} />
  );
}
