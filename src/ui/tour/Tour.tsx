import { useEffect, useMemo, useRef, useState } from 'react';
import { ARTICLE_T } from '../../core/prune';
import { shortestFloat32 } from '../../state/store';
import { applyStep, openStep, stepIndex, TOUR_STEPS, type TourAction } from '../../state/tour/tour';
import { tourNumbers } from '../../state/tour/tourNumbers';
import { useAppState, useController, useT } from '../kit/context';
import { RichText } from '../kit/RichText';
import { tourText } from './tourText';
import { mediaStore, useMedia } from '../kit/mediaQuery';
import { useReducedMotion } from '../kit/useReducedMotion';
import { useTourPlacement } from './tourPlacement';

/** Keys the tour answers to, unless the focus is in a control that uses them itself (the slider's arrows). */
const OWN_KEYS = (el: EventTarget | null) => {
  const e = el as HTMLElement | null;
  if (!e || !e.tagName) return false;
  return (
    ['INPUT', 'SELECT', 'TEXTAREA'].includes(e.tagName) || e.isContentEditable || e.getAttribute('role') === 'slider'
  );
};

/** A touch screen: no keys to mention. */
const touchStore = mediaStore('(hover: none), (pointer: coarse)');

/**
 * The guided tour's card: the step's title and text (with the numbers of the network on screen), its
 * experiment button, Back / Next and a step counter; ← → and Space step, Escape leaves (keeping the
 * state). Opening a step applies its settings; a network arriving while a step is open gets them too.
 * Focus moves to the step's title, and a live region announces the step.
 */
export function Tour() {
  // Closed, the tour follows one flag only: a slider move does not render it.
  const open = useAppState((s) => s.flags.tour !== null);
  return open ? <TourCard /> : null;
}

function TourCard() {
  const c = useController();
  const t = useT();
  const reduced = useReducedMotion();
  const open = useAppState((s) => s.flags.tour);
  const ready = useAppState((s) => s.pruning.status === 'ready');
  const runId = useAppState((s) => s.runId);
  const scoring = useAppState((s) => s.scoring);
  const view = useAppState((s) => s.pruning.view);
  const dense = useAppState((s) => s.pruning.dense);
  const epochs = useAppState((s) => s.epochs);
  const criterion = useAppState((s) => s.settings.criterion);
  const threshold = useAppState((s) => s.settings.threshold);
  const busy = useAppState(
    (s) => s.experiments.finetune?.status === 'running' || s.phase === 'training' || s.phase === 'scoring',
  );
  const title = useRef<HTMLHeadingElement>(null);
  const index = open === null ? -1 : stepIndex(open);
  const step = index >= 0 ? TOUR_STEPS[index] : null;

  // The step's settings: when it opens, and when a (new) network is ready under it.
  useEffect(() => {
    if (open !== null && ready) applyStep(c, open);
  }, [c, open, ready, runId]);
  useEffect(() => {
    if (step) title.current?.focus({ preventScroll: true });
  }, [step]);
  const [side, setSide] = useState<'left' | 'right'>('right');
  // Whether this step's experiment ran: then its result, appearing in the target, is scrolled into view.
  const acted = useRef(false);
  useEffect(() => {
    acted.current = false;
  }, [step]);
  useTourPlacement(step?.targets ?? null, [step, ready, view === null], !reduced, setSide, acted);

  const go = (n: number | null) => openStep(c, n);
  useEffect(() => {
    if (open === null) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'Escape') go(null);
      else if (OWN_KEYS(e.target)) return;
      else if (e.key === 'ArrowRight' || (e.key === ' ' && (e.target as HTMLElement).tagName !== 'BUTTON'))
        go(Math.min(TOUR_STEPS.length, index + 2));
      else if (e.key === 'ArrowLeft') go(Math.max(1, index));
      else return;
      e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const touch = useMedia(touchStore);
  const progress = useAppState((s) => s.progress?.epoch ?? null);
  const phase = useAppState((s) => s.phase);
  const at90 = useAppState((s) => s.tourAt90);
  const needsAt90 = step?.id === 'repairs';
  useEffect(() => {
    if (needsAt90 && ready) c.tourAt90();
  }, [c, needsAt90, ready, runId, dense]);
  // The numbers are read from the store when any of what they quote changes (the dependencies are those triggers).
  const numbers = useMemo(
    () => tourNumbers(c.store.getState()),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [c, step, scoring, view, dense, at90, epochs, criterion, progress, phase, runId],
  );
  if (!step) return null;
  const text = tourText(t, step.id, numbers, shortestFloat32(threshold), touch);
  const total = TOUR_STEPS.length;
  const last = index === total - 1;
  const heading = text.title;
  return (
    <aside
      className={`tour tour-${side}`}
      role="region"
      aria-label={t('tour.region')}
      data-testid="tour"
      data-step={index + 1}
    >
      <div className="tour-head">
        <span className="tour-counter" data-testid="tour.counter">
          {t('tour.counter', { n: index + 1, total })}
        </span>
        <button type="button" className="link" onClick={() => go(null)} data-testid="tour.close">
          {t('tour.close')}
        </button>
      </div>
      <h2 ref={title} tabIndex={-1} data-testid="tour.title">
        {heading}
      </h2>
      <p className="tour-body" data-testid="tour.body" data-waiting={text.waiting}>
        <RichText text={text.body} />
      </p>
      <div className="tour-buttons">
        {step.action && (
          <TourActionButton action={step.action} disabled={!ready || busy} onRun={() => (acted.current = true)} />
        )}
        <span className="tour-nav">
          <button type="button" onClick={() => go(index)} disabled={index === 0} data-testid="tour.back">
            {t('tour.back')}
          </button>
          <button type="button" className="primary" onClick={() => go(last ? null : index + 2)} data-testid="tour.next">
            {last ? t('tour.finish') : t('tour.next')}
          </button>
        </span>
      </div>
      {!touch && <p className="tour-keys muted">{t('tour.keys')}</p>}
      <p className="sr-only" aria-live="polite" data-testid="tour.live">
        {t('tour.announce', { n: index + 1, total, title: heading })}
      </p>
    </aside>
  );
}

/** The step's experiment, run through the same controller calls as its panel's button. */
function TourActionButton({ action, disabled, onRun }: { action: TourAction; disabled: boolean; onRun: () => void }) {
  const c = useController();
  const t = useT();
  const run = () => {
    onRun();
    const s = c.store.getState();
    const masks = s.pruning.view?.masks;
    if (action === 'train') c.train();
    else if (action === 'article-code') c.articleCode(ARTICLE_T);
    else if (action === 'finetune' && masks) c.finetune(masks);
    else if (action === 'iterative') c.iterative(s.settings.criterion, s.settings.sparsity);
  };
  return (
    <button type="button" onClick={run} disabled={disabled} data-testid={`tour.action.${action}`}>
      {t(`tour.action.${action}`)}
    </button>
  );
}
