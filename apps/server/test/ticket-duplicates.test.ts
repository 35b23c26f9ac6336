/**
 * Intake's grouped duplicate lookup (intakeRepo.duplicatesOfMany, one statement for the reports
 * that arrive together) finds for each report exactly what the single lookup finds: near a point
 * within the category's radius, of the same household, both, or nothing to compare. On PostgreSQL
 * it runs as one prepared statement whatever the group's size, so it is run more than five times
 * (PostgreSQL's switch to a generic plan) with groups of different sizes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { intakeRepo, type DuplicateQuery, type DuplicateRow } from '../src/modules/tickets/intake.repo.ts';
import { api } from './factories.ts';
import { testRuntime, type TestRuntime } from './runtime.ts';
import { inGrid, neighbourDispute, report, ticketWorld, type TicketWorld } from './ticket-fixtures.ts';

let rt: TestRuntime;
let w: TicketWorld;

beforeAll(async () => {
  rt = await testRuntime();
  w = await ticketWorld(rt);
});
afterAll(() => rt?.close());

/** Metres east of the grid's point, in degrees of longitude there. */
const east = (m: number) => inGrid.lng + (m * 180) / Math.PI / 6_371_000 / Math.cos((inGrid.lat * Math.PI) / 180);

describe('the grouped duplicate lookup', () => {
  it('finds for each report what the single lookup finds, in a group of any size', async () => {
    const household = (
      await api(w.users.village, 'POST', '/api/v1/households', { unitId: w.grid.id, address: '东塘村九组2号', headName: '罗成' })
    ).body;
    const filed = async (extra: Record<string, unknown>) => {
      const r = await report(w.users.worker, neighbourDispute(w, extra));
      expect(r.status).toBe(201);
      return r.body.id as number;
    };
    const here = await filed({ title: '水沟堵塞' });
    const further = await filed({ title: '水沟又堵', location: { lng: east(60), lat: inGrid.lat } });
    const ofHousehold = await filed({
      title: '院墙纠纷',
      householdId: household.id,
      location: { lng: east(5_000), lat: inGrid.lat },
    });
    const policy = w.cat('policy').id;
    await filed({ title: '政策咨询', categoryId: policy, fields: undefined });

    const neighbour = w.cat('dispute.neighbour').id;
    const since = new Date(rt.clock.now().getTime() - 7 * 86_400_000);
    const base = { categoryId: neighbour, since, radiusM: 100 };
    const queries: DuplicateQuery[] = [
      { ...base, lng: east(50), lat: inGrid.lat }, // both points within 100 m
      { ...base, householdId: household.id }, // the household only
      { ...base, lng: east(150), lat: inGrid.lat }, // 90 m from one of them only
      { ...base, categoryId: policy, radiusM: 0, lng: inGrid.lng, lat: inGrid.lat }, // nothing to compare
      { ...base, lng: east(5_000), lat: inGrid.lat, householdId: household.id }, // the same ticket both ways: once
      { ...base, since: new Date(rt.clock.now().getTime() + 60_000), lng: inGrid.lng, lat: inGrid.lat }, // the window ends before
    ];
    const single = await Promise.all(queries.map((q) => intakeRepo.duplicates(rt.db.db, q)));
    expect(single.map((ds) => ds.map((d) => d.id).sort())).toEqual([
      [here, further].sort(),
      [ofHousehold],
      [further],
      [],
      [ofHousehold],
      [],
    ]);
    expect(single[0]!.find((d) => d.id === further)!.distance_m).toBeCloseTo(10, 3);
    // Groups of every size from 1 to all, then the whole group again: over five runs of one text.
    const groups = [...queries.map((_, i) => queries.slice(i, i + 1 + (i % 3))), queries, queries];
    // Tickets reported in the same instant may come in either order: compared by id.
    const byId = (ds: DuplicateRow[]) => [...ds].sort((a, b) => a.id - b.id);
    for (const group of groups) {
      const grouped = (await intakeRepo.duplicatesOfMany(rt.db.db, group, rt.db.pool ?? undefined)).map(byId);
      const expected = group.map((q) => byId(single[queries.indexOf(q)]!));
      expect(grouped.map((ds) => ds.map((d) => [d.id, d.code, d.title, d.state]))).toEqual(
        expected.map((ds) => ds.map((d) => [d.id, d.code, d.title, d.state])),
      );
      grouped.forEach((ds, i) =>
        ds.forEach((d, k) => {
          const want = expected[i]![k]!.distance_m;
          if (want === null) expect(d.distance_m).toBeNull();
          else expect(d.distance_m).toBeCloseTo(want, 6);
        }),
      );
    }
  });
});
