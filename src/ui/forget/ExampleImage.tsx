import { memo, useMemo } from 'react';
import { digitImageUrl } from './digitImage';

/** A 28×28 MNIST digit (values 0–1, row-major), dark on light: an image (digitImage.ts), not a canvas. */
export const DigitImage = memo(function DigitImage({ values, size = 28 }: { values: Float32Array; size?: number }) {
  const src = useMemo(() => digitImageUrl(values, size), [values, size]);
  return <img src={src} width={size} height={size} className="forget-digit" alt="" decoding="async" />;
});
