import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { translate } from '../../i18n/catalogue';
import { NumberField } from './NumberField';
import { renderWithLab } from './testing';

const field = (onCommit = vi.fn(), value = 5) => {
  const r = renderWithLab(<NumberField name="epochs" value={value} disabled={false} onCommit={onCommit} />);
  return { ...r, onCommit, input: screen.getByLabelText('Epochs') as HTMLInputElement };
};

describe('NumberField', () => {
  it('commits a valid value as typed', () => {
    const { input, onCommit } = field();
    fireEvent.change(input, { target: { value: '12' } });
    expect(onCommit).toHaveBeenCalledExactlyOnceWith(12);
    expect(input.getAttribute('aria-invalid')).toBe('false');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('refuses bad text inline, says which value it keeps, and commits nothing', () => {
    const { input, onCommit } = field();
    for (const [raw, error] of [
      ['abc', translate('en', 'field.notNumber', { label: 'Epochs', value: 'abc' })],
      ['2.5', translate('en', 'field.notWhole', { label: 'Epochs', value: '2.5' })],
      ['0', translate('en', 'field.outside', { label: 'Epochs', value: '0', min: '1', max: '1000' })],
    ]) {
      fireEvent.change(input, { target: { value: raw } });
      expect(input.value).toBe(raw);
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(screen.getByRole('alert').textContent).toBe(translate('en', 'field.keeping', { error, value: '5' }));
      expect(input.getAttribute('aria-describedby')).toContain(screen.getByRole('alert').id);
    }
    expect(onCommit).not.toHaveBeenCalled();
  });

  it('keeps the bad text on blur (to correct it), and a good value after it clears the message', () => {
    const { input, onCommit } = field();
    fireEvent.change(input, { target: { value: '-3' } });
    fireEvent.blur(input);
    expect(input.value).toBe('-3');
    fireEvent.change(input, { target: { value: '7' } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(onCommit).toHaveBeenCalledExactlyOnceWith(7);
  });

  it('follows a new value from outside, dropping a pending refusal', () => {
    const onCommit = vi.fn();
    const { input, rerender } = field(onCommit);
    fireEvent.change(input, { target: { value: 'x' } });
    rerender(<NumberField name="epochs" value={9} disabled={false} onCommit={onCommit} />);
    expect(input.value).toBe('9');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
