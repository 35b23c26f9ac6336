import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderInRouter } from '@/test/render.tsx';
import { figures } from '../test/factories.ts';
import { StatisticsTable, type StatLine } from './StatisticsTable.tsx';

const period = { within: 1, from: '2026-03-01', to: '2026-03-31' };
const lines: StatLine[] = [
  {
    key: '360121100000',
    label: '东乡镇',
    filter: { ...period, within: 11 },
    figures: figures({
      received: 12,
      rejected: 1,
      due: 10,
      closed: 8,
      closedOnTime: 6,
      openNow: 3,
      overdueNow: 2,
      completionRate: 0.8,
      onTimeRate: 0.6,
      avgWorkdaysToClose: 4.25,
      levels: { grid: 4, village: 2, township: 1, county: 1, department: 0 },
    }),
  },
  {
    key: '360121101000',
    label: '西乡镇',
    filter: { ...period, within: 12 },
    figures: figures({ received: 3, due: 0, openNow: 3 }),
  },
  {
    key: '360121102000',
    label: '南乡镇',
    filter: null,
    figures: figures({ received: 7, due: 4, closed: 4, closedOnTime: 4, completionRate: 1, onTimeRate: 1 }),
  },
];
const total = figures({
  received: 22,
  rejected: 1,
  due: 14,
  closed: 12,
  closedOnTime: 10,
  openNow: 6,
  overdueNow: 2,
  completionRate: 0.8571,
});

const cells = (row: Element) => [...row.querySelectorAll('td')].map((td) => td.textContent);
const bodyRows = () => [...screen.getByTestId('statistics-table').querySelectorAll('tbody tr.ant-table-row')];
const names = () => bodyRows().map((r) => cells(r)[0]);

async function renderTable() {
  const view = renderInRouter(<StatisticsTable lines={lines} total={total} groupTitle="单位" />);
  await within(await screen.findByTestId('statistics-table')).findByText('东乡镇');
  return view;
}

describe('StatisticsTable', () => {
  it('shows every figure of a group on its line, a dash where a rate has no denominator', async () => {
    await renderTable();
    const headers = [...screen.getByTestId('statistics-table').querySelectorAll('thead th')].map((th) => th.textContent);
    expect(headers).toEqual(
      expect.arrayContaining([
        '单位',
        '件数',
        '比率',
        '办结率',
        '按期办结率',
        '满意率',
        '平均办结用时',
        '处置层级分布',
        '网格',
        '部门',
      ]),
    );

    // name | 7 counts | 8 rates | avg days | 5 levels
    expect(cells(bodyRows()[0]!)).toEqual(
      ['东乡镇', '12', '1', '10', '8', '6', '3', '2'].concat(
        ['80.0%', '60.0%', '—', '—', '—', '—', '—', '—'],
        ['4.3'],
        ['4', '2', '1', '1', '0'],
      ),
    );
    expect(cells(bodyRows()[1]!).slice(8, 10)).toEqual(['—', '—']);
    const totals = cells(screen.getByTestId('statistics-total'));
    expect(totals.slice(0, 9)).toEqual(['合计', '22', '1', '14', '12', '10', '6', '2', '85.7%']);
  });

  it('links a group and its counts to the tickets list with the group filter', async () => {
    await renderTable();
    const first = bodyRows()[0]!;

    expect(
      within(first as HTMLElement)
        .getByRole('link', { name: '东乡镇' })
        .getAttribute('href'),
    ).toBe('/tickets/list?within=11&from=2026-03-01&to=2026-03-31');
    expect(
      within(first as HTMLElement)
        .getByRole('link', { name: '2' })
        .getAttribute('href'),
    ).toBe('/tickets/list?within=11&from=2026-03-01&to=2026-03-31&state=open&light=red');
    // A group whose id is unknown is shown, not linked.
    expect(within(bodyRows()[2] as HTMLElement).queryByRole('link')).toBeNull();
  });

  it('opens the group tickets when the row is clicked', async () => {
    const { router } = await renderTable();
    fireEvent.click(bodyRows()[1]!.querySelectorAll('td')[3]!);
    expect(router.state.location.pathname).toBe('/tickets/list');
    expect(router.state.location.search).toBe('?within=12&from=2026-03-01&to=2026-03-31');
  });

  it('sorts by a rate with groups without a denominator last', async () => {
    await renderTable();
    const header = [...screen.getByTestId('statistics-table').querySelectorAll('thead th')].find(
      (th) => th.textContent === '办结率',
    )!;

    fireEvent.click(header);
    expect(names()).toEqual(['东乡镇', '南乡镇', '西乡镇']);
    fireEvent.click(header);
    expect(names()).toEqual(['南乡镇', '东乡镇', '西乡镇']);
  });
});
