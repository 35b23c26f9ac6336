import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../src/lib/id-number.ts';
import { api, smallTree, square } from './factories.ts';
import { testRuntime, type TestRuntime } from './runtime.ts';

let rt: TestRuntime;
let t: Awaited<ReturnType<typeof smallTree>>;
beforeAll(async () => {
  rt = await testRuntime();
  t = await smallTree(rt);
  await api(t.official, 'PUT', `/api/v1/units/${t.grid.id}/geometry`, { geometry: square(112.9, 28.6, 0.05) });
});
afterAll(() => rt.close());

describe('buildings, houses, residences', () => {
  it('places a building by its point, drills down to houses and residents, and keeps houses in their building’s unit', async () => {
    const b = await api(t.official, 'POST', '/api/v1/buildings', {
      name: '东塘村3组12号',
      address: '东塘村3组12号',
      lng: 112.91,
      lat: 28.61,
      floors: 2,
      use: 'residential',
    });
    expect(b.status).toBe(201);
    expect(b.body.unit.id).toBe(t.grid.id);
    const outside = await api(t.official, 'POST', '/api/v1/buildings', {
      name: 'x',
      address: 'x',
      lng: 100,
      lat: 20,
      use: 'residential',
    });
    expect(outside.status).toBe(400);
    const houses = await api(t.official, 'POST', '/api/v1/houses', {
      buildingId: b.body.id,
      number: '101',
      areaM2: 120,
      use: 'ownUse',
    });
    expect(houses.body.map((h: { number: string }) => h.number)).toEqual(['101']);
    const wrongUnit = await api(t.official, 'POST', '/api/v1/houses', {
      buildingId: b.body.id,
      unitId: t.village.id,
      number: '102',
      use: 'vacant',
    });
    expect(wrongUnit.status).toBe(400);
    expect(wrongUnit.body.detail).toMatch(/unit of its building/);
    const p = (
      await api(t.official, 'POST', '/api/v1/people', {
        unitId: t.grid.id,
        name: '刘备',
        idNumber: makeIdNumber('430624', '1961-06-01', 1),
        residenceType: 'registered',
      })
    ).body;
    const tenant = (
      await api(t.official, 'POST', '/api/v1/people', {
        unitId: t.grid.id,
        name: '关羽',
        idNumber: makeIdNumber('430624', '1962-06-01', 3),
        residenceType: 'migrant',
      })
    ).body;
    const moved = await api(t.official, 'POST', '/api/v1/residences', {
      personId: p.id,
      houseId: houses.body[0].id,
      kind: 'owner',
      fromDate: '2020-01-01',
    });
    expect(moved.body[0].residents.map((r: { name: string }) => r.name)).toEqual(['刘备']);
    const rental = await api(t.official, 'POST', '/api/v1/rentals', {
      houseId: houses.body[0].id,
      landlordPersonId: p.id,
      tenantPersonIds: [tenant.id],
      fromDate: '2026-01-01',
    });
    expect(rental.status).toBe(201);
    const list = (await api(t.official, 'GET', `/api/v1/buildings?within=${t.village.id}`)).body;
    expect(list.items[0]).toMatchObject({ houses: 1, residents: 1 });
    const profile = (await api(t.official, 'GET', `/api/v1/people/${p.id}`)).body;
    expect(profile.residences[0].house.buildingName).toBe('东塘村3组12号');
    // The rental shows on both sides: the landlord's profile and the tenant's.
    expect(profile.rentals).toMatchObject([
      {
        role: 'landlord',
        landlord: { id: p.id },
        tenants: [{ id: tenant.id, name: '关羽' }],
        fromDate: '2026-01-01',
        toDate: null,
      },
    ]);
    // Moving out ends the residence, on a date not before it began, once; it is audited.
    const residenceId = profile.residences[0].id;
    const early = await api(t.official, 'POST', `/api/v1/residences/${residenceId}/end`, { toDate: '2019-12-31' });
    expect([early.status, early.body.errors?.[0]?.path]).toEqual([400, '/body/toDate']);
    expect((await api(t.official, 'POST', `/api/v1/residences/${residenceId}/end`, { toDate: '2026-06-30' })).status).toBe(200);
    expect((await api(t.official, 'POST', `/api/v1/residences/${residenceId}/end`, { toDate: '2026-07-01' })).status).toBe(409);
    expect((await api(t.official, 'GET', `/api/v1/people/${p.id}`)).body.residences[0]).toMatchObject({ toDate: '2026-06-30' });
    // A move-in dated before the current residence began is history: it ends when the current one began.
    const moveIn = (fromDate: string) =>
      api(t.official, 'POST', '/api/v1/residences', {
        personId: tenant.id,
        houseId: houses.body[0].id,
        kind: 'tenant',
        fromDate,
      });
    expect((await moveIn('2024-01-01')).status).toBe(201);
    expect((await moveIn('2019-05-01')).status).toBe(201);
    const history = (await api(t.official, 'GET', `/api/v1/people/${tenant.id}`)).body.residences;
    expect(history.map((r: { fromDate: string; toDate: string | null }) => [r.fromDate, r.toDate])).toEqual([
      ['2024-01-01', null],
      ['2019-05-01', '2024-01-01'],
    ]);
    const tenantProfile = (await api(t.official, 'GET', `/api/v1/people/${tenant.id}`)).body;
    expect(tenantProfile.rentals).toMatchObject([
      { role: 'tenant', landlord: { id: p.id, name: '刘备' }, house: { number: '101' } },
    ]);
    // A party group of another village, or none at all: the reason, not a 500.
    const grid2 = (await api(t.official, 'POST', '/api/v1/units', { parentId: t.village2.id, kind: 'grid', name: '新塘一网格' }))
      .body;
    const group = async (villageId: number, name: string, gridIds: number[]) =>
      (await api(t.official, 'POST', `/api/v1/units/${villageId}/party-groups`, { name, gridIds })).body.id as number;
    const elsewhere = await group(t.village2.id, '新塘村第一党小组', [grid2.id]);
    const own = await group(t.village.id, '东塘村第一党小组', [t.grid.id]);
    for (const [partyGroupId, reason] of [
      [999_999, 'not found'],
      [elsewhere, "not in the person's village"],
    ] as const) {
      const refused = await api(t.official, 'POST', '/api/v1/party-members', { personId: p.id, partyGroupId, workingAway: true });
      expect(refused.status).toBe(400);
      expect(refused.body.errors).toEqual([{ path: '/body/partyGroupId', message: reason }]);
    }
    const joined = await api(t.official, 'POST', '/api/v1/party-members', {
      personId: p.id,
      partyGroupId: own,
      workingAway: true,
    });
    expect(joined.status).toBe(201);
    expect((await api(t.official, 'POST', '/api/v1/party-members', { personId: p.id, workingAway: true })).status).toBe(409);
    expect((await api(t.official, 'GET', `/api/v1/people/${p.id}`)).body.partyMember.workingAway).toBe(true);
  });

  it('registers organizations and finds them by partial name', async () => {
    const o = await api(t.official, 'POST', '/api/v1/organizations', {
      unitId: t.grid.id,
      name: '东塘村平安乡村协会',
      kind: 'socialOrganization',
      contactPhone: '13812349876',
    });
    expect(o.status).toBe(201);
    expect(o.body.contactPhone).toBe('138****9876');
    const found = (await api(t.official, 'GET', `/api/v1/organizations?within=${t.county.id}&q=${encodeURIComponent('平安')}`))
      .body;
    expect(found.items.map((x: { name: string }) => x.name)).toEqual(['东塘村平安乡村协会']);
  });
});
