import { memo, useEffect, useRef } from 'react';

/** A 28×28 MNIST digit (values 0–1, row-major), drawn once on a canvas, dark on light. */
export const DigitCanvas = memo(function DigitCanvas({ values, size = 28 }: { values: Float32Array; size?: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const img = ctx.createImageData(size, size);
    for (let i = 0; i < size * size; i++) {
      const v = 255 - Math.round(255 * Math.min(1, Math.max(0, values[i] ?? 0)));
      img.data.set([v, v, v, 255], i * 4);
    }
    ctx.putImageData(img, 0, 0);
  }, [values, size]);
  return <canvas ref={ref} width={size} height={size} className="forget-digit" aria-hidden="true" />;
});
