/**
 * Test hook for the error boundary: `injectRenderFault()` makes <RenderFaultProbe> throw while it
 * renders, as a bug in a component would, until the boundary's "Try again" clears it.
 */
import { useSyncExternalStore } from 'react';

let fault: string | null = null;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

export function injectRenderFault(message = 'injected render error (test hook)'): void {
  fault = message;
  notify();
}

export function clearRenderFault(): void {
  fault = null;
  notify();
}

export function RenderFaultProbe(): null {
  const message = useSyncExternalStore(
    (l) => (listeners.add(l), () => listeners.delete(l)),
    () => fault,
  );
  if (message) throw new Error(message);
  return null;
}
