import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { PRUNED_ON_DIVERGING_RGB, PRUNED_RGB, DIVERGING, VIRIDIS, type ScaleSpec } from './heatmap/colormap';
import {
  FIELD_SIDE,
  fieldsCellToPixel,
  fieldsGrid,
  fieldsPixelToCell,
  matrixCellAt,
  matrixSize,
  type Cell,
  type LayerDims,
  matrixHeight,
  MATRIX_SCROLL_HEIGHT,
} from './heatmap/layout';
import { renderFields, renderMatrix, repaintCells } from './heatmap/render';
import { diffPositions } from '../../core/prune';
import { useT } from '../kit/context';
import { useFloating } from '../kit/useFloating';

export interface LayerHeatmapProps {
  name: string;
  dims: LayerDims;
  /** Colour index per weight, row-major `[inputs, units]`. */
  indices: Uint8Array;
  mask: Uint8Array | null;
  kind: ScaleSpec['kind'];
  layout: 'matrix' | 'fields';
  header: string;
  /** Text alternative: a one-line summary of the layer. */
  summary: string;
  /** Tooltip lines for a weight. */
  describe(cell: Cell): string[];
}

/** One layer's heatmap on a canvas at data resolution, scaled by CSS, with hover and keyboard tooltips. */
export function LayerHeatmap({
  name,
  dims,
  indices,
  mask,
  kind,
  layout,
  header,
  summary,
  describe,
}: LayerHeatmapProps) {
  const t = useT();
  const canvas = useRef<HTMLCanvasElement>(null);
  const { inputs, units } = dims;
  const image = useRef<ImageData | null>(null);
  const drawn = useRef<{
    indices: Uint8Array;
    mask: Uint8Array | null;
    layout: string;
    lut: Uint8Array;
    pruned: readonly number[];
  } | null>(null);
  const scratch = useRef<Int32Array | null>(null);
  const [cell, setCell] = useState<Cell | null>(null);
  const [keyboard, setKeyboard] = useState(false);
  // Touch: a tap opens the cell's tooltip, a second tap on it or a tap elsewhere closes it (touch
  // screens have no hover, and the mouse events a tap emulates afterwards must not reopen it).
  const touchAt = useRef(-Infinity);
  const [tapped, setTapped] = useState(false);
  useEffect(() => {
    if (!tapped) return;
    const outside = (e: PointerEvent) => {
      if (e.target !== canvas.current) {
        setTapped(false);
        setCell(null);
      }
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [tapped]);
  const size = layout === 'matrix' ? matrixSize(dims) : fieldsGrid(dims.units);
  const lut = kind === 'diverging' ? DIVERGING : VIRIDIS;
  const pruned = kind === 'diverging' ? PRUNED_ON_DIVERGING_RGB : PRUNED_RGB;

  // A layout effect: the pixels change in the same commit, so in the same painted frame, as the numbers.
  useLayoutEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    // One ImageData per size, reused: every move would otherwise allocate and clear ~200 KB of pixels.
    // When only the mask changed since the last drawing (a slider move), only the flipped weights are
    // repainted; anything else (values, scale, layout, size) draws every pixel.
    const kept = image.current;
    const img =
      kept && kept.width === size.width && kept.height === size.height
        ? kept
        : (image.current = ctx.createImageData(size.width, size.height));
    const last = drawn.current;
    const dims = { inputs, units };
    if (
      last &&
      img === kept &&
      last.indices === indices &&
      last.layout === layout &&
      last.lut === lut &&
      last.pruned === pruned &&
      last.mask &&
      mask &&
      last.mask.length === mask.length
    ) {
      const flipped = (scratch.current =
        scratch.current?.length === mask.length ? scratch.current : new Int32Array(mask.length));
      repaintCells(
        img.data,
        layout,
        flipped,
        diffPositions(last.mask, mask, flipped),
        indices,
        mask,
        dims,
        lut,
        pruned,
      );
    } else (layout === 'matrix' ? renderMatrix : renderFields)(indices, mask, dims, lut, pruned, img.data);
    drawn.current = { indices, mask, layout, lut, pruned };
    ctx.putImageData(img, 0, 0);
    // Primitive dependencies: redraw only when the pixels can change, not on every parent render.
  }, [indices, mask, inputs, units, layout, lut, pruned, size.width, size.height]);

  const cellFromPointer = (e: MouseEvent<HTMLCanvasElement>): Cell | null => {
    const r = e.currentTarget.getBoundingClientRect();
    const px = e.clientX - r.left;
    const py = e.clientY - r.top;
    if (layout === 'matrix') return matrixCellAt(px, py, r.width, r.height, dims);
    return fieldsPixelToCell(Math.floor((px / r.width) * size.width), Math.floor((py / r.height) * size.height), dims);
  };

  const onKey = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const c = cell ?? { i: 0, j: 0 };
    const clampI = (i: number) => Math.max(0, Math.min(dims.inputs - 1, i));
    const clampJ = (j: number) => Math.max(0, Math.min(dims.units - 1, j));
    const moves: Record<string, Cell> =
      layout === 'matrix'
        ? {
            ArrowLeft: { i: clampI(c.i - 1), j: c.j },
            ArrowRight: { i: clampI(c.i + 1), j: c.j },
            ArrowUp: { i: c.i, j: clampJ(c.j - 1) },
            ArrowDown: { i: c.i, j: clampJ(c.j + 1) },
            Home: { i: 0, j: c.j },
            End: { i: dims.inputs - 1, j: c.j },
          }
        : {
            ArrowLeft: { i: clampI(c.i - 1), j: c.j },
            ArrowRight: { i: clampI(c.i + 1), j: c.j },
            ArrowUp: { i: clampI(c.i - FIELD_SIDE), j: c.j },
            ArrowDown: { i: clampI(c.i + FIELD_SIDE), j: c.j },
            PageUp: { i: c.i, j: clampJ(c.j - 1) },
            PageDown: { i: c.i, j: clampJ(c.j + 1) },
          };
    if (e.key === 'Escape') {
      setCell(null);
      return;
    }
    const next = moves[e.key];
    if (!next) return;
    e.preventDefault();
    setKeyboard(true);
    setCell(next);
  };

  // Cell rectangle in % of the canvas box, for the highlight and the tooltip position.
  const box = useMemo(() => {
    if (!cell) return null;
    if (layout === 'matrix')
      return {
        left: (cell.i / dims.inputs) * 100,
        top: (cell.j / dims.units) * 100,
        width: 100 / dims.inputs,
        height: 100 / dims.units,
      };
    const p = fieldsCellToPixel(cell, dims);
    return {
      left: (p.x / size.width) * 100,
      top: (p.y / size.height) * 100,
      width: 100 / size.width,
      height: 100 / size.height,
    };
  }, [cell, dims, layout, size.width, size.height]);

  const tipId = `heatmap-${name}-tip`;
  const lines = cell ? describe(cell) : null;
  // The tooltip opens under the weight's cell (above it near the viewport's bottom), inside the viewport.
  const tip = useRef<HTMLDivElement>(null);
  // In a layer's scrolling box (more than 360 units), the arrow keys keep the weight they move to in view.
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = scroller.current;
    if (!keyboard || !box || !el || el.className !== 'heatmap-scroll') return;
    const h = canvas.current?.clientHeight ?? 0;
    const top = (box.top / 100) * h;
    const bottom = top + Math.max(1, (box.height / 100) * h);
    if (top < el.scrollTop) el.scrollTop = top;
    else if (bottom > el.scrollTop + el.clientHeight) el.scrollTop = bottom - el.clientHeight;
  }, [keyboard, box]);
  useFloating(tip, box !== null, () => cellBox(canvas.current, box), TIP_PLACEMENT);
  return (
    <figure className="layer-heatmap" data-testid={`heatmap.${name}`} data-layout={layout}>
      <figcaption className="layer-header" data-testid={`heatmap.${name}.header`}>
        {header}
      </figcaption>
      <div
        ref={scroller}
        className={
          layout === 'matrix' && matrixHeight(dims.units) > MATRIX_SCROLL_HEIGHT ? 'heatmap-scroll' : undefined
        }
      >
        <div
          className={`heatmap-box heatmap-${layout}`}
          style={layout === 'matrix' ? { height: `${matrixHeight(dims.units)}px` } : undefined}
        >
          <canvas
            ref={canvas}
            width={size.width}
            height={size.height}
            className="heatmap-canvas"
            tabIndex={0}
            role="img"
            aria-label={t(layout === 'fields' ? 'heatmap.canvas.fields' : 'heatmap.canvas.matrix', { summary })}
            aria-describedby={cell ? tipId : undefined}
            data-testid={`heatmap.${name}.canvas`}
            onPointerDown={(e) => {
              if (e.pointerType !== 'touch') return;
              touchAt.current = e.timeStamp;
              const next = cellFromPointer(e);
              const same = tapped && cell && next && cell.i === next.i && cell.j === next.j;
              setKeyboard(false);
              setTapped(!same);
              setCell(same ? null : next);
            }}
            onMouseMove={(e) => {
              if (e.timeStamp - touchAt.current < 1000) return; // the mouse events a tap emulates
              setKeyboard(false);
              setCell(cellFromPointer(e));
            }}
            onMouseLeave={() => !keyboard && !tapped && setCell(null)}
            onKeyDown={onKey}
            onBlur={() => keyboard && setCell(null)}
          />
          {box && (
            <>
              <div
                className="heatmap-cursor"
                style={{ left: `${box.left}%`, top: `${box.top}%`, width: `${box.width}%`, height: `${box.height}%` }}
              />
              <div
                ref={tip}
                id={tipId}
                role="tooltip"
                className="heatmap-tooltip floating"
                popover="manual"
                data-testid={`heatmap.${name}.tooltip`}
                data-i={cell!.i}
                data-j={cell!.j}
              >
                {lines!.map((line) => (
                  <div key={line}>{line}</div>
                ))}
              </div>
            </>
          )}
          {/* Screen readers hear the weight the arrow keys moved to (a changed aria-describedby is not announced). */}
          <div className="sr-only" aria-live="polite" data-testid={`heatmap.${name}.live`}>
            {keyboard && lines ? lines.join(t('heatmap.tip.separator')) : ''}
          </div>
        </div>
      </div>
    </figure>
  );
}

const TIP_PLACEMENT = { gap: 6, dx: 0 };

/** The viewport box of a cell given in % of the canvas (null without a displayed canvas). */
function cellBox(
  canvas: HTMLCanvasElement | null,
  cell: { left: number; top: number; width: number; height: number } | null,
) {
  const r = canvas?.getBoundingClientRect();
  if (!r || !cell || (r.width === 0 && r.height === 0)) return null;
  const left = r.left + (cell.left / 100) * r.width;
  const top = r.top + (cell.top / 100) * r.height;
  return { left, top, right: left + (cell.width / 100) * r.width, bottom: top + (cell.height / 100) * r.height };
}
