import { mediaStore, useMedia } from './mediaQuery';

/** The external store behind the hook (exported for its unit test). */
export const reducedMotionStore = mediaStore('(prefers-reduced-motion: reduce)');

/** True while the user asks for reduced motion (follows changes of the OS setting live). */
export const useReducedMotion = (): boolean => useMedia(reducedMotionStore);
