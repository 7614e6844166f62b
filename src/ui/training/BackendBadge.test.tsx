import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/catalogue';
import type { AppState } from '../../state/store';
import { renderWithLab } from '../kit/testing';
import { BackendBadge } from './BackendBadge';
import { ProgressPanel } from './ProgressPanel';

type BackendInfo = NonNullable<AppState['backend']>;
const wasm: BackendInfo = {
  name: 'wasm',
  requested: 'auto',
  software: false,
  adapter: 'WebAssembly on the CPU',
  fallbackReason: '',
};
const measured: BackendInfo = {
  ...wasm,
  measured: [
    { name: 'wasm', software: false, adapter: 'WebAssembly on the CPU', samplesPerSec: 21347 },
    { name: 'webgpu', software: true, adapter: 'google swiftshader', samplesPerSec: 903.4 },
  ],
  measuredBatch: 64,
};
const en = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) =>
  translate('en', key, params);
const withBackend =
  (backend: BackendInfo, patch: Partial<AppState> = {}) =>
  (s: AppState) => ({
    ...s,
    backend,
    backendStatus: 'ready' as const,
    ...patch,
  });

describe("the badge: auto's choice", () => {
  it('says the choice is to come, and its help says how it will be made', () => {
    renderWithLab(<BackendBadge />, { state: withBackend({ ...wasm, pending: 'waiting' }) });
    const badge = screen.getByTestId('backend.badge');
    expect(badge.getAttribute('data-choice')).toBe('waiting');
    expect(badge.textContent).toContain(`WASM ${en('backend.pending.waiting')}`);
    expect(badge.textContent).toContain(en('backend.help.pending'));
    expect(screen.queryByTestId('backend.measured')).toBeNull();
  });

  it('names the measured rates, rounded, the chosen first; its help says the batch and the rates', () => {
    renderWithLab(<BackendBadge />, { state: withBackend(measured) });
    const rates = 'WASM 21,300 samples/s, WebGPU 903/s';
    expect(screen.getByTestId('backend.measured').textContent).toBe(` · measured: ${rates}`);
    expect(screen.getByTestId('backend.badge').textContent).toContain(
      en('backend.help.measured', { batch: 64, rates }),
    );
  });

  it('under auto, a backend that could not start is "not measured"; a forced one that could not start "fell back"', () => {
    const skipped = [{ name: 'webgpu' as const, reason: { code: 'no-adapter' as const } }];
    const why = en('backend.skipped', { name: 'webgpu', reason: en('backend.skip.no-adapter') });
    const { unmount } = renderWithLab(<BackendBadge />, { state: withBackend({ ...measured, skipped }) });
    expect(screen.getByTestId('backend.reason').textContent).toBe(` ${en('backend.unavailable', { reason: why })}`);
    unmount();
    renderWithLab(<BackendBadge />, { state: withBackend({ ...wasm, requested: 'webgpu', skipped }) });
    expect(screen.getByTestId('backend.reason').textContent).toBe(` ${en('backend.fallback', { reason: why })}`);
  });

  it('a forced backend: neither pending nor measured', () => {
    renderWithLab(<BackendBadge />, { state: withBackend({ ...wasm, requested: 'wasm' }) });
    expect(screen.getByTestId('backend.badge').getAttribute('data-choice')).toBe('forced');
    expect(screen.getByTestId('backend.badge').textContent).toContain(en('backend.help.forced'));
  });
});

describe('the progress panel while a first Train waits for the choice', () => {
  it('says, in words, that it is choosing the backend', () => {
    renderWithLab(<ProgressPanel />, { state: withBackend({ ...wasm, pending: 'measuring' }, { phase: 'loading' }) });
    expect(screen.getByTestId('progress.phase').textContent).toBe(en('progress.choosingBackend'));
  });
});
