import { fireEvent, screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { Help, helpId } from './Help';
import { renderWithLab } from './testing';

// happy-dom lays nothing out: a box for every element, as a page would give the "?" button.
beforeEach(() => {
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockReturnValue(new DOMRect(20, 20, 16, 16));
  return () => vi.restoreAllMocks();
});

const open = () => screen.getByTestId('help.seed.text').matches(':popover-open');

describe('Help', () => {
  it('is a "?" button named after what it explains, controlling its text, which is in the page while closed', () => {
    renderWithLab(<Help id="seed" label="Seed" text="The random seed." />);
    const button = screen.getByRole('button', { name: 'What is Seed?' });
    expect(button.textContent).toBe('?');
    expect(button.getAttribute('aria-controls')).toBe(helpId('seed'));
    expect(document.getElementById(helpId('seed'))?.textContent).toBe('The random seed.');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(open()).toBe(false);
  });

  it('opens and closes on clicks, and closes on Escape', () => {
    renderWithLab(<Help id="seed" label="Seed" text="The random seed." />);
    const button = screen.getByRole('button');
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(open()).toBe(true);
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(open()).toBe(false);
    fireEvent.click(button);
    const outer = vi.fn();
    document.addEventListener('keydown', outer);
    fireEvent.keyDown(button, { key: 'Escape' });
    document.removeEventListener('keydown', outer);
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(open()).toBe(false);
    // Escape closes the explanation only, not what it sits in (a dialog, the tour).
    expect(outer).not.toHaveBeenCalled();
  });

  it('closes on a tap elsewhere, not on a tap on its own text', () => {
    renderWithLab(
      <div>
        <Help id="seed" label="Seed" text="The random seed." />
        <p>elsewhere</p>
      </div>,
    );
    fireEvent.click(screen.getByRole('button'));
    fireEvent.pointerDown(screen.getByTestId('help.seed.text'));
    expect(open()).toBe(true);
    fireEvent.pointerDown(screen.getByText('elsewhere'));
    expect(open()).toBe(false);
  });

  it('lets Escape through while closed', () => {
    renderWithLab(<Help id="seed" label="Seed" text="The random seed." />);
    const outer = vi.fn();
    document.addEventListener('keydown', outer);
    fireEvent.keyDown(screen.getByRole('button'), { key: 'Escape' });
    document.removeEventListener('keydown', outer);
    expect(outer).toHaveBeenCalledOnce();
  });
});
