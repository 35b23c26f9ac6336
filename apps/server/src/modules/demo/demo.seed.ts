/**
 * `wangge seed demo`: builds Xiangyin County (湘阴县, 430624, the county of seed 004) from its real
 * townships and villages, then synthetic grids, micro-grids, household groups, polygons, staff in
 * every role, households, party groups and departments — deterministic from a seed value.
 * Rows are computed in memory with their ids and ltree paths, then written in batches.
 */
import { sql, type Insertable } from 'kysely';
import type { Db } from '../../db/client.ts';
import { copyRows } from '../../db/copy.ts';
import type { Database } from '../../db/types.ts';
import type { Clock } from '../../lib/clock.ts';
import { maskPhone, type FieldCrypto } from '../../lib/field-crypto.ts';
import { loadCountyDivisions } from '../units/division-import.ts';
import { FULL, generateBaseData, type HouseholdSeed } from './base-data.seed.ts';
import { seedDemoAccounts, type DemoAccount } from './demo.accounts.ts';
import { countyBureaus, townshipStations } from './departments.ts';
import { fitHouseholdSizes, FULL_HOUSEHOLDS, gridsPerVillage, householdSize, planGrid, split } from './plan.ts';
import { outline, partition } from './polygons.ts';
import { Random, chineseName, mobile } from './random.ts';
import type { PolygonGeometry } from '@wangge/contracts';

export interface DemoOptions {
  scale: number;
  seed: number;
  countyCode?: string;
}

export interface DemoSummary {
  county: string;
  units: Record<string, number>;
  staff: number;
  assignments: number;
  households: number;
  departments: number;
  partyGroups: number;
  accounts: DemoAccount[];
  baseData: {
    people: number;
    buildings: number;
    houses: number;
    residences: number;
    rentals: number;
    organizations: number;
    partyMembers: number;
    seconds: number;
  };
  /** Everything; baseData.seconds of it were people, buildings and the rest of the base data. */
  seconds: number;
}

type UnitRow = Insertable<Database['unit']> & { id: number };

class Ids {
  constructor(private n: number) {}
  next() {
    return ++this.n;
  }
}

async function insertBatches<T extends keyof Database>(db: Db, table: T, rows: Insertable<Database[T]>[]) {
  await copyRows(db, table, rows as Record<string, unknown>[]);
}

async function maxId(
  db: Db,
  table:
    | 'unit'
    | 'staff'
    | 'assignment'
    | 'household'
    | 'department'
    | 'party_group'
    | 'person'
    | 'building'
    | 'house'
    | 'residence'
    | 'rental'
    | 'organization'
    | 'party_member',
) {
  const r = await sql<{ m: number }>`select coalesce(max(id), 0)::int as m from ${sql.table(table)}`.execute(db.db);
  return r.rows[0]!.m;
}

export class DemoAlreadyLoaded extends Error {}

/** The tables of the base-data phase (people, buildings, houses…), loaded after the county itself. */
export const BASE_DATA_TABLES = [
  'person',
  'building',
  'house',
  'residence',
  'rental',
  'rental_tenant',
  'organization',
  'party_member',
] as const;

