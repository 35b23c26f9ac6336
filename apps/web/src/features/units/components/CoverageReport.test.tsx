import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { Coverage, SizingWarning } from '@wangge/contracts';
import { ref, unit } from '@/test/factories.ts';
import { json, stubFetch } from '@/test/fetch.ts';
import { renderInRouter } from '@/test/render.tsx';
import { CoverageReport } from './CoverageReport.tsx';

const village = unit({ id: 4, kind: 'village', name: '东街社区', childCount: 2 });
const gridA = unit({ id: 7, kind: 'grid', name: '东街一网格', parentId: 4 });
const gridB = unit({ id: 8, kind: 'grid', name: '东街二网格', parentId: 4 });

const warnings: SizingWarning[] = [
  { unitId: 8, unitName: '东街二网格', rule: 'gridLeader', actual: 0, expected: '1', message: 'grid has no grid leader' },
  {
    unitId: 71,
    unitName: '一组微网格',
    rule: 'householdLeads',
    actual: 0,
    expected: '1–2',
    message: 'micro-grid has 0 household leads',
  },
  { unitId: 72, unitName: '二组微网格', rule: 'microGridMax', actual: 42, expected: 'at most 30', message: 'over the maximum' },
];

// Counts as the server rolls them up: each row's subtree without the row, the total without the
// village. The village itself holds one 公益岗位, which belongs to no grid.
const coverage: Coverage = {
  unit: ref(village),
  total: {
    units: { grid: 2, microGrid: 5, householdGroup: 3 },
    staff: { gridLeader: 1, gridWorker: 2, householdLead: 4, welfarePost: 1 },
    households: 620,
    warnings: 3,
  },
  rows: [
    {
      unit: ref(gridA),
      counts: {
        units: { microGrid: 3, householdGroup: 3 },
        staff: { gridLeader: 1, gridWorker: 1, householdLead: 3 },
        households: 320,
        warnings: 1,
      },
    },
    {
      unit: ref(gridB),
      counts: { units: { microGrid: 2 }, staff: { gridWorker: 1, householdLead: 1 }, households: 300, warnings: 2 },
    },
  ],
  warnings,
};

const cells = (row: Element) => [...row.querySelectorAll('td')].map((td) => td.textContent);

async function renderCoverage() {
  stubFetch({ '/api/v1/units/4/coverage': () => json(200, coverage) });
  renderInRouter(<CoverageReport unit={village} />);
  const table = await screen.findByTestId('coverage-table');
  await within(table).findByText('东街一网格');
  const body = [...table.querySelectorAll('tbody tr.ant-table-row')];
  const total = table.querySelector('tfoot tr');
  if (!total) throw new Error('no total row');
  return { table, body, total };
}

describe('CoverageReport', () => {
  it('shows one line per child, with the child itself counted under its kind', async () => {
    const { table, body } = await renderCoverage();

    const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent);
    expect(headers).toEqual(
      expect.arrayContaining([
        '下级单元',
        '在岗人员',
        '网格',
        '微网格',
        '联户',
        '网格长',
        '网格员',
        '联户长/邻长',
        '公益岗位',
        '户数',
        '提示',
      ]),
    );
    // 单元 | 网格 微网格 联户 | 9 roles | 户数 | 提示
    expect(cells(body[0]!)).toEqual(['东街一网格网格', '1', '3', '3', '1', '1', '0', '3', '0', '0', '0', '0', '0', '320', '1']);
    expect(cells(body[1]!)).toEqual(['东街二网格网格', '1', '2', '0', '0', '1', '0', '1', '0', '0', '0', '0', '0', '300', '2']);
  });

  it('adds a 本级 line for what the unit holds itself, so every column sums to the total', async () => {
    const { body, total } = await renderCoverage();

    expect(body).toHaveLength(3);
    expect(cells(body[2]!)).toEqual(['本级（直属）', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0', '1', '0', '0']);
    const totals = cells(total);
    expect(totals).toEqual(['合计', '2', '5', '3', '1', '2', '0', '4', '0', '0', '0', '0', '1', '620', '3']);
    for (let col = 1; col < totals.length; col++) {
      const sum = body.reduce((acc, row) => acc + Number(cells(row)[col]), 0);
      expect(sum, `column ${col}`).toBe(Number(totals[col]));
    }
  });

  it('lists the warnings below in Chinese, with the numbers of each rule', async () => {
    await renderCoverage();
    const list = screen.getByTestId('coverage-warnings');

    expect(within(list).getByText('未配备网格长（应有 1 名，现有 0 名）')).toBeTruthy();
    expect(within(list).getByText('现有联户长 0 名，每个微网格应有 1–2 名')).toBeTruthy();
    expect(within(list).getByText('微网格现有 42 户，超过上限 30 户')).toBeTruthy();
    expect(within(list).getByRole('link', { name: '二组微网格' }).getAttribute('href')).toBe('/units/72');
    expect(screen.getByRole('heading', { name: '规模提示 (3)' })).toBeTruthy();
  });
});
