import { expect, type Locator, type Page } from '@playwright/test';
import { TOUR_STEPS } from '../../src/state/tour/tour';
import type { LabPage } from './LabPage';

/** Han characters: Chinese text. */
export const CJK = /[\u4e00-\u9fff]/;

/** Page object for the guided tour's card: its step, text and buttons, and what the step applied. */
export class TourCard {
  readonly card: Locator;
  readonly title: Locator;
  readonly body: Locator;
  readonly counter: Locator;
  readonly next: Locator;
  readonly back: Locator;

  constructor(
    readonly page: Page,
    private readonly lab: LabPage,
  ) {
    this.card = page.getByTestId('tour');
    this.title = page.getByTestId('tour.title');
    this.body = page.getByTestId('tour.body');
    this.counter = page.getByTestId('tour.counter');
    this.next = page.getByTestId('tour.next');
    this.back = page.getByTestId('tour.back');
  }

  /** Asserts that step `n` (1-based) is open: the URL flag, its settings applied, its text filled, its focus, its highlight in view. */
  async expectStep(n: number): Promise<void> {
    await expect(this.card).toHaveAttribute('data-step', String(n));
    const step = TOUR_STEPS[n - 1];
    await expect.poll(async () => (await this.lab.state()).flags.tour).toBe(n);
    await expect
      .poll(async () => {
        const s = (await this.lab.state()).settings as unknown as Record<string, unknown>;
        return Object.fromEntries(Object.keys(step.settings).map((k) => [k, s[k]]));
      })
      .toEqual(step.settings);
    await expect(this.title).toBeFocused();
    await expect(this.page.getByTestId('tour.live')).toContainText(await this.title.innerText());
    // The text is filled with this network's numbers: no parameter left as {name}, no dash for a number it has.
    await expect(this.body).not.toContainText('{');
    await expect(this.body).not.toContainText('–');
    const highlighted = this.page.locator('.tour-highlight');
    await expect(highlighted).toHaveCount(1);
    await expect(highlighted).toBeInViewport();
  }
}