export async function seedDemo(db: Db, clock: Clock, crypto: FieldCrypto, opts: DemoOptions): Promise<DemoSummary> {
  const started = performance.now();
  const countyCode = opts.countyCode ?? '430624';
  const existing = await db.db.selectFrom('unit').select('id').where('code', '=', `${countyCode}000000`).executeTakeFirst();
  if (existing)
    throw new DemoAlreadyLoaded(`County ${countyCode} is already in this database; use a fresh data directory to reseed.`);

  const r = new Random(opts.seed);
  const now = clock.now();
  const divisions = await loadCountyDivisions(countyCode);
  const unitIds = new Ids(await maxId(db, 'unit'));
  const units: UnitRow[] = [];
  const geometry = new Map<number, PolygonGeometry>();

  const addUnit = (
    parent: UnitRow | null,
    kind: string,
    level: number,
    code: string,
    name: string,
    g?: PolygonGeometry,
  ): UnitRow => {
    const id = unitIds.next();
    const row: UnitRow = {
      id,
      code,
      name,
      kind,
      level,
      parent_id: parent?.id ?? null,
      path: parent ? `${parent.path}.${id}` : String(id),
      geometry: g ? JSON.stringify(g) : null,
      child_seq: 0,
      created_at: now,
      updated_at: now,
    };
    if (g) geometry.set(id, g);
    units.push(row);
    return row;
  };
  const childCode = (parent: UnitRow) =>
    `${parent.code}${String(++(parent as { child_seq: number }).child_seq).padStart(3, '0')}`;

  // Administrative units with real codes; polygons cut from a synthetic county outline.
  const countyShape = outline(r, 112.91, 28.69, 0.2);
  const county = addUnit(null, 'county', 1, divisions.county.code, divisions.county.name, countyShape);
  const townshipShapes = partition(r, countyShape, divisions.townships.length);
  const villageCount = divisions.townships.reduce((n, t) => n + t.villages.length, 0);
  const gridCounts = gridsPerVillage(r, villageCount, opts.scale);
  const totalGrids = gridCounts.reduce((a, b) => a + b, 0);
  const householdsPerGrid = split(r, Math.round(FULL_HOUSEHOLDS * opts.scale), totalGrids, 0.25);

  const grids: {
    unit: UnitRow;
    village: UnitRow;
    township: UnitRow;
    microGrids: { unit: UnitRow; groups: { unit: UnitRow; households: number }[] }[];
  }[] = [];
  let v = 0;
  divisions.townships.forEach((t, ti) => {
    const township = addUnit(county, 'township', 2, t.code, t.name, townshipShapes[ti]);
    const villageShapes = partition(r, townshipShapes[ti]!, t.villages.length);
    t.villages.forEach((vd, vi) => {
      const village = addUnit(township, 'village', 3, vd.code, vd.name, villageShapes[vi]);
      const n = gridCounts[v++]!;
      const gridShapes = partition(r, villageShapes[vi]!, n);
      for (let gi = 0; gi < n; gi++) {
        const grid = addUnit(
          village,
          'grid',
          4,
          childCode(village),
          `${vd.name.replace(/(村民|居民)委员会$/, '')}第${gi + 1}网格`,
          gridShapes[gi],
        );
        const plan = planGrid(r, householdsPerGrid[grids.length] ?? 0);
        const mgShapes = partition(r, gridShapes[gi]!, plan.households.length);
        const microGrids = plan.households.map((groups, mi) => {
          const mg = addUnit(grid, 'microGrid', 5, childCode(grid), `第${mi + 1}微网格`, mgShapes[mi]);
          return {
            unit: mg,
            groups: groups.map((h, hi) => ({
              unit: addUnit(mg, 'householdGroup', 6, childCode(mg), `第${hi + 1}联户`),
              households: h,
            })),
          };
        });
        grids.push({ unit: grid, village, township, microGrids });
      }
    });
  });
  await insertBatches(db, 'unit', units);

  // Departments: county bureaus at the county, stations in each township.
  const depIds = new Ids(await maxId(db, 'department'));
  const departments: Insertable<Database['department']>[] = countyBureaus.map(([c, name]) => ({
    id: depIds.next(),
    unit_id: county.id,
    code: `${countyCode}-${c}`,
    name,
    kind: 'bureau' as const,
  }));
  for (const t of units.filter((u) => u.kind === 'township')) {
    for (const [c, name] of townshipStations)
      departments.push({
        id: depIds.next(),
        unit_id: t.id,
        code: `${t.code.slice(0, 9)}-${c}`,
        name: `${t.name}${name}`,
        kind: 'station',
      });
  }
  await insertBatches(db, 'department', departments);

  // Staff in every role, and households.
  const staffIds = new Ids(await maxId(db, 'staff'));
  const assignmentIds = new Ids(await maxId(db, 'assignment'));
  const householdIds = new Ids(await maxId(db, 'household'));
  const staff: Insertable<Database['staff']>[] = [];
  const assignments: Insertable<Database['assignment']>[] = [];
  const households: Insertable<Database['household']>[] = [];
  const person = (unitId: number, partyMember = false) => {
    const phone = mobile(r);
    const id = staffIds.next();
    staff.push({
      unit_id: unitId,
      id,
      name: chineseName(r),
      phone_enc: crypto.encrypt(phone),
      phone_masked: maskPhone(phone),
      phone_bidx: crypto.blindIndex(phone),
      party_member: partyMember,
      note: null,
      created_at: now,
    });
    return id;
  };
  const startDate = () => `202${r.int(2, 5)}-${String(r.int(1, 12)).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
  const assign = (staffId: number, unitId: number, role: string, post: string | null = null) =>
    assignments.push({
      id: assignmentIds.next(),
      staff_id: staffId,
      unit_id: unitId,
      role,
      post,
      starts_on: startDate(),
      created_at: now,
    });

  let guide = 0;
  grids.forEach((g, i) => {
    assign(person(g.village.id, true), g.unit.id, 'gridLeader');
    const worker = person(g.village.id, r.chance(0.4));
    assign(worker, g.unit.id, 'gridWorker');
    if (r.chance(0.06)) assign(worker, g.unit.id, 'welfarePost', r.pick(['护林员', '保洁员', '地灾员', '护河员']));
    assign(person(g.village.id, r.chance(0.5)), g.unit.id, 'infoOfficer');
    assign(person(county.id, true), g.unit.id, 'liaison');
    // A township cadre coaches one or two grids of the same township.
    if (i === 0 || grids[i - 1]!.township.id !== g.township.id || i % 2 === 0) guide = person(g.township.id, true);
    assign(guide, g.unit.id, 'guide');
    let gridHouseholds = 0;
    for (const mg of g.microGrids) {
      assign(person(g.village.id, r.chance(0.6)), mg.unit.id, 'microGridWorker');
      for (const grp of mg.groups) {
        assign(person(g.village.id, r.chance(0.3)), grp.unit.id, 'householdLead');
        for (let h = 0; h < grp.households; h++) {
          households.push({
            id: householdIds.next(),
            unit_id: grp.unit.id,
            address: `${g.township.name}${g.village.name.replace(/(村民|居民)委员会$/, '')}${grp.unit.name}${r.int(1, 99)}号`,
            head_name: chineseName(r),
            member_count: householdSize(r),
            created_at: now,
            updated_at: now,
          });
        }
        gridHouseholds += grp.households;
      }
    }
    // One resident representative per 8–15 households, placed in the micro-grids.
    const reps = Math.max(gridHouseholds > 0 ? 1 : 0, Math.round(gridHouseholds / 12));
    for (let k = 0; k < reps; k++)
      assign(person(g.village.id, r.chance(0.3)), g.microGrids[k % g.microGrids.length]!.unit.id, 'residentRep');
  });
  await insertBatches(db, 'staff', staff);
  await insertBatches(db, 'assignment', assignments);
  fitHouseholdSizes(households as { member_count: number }[], Math.round(FULL.people * opts.scale));
  await insertBatches(db, 'household', households);

  // Party groups: usually one per grid, sometimes one for two grids of a village.
  const pgIds = new Ids(await maxId(db, 'party_group'));
  const partyGroups: Insertable<Database['party_group']>[] = [];
  const links: Insertable<Database['party_group_grid']>[] = [];
  for (let i = 0; i < grids.length; i++) {
    const g = grids[i]!;
    const next = grids[i + 1];
    const id = pgIds.next();
    const pair = next && next.village.id === g.village.id && r.chance(0.15);
    partyGroups.push({ id, village_id: g.village.id, name: `${g.unit.name}党小组`, created_at: now });
    links.push({ party_group_id: id, grid_id: g.unit.id });
    if (pair) {
      links.push({ party_group_id: id, grid_id: next.unit.id });
      i++;
    }
  }
  await insertBatches(db, 'party_group', partyGroups);
  await insertBatches(db, 'party_group_grid', links);

  // Base data: people, buildings, houses, residences, rentals, organizations, party members.
  const phase = performance.now();
  const parentOf = new Map(units.map((u) => [u.id, u.parent_id]));
  const gridParty = new Map(links.map((l) => [l.grid_id, l.party_group_id]));
  const villageOfGrid = new Map(grids.map((g) => [g.unit.id, g.village.id]));
  const ids = { person: 0, building: 0, house: 0, residence: 0, rental: 0, organization: 0, partyMember: 0 };
  for (const t of ['person', 'building', 'house', 'residence', 'rental', 'organization', 'party_member'] as const) {
    ids[t === 'party_member' ? 'partyMember' : t] = await maxId(db, t);
  }
  const base = generateBaseData({
    r,
    crypto,
    now,
    today: now.toISOString().slice(0, 10),
    scale: opts.scale,
    households: households as HouseholdSeed[],
    placeOf: (unitId) => {
      const microGrid = parentOf.get(unitId) ?? unitId;
      const grid = parentOf.get(microGrid) ?? microGrid;
      return { polygon: geometry.get(microGrid), villageId: villageOfGrid.get(grid) ?? 0, partyGroupId: gridParty.get(grid) };
    },
    villages: units.filter((u) => u.kind === 'village').map((u) => ({ id: u.id, name: u.name, polygon: geometry.get(u.id) })),
    ids,
  });
  for (const t of BASE_DATA_TABLES) await insertBatches(db, t, base[t] as never[]);
  const baseSeconds = Math.round((performance.now() - phase) / 100) / 10;

  for (const table of [
    'unit',
    'staff',
    'assignment',
    'household',
    'department',
    'party_group',
    'person',
    'building',
    'house',
    'residence',
    'rental',
    'organization',
    'party_member',
  ] as const) {
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select coalesce(max(id), 1) from ${sql.table(table)}))`.execute(
      db.db,
    );
  }

  const first = grids[0]!;
  const accounts = await seedDemoAccounts(
    db,
    now,
    { county, township: first.township, village: first.village, grid: first.unit },
    departments[0]?.id ?? null,
  );

  const byKind: Record<string, number> = {};
  for (const u of units) byKind[u.kind] = (byKind[u.kind] ?? 0) + 1;
  return {
    county: divisions.county.name,
    units: byKind,
    staff: staff.length,
    assignments: assignments.length,
    households: households.length,
    departments: departments.length,
    partyGroups: partyGroups.length,
    accounts,
    baseData: {
      people: base.person.length,
      buildings: base.building.length,
      houses: base.house.length,
      residences: base.residence.length,
      rentals: base.rental.length,
      organizations: base.organization.length,
      partyMembers: base.party_member.length,
      seconds: baseSeconds,
    },
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
