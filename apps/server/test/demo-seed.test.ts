/**
 * `wangge seed demo`: the same seed value gives the same county, row for row (names, ID numbers,
 * places, party members), another seed a different one; the base data has seed 004's numbers at
 * the scale asked for, and every ID number is valid and agrees with the person's birth date and sex.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { parseIdNumber } from '../src/lib/id-number.ts';
import { FULL } from '../src/modules/demo/base-data.seed.ts';
import { seedDemo } from '../src/modules/demo/demo.seed.ts';
import { fitHouseholdSizes } from '../src/modules/demo/plan.ts';
import { seedDemoTickets } from '../src/modules/demo/tickets.seed.ts';
import { isRegionCode } from '../src/modules/people/person-rules.ts';
import { testRuntime, type TestRuntime } from './runtime.ts';

const SCALE = 0.003;

/** A digest of what the seed wrote, with ID numbers and phones decrypted (their ciphertexts differ by key and IV). */
async function digest(rt: TestRuntime) {
  const { db } = rt.db;
  const hash = createHash('sha256');
  const people = await db
    .selectFrom('person')
    .select(['id', 'unit_id', 'household_id', 'relation_to_head', 'name', 'sex', 'birth_date', 'ethnicity'])
    .select(['id_number_enc', 'phone_enc', 'residence_type', 'education', 'occupation', 'flags', 'address'])
    .orderBy('id')
    .execute();
  for (const p of people)
    hash.update(
      JSON.stringify({
        ...p,
        id_number_enc: p.id_number_enc && rt.crypto.decrypt(p.id_number_enc),
        phone_enc: p.phone_enc && rt.crypto.decrypt(p.phone_enc),
      }),
    );
  for (const table of [
    'unit',
    'household',
    'building',
    'house',
    'residence',
    'rental',
    'rental_tenant',
    'party_member',
  ] as const) {
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)} order by 1, 2`.execute(db);
    for (const row of rows.rows) {
      const { created_at: _c, updated_at: _u, ...rest } = row;
      hash.update(JSON.stringify(rest));
    }
  }
  const orgs = await db
    .selectFrom('organization')
    .select(['id', 'unit_id', 'name', 'kind', 'contact_name', 'lng', 'lat'])
    .orderBy('id')
    .execute();
  hash.update(JSON.stringify(orgs));
  return { digest: hash.digest('hex'), people };
}

async function seeded(seed: number) {
  const rt = await testRuntime();
  try {
    const summary = await seedDemo(rt.db, rt.clock, rt.crypto, { scale: SCALE, seed });
    return { summary, ...(await digest(rt)), rt };
  } catch (err) {
    await rt.close();
    throw err;
  }
}

describe('the demo county', () => {
  it('is the same for the same seed and different for another, at seed 004’s numbers, with valid ID numbers', async () => {
    const a = await seeded(11);
    try {
      const expected = (n: number) => Math.round(n * SCALE);
      expect(a.summary.baseData).toMatchObject({
        people: expected(FULL.people),
        buildings: expected(FULL.buildings),
        houses: expected(FULL.houses),
        partyMembers: expected(FULL.partyMembers),
      });
      // Households hold exactly their members.
      const sizes = await a.rt.db.db
        .selectFrom('household as h')
        .leftJoin('person as p', 'p.household_id', 'h.id')
        .select(['h.member_count', (eb) => eb.fn.count<string>('p.id').as('n')])
        .groupBy(['h.id', 'h.member_count'])
        .execute();
      expect(sizes.filter((s) => Number(s.n) !== s.member_count)).toEqual([]);
      // Every ID number valid, one person per number, and birth date and sex as the number says.
      const today = a.rt.clock.now().toISOString().slice(0, 10);
      const numbers = new Set<string>();
      for (const p of a.people) {
        const id = a.rt.crypto.decrypt(p.id_number_enc!);
        const parsed = parseIdNumber(id, isRegionCode, today);
        expect(parsed, id).toMatchObject({ ok: true, facts: { birthDate: p.birth_date, sex: p.sex } });
        numbers.add(id);
      }
      expect(numbers.size).toBe(a.people.length);
      // Party members are adults.
      const minors = await sql<{ n: string }>`
        select count(*) as n from party_member m join person p on p.id = m.person_id
        where p.birth_date > (${today}::date - interval '18 years')`.execute(a.rt.db.db);
      expect(Number(minors.rows[0]!.n)).toBe(0);
    } finally {
      await a.rt.close();
    }
    const b = await seeded(11);
    await b.rt.close();
    expect(b.digest).toBe(a.digest);
    const c = await seeded(12);
    await c.rt.close();
    expect(c.digest).not.toBe(a.digest);
  });

  it('places tickets reported on the spot at a point inside their own grid, and desk matters nowhere', async () => {
    const rt = await testRuntime();
    try {
      await seedDemo(rt.db, rt.clock, rt.crypto, { scale: SCALE, seed: 11 });
      const cal = await rt.services.calendar.current();
      await seedDemoTickets(rt.db, rt.clock, cal, rt.services.categories, { count: 400, days: 90, seed: 5 });
      const tickets = await rt.db.db
        .selectFrom('ticket as t')
        .innerJoin('ticket_category as c', 'c.id', 't.category_id')
        .select(['t.id', 't.unit_path', 't.lng', 't.lat', 't.channel', 'c.code'])
        .execute();
      const paths = new Map((await rt.db.db.selectFrom('unit').select(['id', 'path']).execute()).map((u) => [u.id, u.path]));
      const placed = tickets.filter((t) => t.lng !== null && t.lat !== null);
      const desk = ['policy', 'proxy', 'opinion', 'legal', 'baseData', 'psych'];
      // About half the channels report on the spot, and most categories have a place.
      expect(placed.length).toBeGreaterThan(tickets.length / 5);
      expect(placed.length).toBeLessThan(tickets.length);
      // And the other way: every report made on the spot about a place has its point (grids have outlines here).
      const unplaced = tickets.filter(
        (t) => t.lng === null && ['gridWorker', 'resident', 'videoPatrol'].includes(t.channel) && !desk.includes(t.code),
      );
      expect(unplaced.map((t) => t.id)).toEqual([]);
      for (const t of placed) {
        expect(['gridWorker', 'resident', 'videoPatrol'], `ticket ${t.id}`).toContain(t.channel);
        expect(desk, `ticket ${t.id}`).not.toContain(t.code);
        // The lowest unit there is the grid or one of its micro-grids.
        const at = paths.get((await rt.services.maps.locator.locate(t.lng!, t.lat!)) ?? 0);
        expect(`${at}.`.startsWith(`${t.unit_path}.`), `ticket ${t.id} in ${t.unit_path} at ${t.lng},${t.lat}: ${at}`).toBe(true);
      }
    } finally {
      await rt.close();
    }
  });

  it('fits household sizes to the county’s people, both ways, within 1 to 8', () => {
    const grow = [{ member_count: 3 }, { member_count: 8 }, { member_count: 1 }];
    fitHouseholdSizes(grow, 15);
    expect(grow.reduce((s, h) => s + h.member_count, 0)).toBe(15);
    expect(grow.every((h) => h.member_count >= 1 && h.member_count <= 8)).toBe(true);
    const shrink = [{ member_count: 3 }, { member_count: 2 }, { member_count: 1 }];
    fitHouseholdSizes(shrink, 4);
    expect(shrink.map((h) => h.member_count).sort()).toEqual([1, 1, 2]);
  });
});
