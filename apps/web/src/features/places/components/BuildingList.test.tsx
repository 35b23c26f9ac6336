import { fireEvent, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Building, House } from '@wangge/contracts';
import { me, page, ref, unit } from '@/test/factories.ts';
import { stubUnitTree } from '@/test/fake-units.ts';
import { json } from '@/test/fetch.ts';
import { renderApp } from '@/test/render.tsx';

const town = unit({ id: 2, kind: 'township', name: '欣山镇', childCount: 1 });
const grid = unit({ id: 7, kind: 'grid', name: '东街一网格', parentId: 2 });

const building: Building = {
  id: 9,
  unit: ref(grid),
  name: '东街3号楼',
  address: '东街3号',
  lng: null,
  lat: null,
  floors: 6,
  use: 'mixed',
  houses: 2,
  residents: 3,
};
const houses: House[] = [
  {
    id: 90,
    buildingId: 9,
    number: '2-301',
    areaM2: 86.5,
    use: 'rented',
    residents: [{ personId: 31, name: '陈志强', kind: 'tenant', fromDate: '2025-09-01' }],
  },
  { id: 91, buildingId: 9, number: '2-302', areaM2: null, use: 'vacant', residents: [] },
];

describe('楼栋 tab', { timeout: 20_000 }, () => {
  beforeAll(() => import('@/app/routes/people.tsx'), 30_000);

  it("opens a building's houses with their residents, each linking to a profile", async () => {
    stubUnitTree([town, grid], {
      '/api/v1/auth/me': () => json(200, me('townshipOfficial', town)),
      '/api/v1/buildings': () => json(200, page([building])),
      '/api/v1/buildings/9/houses': () => json(200, houses),
    });
    const { router } = renderApp('/people/buildings');

    const table = await screen.findByTestId('building-table');
    expect(await within(table).findByText('商住')).toBeTruthy();
    fireEvent.click(within(table).getByText('东街3号楼'));

    const drawer = await screen.findByTestId('building-houses');
    const rented = (await within(drawer).findByText('2-301')).closest('tr')!;
    expect(within(rented).getByText('出租')).toBeTruthy();
    expect(within(rented).getByText('租户')).toBeTruthy();
    expect(within(rented).getByText('陈志强').closest('a')?.getAttribute('href')).toBe('/people/31');
    expect(within(within(drawer).getByText('2-302').closest('tr')!).getByText('无人居住')).toBeTruthy();
    expect(router.state.location.search).toContain('building=9');
  });
});
