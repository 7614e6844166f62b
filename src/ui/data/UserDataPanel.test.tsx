import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ColumnInfo } from '../../core/data';
import { msg, translate } from '../../i18n/catalogue';
import { applyTableMessage, refusedFile, type AppState } from '../../state/store';
import { tableState } from '../../state/testTable';
import { renderWithLab } from '../kit/testing';
import { UserDataPanel } from './UserDataPanel';

const column = (name: string, kind: ColumnInfo['kind']): ColumnInfo => ({
  name,
  kind,
  missing: 0,
  distinct: 3,
  nonNumericExample: null,
});
const readout: NonNullable<AppState['userData']['readout']> = {
  name: 'iris.csv',
  bytes: 2048,
  hash: 'a'.repeat(64),
  rows: 150,
  delimiter: ',',
  headerless: false,
  columns: [column('sepal', 'numeric'), column('species', 'categorical')],
  preview: [
    ['5.1', 'setosa'],
    ['7.0', 'versicolor'],
  ],
};
/** iris.csv read, prepared and chosen: what a refusal must leave as it was. */
const loaded = (s: AppState): AppState => {
  const t = tableState({ train: 120, val: 30, inputs: 1, classes: 3, name: 'iris.csv' }, true, s);
  return { ...t, userData: { ...t.userData, readout, options: { ...t.userData.options, label: 1 } } };
};
const odd = 'my <b>data</b> {n} 100%.csv';

describe('UserDataPanel', () => {
  it('names a refused file as it is, and says the table loaded before stays, its preview still shown', () => {
    const { update } = renderWithLab(<UserDataPanel />, { state: loaded });
    const before = screen.getByTestId('data.preview').outerHTML;
    update((s) => ({ ...s, userData: refusedFile(s.userData, odd, msg('data.problem.empty')) }));
    const alert = screen.getByRole('alert');
    expect(alert.dataset.testid).toBe('data.problem');
    expect(alert.firstElementChild?.textContent).toBe(
      `${odd} was not loaded: ${translate('en', 'data.problem.empty')}`,
    );
    expect(alert.querySelector('b')).toBeNull();
    expect(within(alert).getByText(translate('en', 'data.unchanged.kept', { name: 'iris.csv' }))).toBeTruthy();
    expect(screen.getByTestId('data.preview').outerHTML).toBe(before);
    expect(screen.getByTestId('data.ready')).toBeTruthy();
    expect(screen.queryByTestId('data.headerless')).toBeNull();
  });

  it('offers to read a headerless file again without a header row, and says nothing changed', () => {
    const { update, calls } = renderWithLab(<UserDataPanel />);
    update((s) => ({ ...s, userData: { ...s.userData, id: 1, status: 'reading', reading: odd } }));
    expect(screen.getByRole('status').textContent).toBe(translate('en', 'data.reading', { name: odd }));
    update((s) => ({
      ...s,
      userData: applyTableMessage(s.userData, {
        type: 'problem',
        id: 1,
        problem: { code: 'no-header', first: ['1', '2', '0'] },
      }),
    }));
    const alert = screen.getByTestId('data.problem');
    expect(alert.firstElementChild?.textContent).toMatch(
      new RegExp(`^${odd.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} was not loaded: `),
    );
    expect(within(alert).getByText(translate('en', 'data.unchanged.file'))).toBeTruthy();
    const again = within(alert).getByRole('button', { name: translate('en', 'data.headerless') });
    expect(calls('readTableHeaderless')).not.toHaveBeenCalled();
    fireEvent.click(again);
    expect(calls('readTableHeaderless')).toHaveBeenCalledOnce();
    expect(screen.queryByTestId('data.preview')).toBeNull();
  });

  it('previews the columns with their kinds, the label column marked, and the first rows as cells', () => {
    renderWithLab(<UserDataPanel />, { state: loaded });
    const table = screen.getByRole('table', { name: translate('en', 'data.preview') });
    const heads = within(table).getAllByRole('columnheader');
    expect(heads.map((h) => h.textContent)).toEqual([
      `sepal ${translate('en', 'data.col.kind.numeric')}`,
      `species ${translate('en', 'data.col.kind.categorical')}`,
    ]);
    expect(heads.map((h) => h.className)).toEqual(['', 'data-label']);
    expect([...table.querySelectorAll('tbody tr')].map((r) => [...r.children].map((c) => c.textContent))).toEqual(
      readout.preview,
    );
  });
});
