import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { StatsTable } from './StatsTable';
import { renderWithLab } from './testing';

const headers = (table: HTMLElement) =>
  within(table)
    .getAllByRole('columnheader')
    .map((th) => th.textContent);

describe('StatsTable', () => {
  it('is a stats-table in its own scroll box: caption, one column header per column, a cell per value', () => {
    renderWithLab(
      <StatsTable
        testid="x.table"
        caption="Sizes"
        columns={['Layer', 'Live', <em key="k">Kept</em>]}
        rows={[
          ['fc1', 12, '40%'],
          ['fc2', 3, '10%'],
        ]}
      />,
    );
    const table = screen.getByRole('table', { name: 'Sizes' });
    expect(table.dataset.testid).toBe('x.table');
    expect(table.className).toBe('stats-table');
    expect(table.parentElement?.className).toBe('table-scroll');
    expect(headers(table)).toEqual(['Layer', 'Live', 'Kept']);
    expect(
      within(table)
        .getAllByRole('columnheader')
        .every((th) => th.getAttribute('scope') === 'col'),
    ).toBe(true);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent))).toEqual([
      ['fc1', '12', '40%'],
      ['fc2', '3', '10%'],
    ]);
  });

  it('leaves out columns given as false (a conditional column) and puts a class on a column that asks', () => {
    const on = false as boolean;
    renderWithLab(
      <StatsTable
        className="data-preview"
        columns={['a', on && 'b', { head: 'label', className: 'data-label' }, null]}
      />,
    );
    const table = screen.getByRole('table');
    expect(table.className).toBe('stats-table data-preview');
    expect(headers(table)).toEqual(['a', 'label']);
    expect(screen.getByRole('columnheader', { name: 'label' }).className).toBe('data-label');
    expect(table.querySelector('caption')).toBeNull();
  });

  it('keeps rows of their own (a row header, a testid) after the plain ones', () => {
    renderWithLab(
      <StatsTable columns={['Split', 'Accuracy']} rows={[['plain', '1%']]}>
        <tr data-testid="own">
          <th scope="row">val</th>
          <td>97%</td>
        </tr>
      </StatsTable>,
    );
    const rows = screen.getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(rows[2].dataset.testid).toBe('own');
    expect(screen.getByRole('rowheader').textContent).toBe('val');
  });
});
