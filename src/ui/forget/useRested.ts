import { useEffect, useState } from 'react';

/** How long the slider stays still before the examples, the confusions and the curves follow it. */
export const REST_MS = 150;

/**
 * `value` once it has stayed the same for `ms` (the slider at rest), the first value at once. What is
 * too costly to repaint in the frame of every slider move follows the slider this way, and only then.
 */
export function useRested<T>(value: T, ms = REST_MS): T {
  const [rested, setRested] = useState(value);
  useEffect(() => {
    if (Object.is(value, rested)) return;
    const id = setTimeout(() => setRested(value), ms);
    return () => clearTimeout(id);
  }, [value, rested, ms]);
  return rested;
}
