/** SQL for staff, role assignments and party groups. */
import { sql, type Expression, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type { Database } from '../../db/types.ts';

type Q = Kysely<Database> | Transaction<Database>;

const assignmentColumns = [
  'a.id',
  'a.role',
  'a.post',
  'a.starts_on',
  'a.ends_on',
  's.id as staff_id',
  's.name as staff_name',
  's.phone_masked',
  'u.id as unit_id',
  'u.code as unit_code',
  'u.name as unit_name',
  'u.kind as unit_kind',
] as const;

export const staffRepo = {
  async insertStaff(
    db: Q,
    row: {
      unit_id: number;
      name: string;
      phone_enc: string;
      phone_masked: string;
      phone_bidx: string;
      party_member: boolean;
      note: string | null;
      created_at: Date;
    },
  ) {
    return db.insertInto('staff').values(row).returningAll().executeTakeFirstOrThrow();
  },

  async findStaff(db: Q, id: number) {
    return db.selectFrom('staff').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Paths of the registering unit and of every unit where the person holds or held a role. */
  async unitPathsOf(db: Q, staffId: number, unitId: number): Promise<string[]> {
    const rows = await db
      .selectFrom('unit')
      .select('path')
      .where((eb) =>
        eb.or([
          eb('id', '=', unitId),
          eb('id', 'in', eb.selectFrom('assignment').select('unit_id').where('staff_id', '=', staffId)),
        ]),
      )
      .execute();
    return rows.map((r) => r.path);
  },

  /** `scope` is a condition on `u.path`, true when the registering unit or a role's unit is in it. */
  async searchStaff(db: Q, f: { scope: Expression<SqlBool>; q?: string; phoneBidx?: string }, limit: number, offset: number) {
    let base = db
      .selectFrom('staff as s')
      .where((eb) =>
        eb.or([
          eb.exists(eb.selectFrom('unit as u').select('u.id').whereRef('u.id', '=', 's.unit_id').where(f.scope)),
          eb.exists(
            eb
              .selectFrom('assignment as a')
              .innerJoin('unit as u', 'u.id', 'a.unit_id')
              .select('a.id')
              .whereRef('a.staff_id', '=', 's.id')
              .where(f.scope),
          ),
        ]),
      );
    if (f.q) base = base.where('s.name', 'like', `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    if (f.phoneBidx) base = base.where('s.phone_bidx', '=', f.phoneBidx);
    const [rows, total] = await Promise.all([
      base.selectAll('s').orderBy('s.name').orderBy('s.id').limit(limit).offset(offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: total.n };
  },

  async insertAssignment(
    db: Q,
    row: { staff_id: number; unit_id: number; role: string; post: string | null; starts_on: string; created_at: Date },
  ) {
    return db.insertInto('assignment').values(row).returning('id').executeTakeFirstOrThrow();
  },

  async findAssignment(db: Q, id: number) {
    return db
      .selectFrom('assignment as a')
      .innerJoin('staff as s', 's.id', 'a.staff_id')
      .innerJoin('unit as u', 'u.id', 'a.unit_id')
      .select(assignmentColumns)
      .select('u.path as unit_path')
      .where('a.id', '=', id)
      .executeTakeFirst();
  },

  async endAssignment(db: Q, id: number, endsOn: string, reason: string | null) {
    await db.updateTable('assignment').set({ ends_on: endsOn, end_reason: reason }).where('id', '=', id).execute();
  },

  async roster(
    db: Q,
    f: { path: string; role?: string; activeOn?: string; q?: string; staffId?: number; scope?: Expression<SqlBool> },
    limit: number,
    offset: number,
  ) {
    let base = db
      .selectFrom('assignment as a')
      .innerJoin('staff as s', 's.id', 'a.staff_id')
      .innerJoin('unit as u', 'u.id', 'a.unit_id')
      .where(sql<boolean>`u.path <@ ${f.path}::ltree`);
    if (f.role) base = base.where('a.role', '=', f.role);
    if (f.staffId) base = base.where('a.staff_id', '=', f.staffId);
    if (f.scope) base = base.where(f.scope);
    if (f.activeOn) {
      base = base
        .where('a.starts_on', '<=', f.activeOn)
        .where((eb) => eb.or([eb('a.ends_on', 'is', null), eb('a.ends_on', '>', f.activeOn!)]));
    }
    if (f.q) base = base.where('s.name', 'like', `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    const [rows, total] = await Promise.all([
      base.select(assignmentColumns).orderBy('u.code').orderBy('a.role').orderBy('a.id').limit(limit).offset(offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows, total: total.n };
  },

  async insertPartyGroup(db: Q, row: { village_id: number; name: string; created_at: Date }, gridIds: number[]) {
    const g = await db.insertInto('party_group').values(row).returning('id').executeTakeFirstOrThrow();
    await db
      .insertInto('party_group_grid')
      .values(gridIds.map((grid_id) => ({ party_group_id: g.id, grid_id })))
      .execute();
    return g.id;
  },

  async partyGroups(db: Q, villageId: number) {
    return db
      .selectFrom('party_group as g')
      .innerJoin('party_group_grid as pg', 'pg.party_group_id', 'g.id')
      .innerJoin('unit as u', 'u.id', 'pg.grid_id')
      .select(['g.id', 'g.name', 'u.id as grid_id', 'u.code as grid_code', 'u.name as grid_name', 'u.kind as grid_kind'])
      .where('g.village_id', '=', villageId)
      .orderBy('g.id')
      .orderBy('u.code')
      .execute();
  },
};

export type AssignmentRow = NonNullable<Awaited<ReturnType<typeof staffRepo.findAssignment>>>;
