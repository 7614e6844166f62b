import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/catalogue';
import { JobProgress } from './JobProgress';
import { ProgressPanel } from '../training/ProgressPanel';
import { renderWithLab } from './testing';

describe('JobProgress', () => {
  it('is a progress bar from 0 to 100 named by its label, filled to the fraction, the percent rounded', () => {
    renderWithLab(<JobProgress label="Fine-tuning" fraction={0.4567} testid="x.progress" />);
    const bar = screen.getByRole('progressbar', { name: 'Fine-tuning' });
    expect(bar.dataset.testid).toBe('x.progress');
    expect([
      bar.getAttribute('aria-valuemin'),
      bar.getAttribute('aria-valuemax'),
      bar.getAttribute('aria-valuenow'),
    ]).toEqual(['0', '100', '46']);
    expect(bar.dataset.value).toBe('46');
    const fill = bar.firstElementChild as HTMLElement;
    expect(fill.className).toBe('progress-fill');
    expect(fill.style.width).toBe(`${0.4567 * 100}%`);
  });

  it('shows its label as the stage line above the bar only when given a stage testid', () => {
    const { rerender, container } = renderWithLab(<JobProgress label="Round 2 of 3" fraction={0.5} />);
    expect(container.querySelector('p')).toBeNull();
    rerender(<JobProgress label="Round 2 of 3" fraction={0.5} stageTestid="tickets.stage" />);
    const stage = screen.getByTestId('tickets.stage');
    expect(stage.textContent).toBe('Round 2 of 3…');
    expect(stage.nextElementSibling?.getAttribute('role')).toBe('progressbar');
  });

  it('greys the fill while paused', () => {
    renderWithLab(<JobProgress label="Training" fraction={0.25} paused />);
    expect(screen.getByRole('progressbar').firstElementChild?.className).toBe('progress-fill paused');
  });
});

describe('the run progress panel', () => {
  it('shows the run fraction as the percent beside its bar, and a paused run greyed', () => {
    const { update } = renderWithLab(<ProgressPanel />, {
      state: (s) => ({ ...s, phase: 'training', progress: { ...progress, fraction: 0.314 } }),
    });
    const bar = screen.getByTestId('progress.bar');
    expect(bar.getAttribute('aria-label')).toBe(translate('en', 'progress.label'));
    expect(bar.getAttribute('aria-valuenow')).toBe('31');
    expect(screen.getByText('31%')).toBeTruthy();
    update((s) => ({ ...s, phase: 'paused' }));
    expect(screen.getByTestId('progress.bar').firstElementChild?.className).toBe('progress-fill paused');
    update((s) => ({ ...s, phase: 'done' }));
    expect(screen.getByTestId('progress.bar').getAttribute('aria-valuenow')).toBe('100');
  });
});

const progress = {
  stage: 'training' as const,
  epoch: 1,
  epochs: 4,
  batch: 3,
  batchesPerEpoch: 10,
  fraction: 0,
  samplesPerSec: 1000,
  etaSec: 12,
};
