import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * A MediaQueryList with Chromium's semantics: reading `.matches` re-evaluates the query and updates the
 * list's state, and a queued change notification dispatches 'change' only if that state still differs.
 */
function fakeMatchMedia() {
  let os = true; // the OS asks for reduced motion
  const lists: { state: boolean; handlers: ((e: { matches: boolean }) => void)[] }[] = [];
  const matchMedia = () => {
    const l = { state: os, handlers: [] as ((e: { matches: boolean }) => void)[] };
    lists.push(l);
    return {
      get matches() {
        l.state = os;
        return l.state;
      },
      addEventListener: (_: string, h: (e: { matches: boolean }) => void) => l.handlers.push(h),
      removeEventListener: () => {},
    };
  };
  return {
    matchMedia,
    setOs(v: boolean) {
      os = v;
    },
    /** The frame after the change: each list whose state is stale flips and dispatches. */
    frame() {
      for (const l of lists)
        if (l.state !== os) {
          l.state = os;
          for (const h of l.handlers) h({ matches: os });
        }
    },
  };
}

describe('reduced-motion store', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.resetModules();
  });

  it('follows the OS change even when a render reads the value between the change and its event', async () => {
    const fake = fakeMatchMedia();
    vi.stubGlobal('matchMedia', fake.matchMedia);
    const { reducedMotionStore: store } = await import('./useReducedMotion');
    const onChange = vi.fn();
    const unsubscribe = store.subscribe(onChange);
    expect(store.snapshot()).toBe(true);

    fake.setOs(false);
    expect(store.snapshot()).toBe(true); // an unrelated render reads it before the frame
    fake.frame();
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(store.snapshot()).toBe(false);

    fake.setOs(true);
    fake.frame();
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(store.snapshot()).toBe(true);

    unsubscribe();
    fake.setOs(false);
    fake.frame();
    expect(onChange).toHaveBeenCalledTimes(2);
  });

  it('is false where matchMedia does not exist', async () => {
    vi.stubGlobal('matchMedia', undefined);
    const { reducedMotionStore: store } = await import('./useReducedMotion');
    expect(store.snapshot()).toBe(false);
    expect(() => store.subscribe(() => {})()).not.toThrow();
  });
});
