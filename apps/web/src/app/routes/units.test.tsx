import { screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { assignment, me, page, staff, unit } from '@/test/factories.ts';
import { stubUnitTree } from '@/test/fake-units.ts';
import { json } from '@/test/fetch.ts';
import { renderApp } from '@/test/render.tsx';

const county = unit({ id: 1, kind: 'county', name: '安远县', childCount: 1 });
const town = unit({ id: 2, kind: 'township', name: '欣山镇', parentId: 1, childCount: 1 });
const village = unit({ id: 4, kind: 'village', name: '东街社区', parentId: 2, childCount: 1 });
const grid = unit({ id: 7, kind: 'grid', name: '东街一网格', parentId: 4 });
const worker = assignment(staff({ name: '王丽' }), grid, { role: 'gridWorker' });

function renderGridStaffAs(answer: ReturnType<typeof me>) {
  const fetchMock = stubUnitTree([county, town, village, grid], {
    '/api/v1/auth/me': () => json(200, answer),
    '/api/v1/roster': () => json(200, page([worker])),
  });
  renderApp('/units/7?tab=staff');
  return fetchMock;
}

describe('units page permissions', () => {
  beforeAll(() => import('./units.tsx'), 30_000);

  it('shows a village official the changes they may make in their village', async () => {
    renderGridStaffAs(me('villageOfficial', village));

    const roster = await screen.findByTestId('staff-roster');
    expect(await within(roster).findByText('王丽')).toBeTruthy();
    expect(await screen.findByRole('button', { name: '任命人员' })).toBeTruthy();
    expect(within(roster).getByRole('button', { name: '结束 王丽 的网格员任职' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '新增微网格' })).toBeTruthy();
  });

  it('shows a county leader, who may only read, no way to change anything', async () => {
    renderGridStaffAs(me('countyLeader', county));

    const roster = await screen.findByTestId('staff-roster');
    expect(await within(roster).findByText('王丽')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '任命人员' })).toBeNull();
    expect(within(roster).queryByRole('button', { name: /结束/ })).toBeNull();
    expect(screen.queryByRole('button', { name: '新增微网格' })).toBeNull();
    expect(screen.queryByRole('button', { name: '重命名' })).toBeNull();
  });

  it('does not let an official of another village change this one', async () => {
    const other = unit({ id: 5, kind: 'village', name: '西街社区', parentId: 2 });
    renderGridStaffAs(me('villageOfficial', other));

    await within(await screen.findByTestId('staff-roster')).findByText('王丽');
    expect(screen.queryByRole('button', { name: '任命人员' })).toBeNull();
  });
});
