import { act, fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { msg, translate } from '../../i18n/catalogue';
import { renderWithLab } from '../kit/testing';
import { ModelImport } from './ModelImport';

const picked = () => [new File(['{}'], 'model.json'), new File([new Uint8Array(4)], 'weights.bin')];

describe('ModelImport', () => {
  it('names the data it scores on, the Training panel’s dataset and its shape', () => {
    renderWithLab(<ModelImport />, { state: (s) => ({ ...s, settings: { ...s.settings, dataset: 'mnist' } }) });
    expect(screen.getByTestId('model.data').textContent).toBe(
      translate('en', 'model.data', { name: 'MNIST', inputs: 784, classes: 10 }),
    );
  });

  it('hands every picked file to the controller at once, and shows its refusal as an alert with the reader’s words', async () => {
    const refusal = msg('model.refused', { file: 'model.json', detail: 'layer 2 is a "Conv2D" layer' });
    renderWithLab(<ModelImport />, { controller: { importModel: async () => refusal } });
    const input = screen.getByTestId('model.files') as HTMLInputElement;
    expect(input.multiple).toBe(true);
    await act(async () => {
      fireEvent.change(input, { target: { files: picked() } });
    });
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toBe('This model cannot be imported: layer 2 is a "Conv2D" layer.');
  });

  it('takes dropped files the same way, and says what happens next once they are accepted', async () => {
    let got: readonly File[] = [];
    renderWithLab(<ModelImport />, {
      state: (s) => ({ ...s, settings: { ...s.settings, dataset: 'synthetic-32' } }),
      controller: {
        importModel: async (files) => {
          got = files;
          return null;
        },
      },
    });
    await act(async () => {
      fireEvent.drop(screen.getByTestId('model'), { dataTransfer: { files: picked() } });
    });
    expect(got.map((f) => f.name)).toEqual(['model.json', 'weights.bin']);
    expect(screen.getByRole('status').textContent).toBe(
      translate('en', 'model.done', { file: 'model.json', name: 'synthetic-32' }),
    );
  });
});
