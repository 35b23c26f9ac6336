import { act, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { assignment, me, page, staff, unit } from '@/test/factories.ts';
import { stubUnitTree } from '@/test/fake-units.ts';
import { json } from '@/test/fetch.ts';
import { button } from '@/test/queries.ts';
import { renderApp } from '@/test/render.tsx';

const county = unit({ id: 1, kind: 'county', name: '安远县', childCount: 1 });
const town = unit({ id: 2, kind: 'township', name: '欣山镇', parentId: 1, childCount: 1 });
const village = unit({ id: 4, kind: 'village', name: '东街社区', parentId: 2, childCount: 1 });
const grid = unit({ id: 7, kind: 'grid', name: '东街一网格', parentId: 4 });
const worker = assignment(staff({ name: '王丽' }), grid, { role: 'gridWorker' });

async function renderGridStaffAs(answer: ReturnType<typeof me>) {
  let meAnswered = false;
  stubUnitTree([county, town, village, grid], {
    '/api/v1/auth/me': () => {
      meAnswered = true;
      return json(200, answer);
    },
    '/api/v1/roster': () => json(200, page([worker])),
  });
  renderApp('/units/7?tab=staff');
  const roster = await screen.findByTestId('staff-roster');
  await within(roster).findByText('王丽');
  // Absent buttons must mean "not allowed", not "grants not known yet".
  await waitFor(() => expect(meAnswered).toBe(true));
  await act(() => new Promise((resolve) => setTimeout(resolve, 0)));
  return roster;
}

// Whole pages render slowly in jsdom; the default 5 s is too tight on a busy runner.
describe('units page permissions', { timeout: 30_000 }, () => {
  beforeAll(() => import('./units.tsx'), 30_000);

  it('shows a village official the changes they may make in their village', async () => {
    const roster = await renderGridStaffAs(me('villageOfficial', village));

    await screen.findByText('任命人员');
    expect(button('任命人员')).toBeTruthy();
    expect(button('结束 王丽 的网格员任职', roster)).toBeTruthy();
    expect(button('新增微网格')).toBeTruthy();
    expect(button('重命名')).toBeTruthy();
  });

  it('shows a county leader, who may only read, no way to change anything', async () => {
    const roster = await renderGridStaffAs(me('countyLeader', county));

    expect(button('任命人员')).toBeNull();
    expect(roster.querySelector('button[aria-label^="结束"]')).toBeNull();
    expect(button('新增微网格')).toBeNull();
    expect(button('重命名')).toBeNull();
  });

  it('does not let an official of another village change this one', async () => {
    await renderGridStaffAs(me('villageOfficial', unit({ id: 5, kind: 'village', name: '西街社区', parentId: 2 })));

    expect(button('任命人员')).toBeNull();
    expect(button('新增微网格')).toBeNull();
  });
});
