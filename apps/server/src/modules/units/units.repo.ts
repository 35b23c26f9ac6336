/**
 * SQL for the unit tree. The only place that touches the unit and unit_history tables.
 */
import { sql, type Expression, type Kysely, type Selectable, type SqlBool, type Transaction } from 'kysely';
import type { Database } from '../../db/types.ts';
import type { UnitTable } from '../../db/tables/units.ts';

type Q = Kysely<Database> | Transaction<Database>;
export type UnitRow = Selectable<UnitTable>;
export type UnitListRow = Omit<UnitRow, 'geometry'> & { has_geometry: boolean; child_count: number };

const listColumns = [
  'u.id',
  'u.code',
  'u.name',
  'u.kind',
  'u.level',
  'u.parent_id',
  'u.path',
  'u.status',
  'u.child_seq',
  'u.version',
  'u.created_at',
  'u.updated_at',
  'u.retired_at',
] as const;

export interface UnitFilter {
  /** Scope and other conditions the caller adds (access control). */
  where?: Expression<SqlBool>[];
  parentId?: number | null;
  withinPath?: string;
  withinId?: number;
  q?: string;
  kind?: string;
  status?: 'active' | 'retired' | 'all';
}

/**
 * "Under X": for a township, the equality on its two-label prefix that the township listing-order
 * index serves (same rows as `path <@ X`); otherwise the GiST path index.
 */
function withinCondition(path: string): Expression<SqlBool> {
  return path.split('.').length === 2
    ? sql<SqlBool>`subpath(u.path, 0, least(nlevel(u.path), 2)) = ${path}::ltree`
    : sql<SqlBool>`u.path <@ ${path}::ltree`;
}

/** A unit on a chain from the root (UnitChains). */
export interface ChainUnit {
  id: number;
  code: string;
  name: string;
  kind: string;
  path: string;
}

export const unitsRepo = {
  /** The chains (unit and ancestors, root first) of several units in one statement, in the order asked. */
  async chains(q: Q, unitIds: number[]): Promise<ChainUnit[][]> {
    const r = await sql<ChainUnit & { for_id: number }>`
      select u.id, u.code, u.name, u.kind, u.path, s.id as for_id
      from unit s join unit u on u.id = any(string_to_array(s.path::text, '.')::int[])
      where s.id = any(${sql.val([...new Set(unitIds)])}::int[])`.execute(q);
    const by = new Map<number, ChainUnit[]>();
    for (const { for_id, ...u } of r.rows) {
      const chain = by.get(for_id) ?? [];
      chain.push(u);
      by.set(for_id, chain);
    }
    return unitIds.map((id) => (by.get(id) ?? []).sort((a, b) => a.path.length - b.path.length));
  },

  async findById(db: Q, id: number): Promise<UnitRow | undefined> {
    return db.selectFrom('unit').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async findByCode(db: Q, code: string): Promise<UnitRow | undefined> {
    return db.selectFrom('unit').selectAll().where('code', '=', code).executeTakeFirst();
  },

  async findManyByIds(db: Q, ids: number[]) {
    if (ids.length === 0) return [];
    return db.selectFrom('unit').select(['id', 'code', 'name', 'kind', 'level', 'path']).where('id', 'in', ids).execute();
  },

  /** Locks the row for the rest of the transaction (serializes edits of one unit). */
  async lock(db: Transaction<Database>, id: number): Promise<UnitRow | undefined> {
    return db.selectFrom('unit').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  },

  async list(db: Q, f: UnitFilter, limit: number, offset: number): Promise<{ rows: UnitListRow[]; total: number }> {
    let base = db.selectFrom('unit as u');
    for (const w of f.where ?? []) base = base.where(w);
    if (f.parentId === null) base = base.where('u.parent_id', 'is', null);
    else if (f.parentId !== undefined) base = base.where('u.parent_id', '=', f.parentId);
    if (f.withinPath) base = base.where(withinCondition(f.withinPath)).where('u.id', '!=', f.withinId ?? 0);
    if (f.kind) base = base.where('u.kind', '=', f.kind);
    if (f.status !== 'all') base = base.where('u.status', '=', f.status ?? 'active');
    if (f.q) {
      const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      const q = f.q;
      base = /^\d+$/.test(q) ? base.where('u.code', 'like', `${q}%`) : base.where('u.name', 'ilike', like);
    }
    // The page's ids in display order first (index-only under the listing-order indexes, skipping the
    // offset inside the index), then their rows and child counts: 50 rows joined, not the subtree sorted.
    const ids = base.select(['u.id', 'u.level', 'u.code']).orderBy('u.level').orderBy('u.code').limit(limit).offset(offset);
    const [rows, count] = await Promise.all([
      db
        .selectFrom(ids.as('p'))
        .innerJoin('unit as u', 'u.id', 'p.id')
        .select(listColumns)
        .select(sql<boolean>`u.geometry is not null`.as('has_geometry'))
        .select(
          sql<number>`(select count(*) from unit c where c.parent_id = u.id and c.status = 'active')::int`.as('child_count'),
        )
        .orderBy('p.level')
        .orderBy('p.code')
        .execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { rows: rows as UnitListRow[], total: Number(count.n) };
  },

  async ancestors(db: Q, path: string) {
    return db
      .selectFrom('unit')
      .select(['id', 'code', 'name', 'kind'])
      .where(sql<boolean>`path @> ${path}::ltree`)
      .where(sql<boolean>`path <> ${path}::ltree`)
      .orderBy('level')
      .execute();
  },

  async childCount(db: Q, id: number): Promise<number> {
    const r = await db
      .selectFrom('unit')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('parent_id', '=', id)
      .where('status', '=', 'active')
      .executeTakeFirstOrThrow();
    return r.n;
  },

  /** Takes the next child sequence number of a parent (for generated codes). */
  async nextChildSeq(db: Transaction<Database>, parentId: number): Promise<number> {
    const r = await db
      .updateTable('unit')
      .set((eb) => ({ child_seq: eb('child_seq', '+', 1) }))
      .where('id', '=', parentId)
      .returning('child_seq')
      .executeTakeFirstOrThrow();
    return r.child_seq;
  },

  async insert(
    db: Q,
    row: {
      code: string;
      name: string;
      kind: string;
      level: number;
      parent_id: number | null;
      parentPath: string | null;
      now: Date;
    },
  ) {
    // The path needs the new id, so insert with a placeholder and set it in the same statement batch.
    const inserted = await db
      .insertInto('unit')
      .values({
        code: row.code,
        name: row.name,
        kind: row.kind,
        level: row.level,
        parent_id: row.parent_id,
        path: 'pending',
        created_at: row.now,
        updated_at: row.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const path = row.parentPath ? `${row.parentPath}.${inserted.id}` : String(inserted.id);
    return db.updateTable('unit').set({ path }).where('id', '=', inserted.id).returningAll().executeTakeFirstOrThrow();
  },

  async update(
    db: Q,
    id: number,
    patch: { name?: string; status?: 'active' | 'retired'; retired_at?: Date; geometry?: string | null; now: Date },
  ) {
    const { now, ...rest } = patch;
    return db
      .updateTable('unit')
      .set((eb) => ({ ...rest, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  /** Moves a unit and its whole subtree under a new parent path. */
  async move(db: Q, unit: UnitRow, newParentId: number, newParentPath: string, now: Date) {
    await sql`
      update unit set path = ${newParentPath}::ltree || subpath(path, nlevel(${unit.path}::ltree) - 1)
      where path <@ ${unit.path}::ltree`.execute(db);
    return db
      .updateTable('unit')
      .set((eb) => ({ parent_id: newParentId, updated_at: now, version: eb('version', '+', 1) }))
      .where('id', '=', unit.id)
      .returningAll()
      .executeTakeFirstOrThrow();
  },

  async addHistory(
    db: Q,
    e: {
      unitId: number;
      at: Date;
      change: 'created' | 'renamed' | 'moved' | 'retired' | 'geometry';
      before?: object | null;
      after?: object | null;
      reason?: string | null;
    },
  ) {
    await db
      .insertInto('unit_history')
      .values({
        unit_id: e.unitId,
        at: e.at,
        change: e.change,
        before: e.before ? JSON.stringify(e.before) : null,
        after: e.after ? JSON.stringify(e.after) : null,
        reason: e.reason ?? null,
      })
      .execute();
  },

  async history(db: Q, unitId: number) {
    return db.selectFrom('unit_history').selectAll().where('unit_id', '=', unitId).orderBy('id', 'desc').limit(500).execute();
  },

  async withGeometry(db: Q, kinds: readonly string[]) {
    return db
      .selectFrom('unit')
      .select(['id', 'code', 'name', 'kind', 'level', 'geometry'])
      .where('geometry', 'is not', null)
      .where('status', '=', 'active')
      .where('kind', 'in', [...kinds])
      .execute();
  },

  async childrenWithGeometry(db: Q, parentId: number) {
    return db
      .selectFrom('unit as u')
      .select(['u.id', 'u.code', 'u.name', 'u.kind', 'u.geometry'])
      .select(
        sql<number>`(select count(*) from household h join unit d on d.id = h.unit_id where d.path <@ u.path)`.as('households'),
      )
      .where('u.parent_id', '=', parentId)
      .where('u.status', '=', 'active')
      .where('u.geometry', 'is not', null)
      .orderBy('u.code')
      .execute();
  },

  async siblingsWithGeometry(db: Q, parentId: number, exceptId: number) {
    return db
      .selectFrom('unit')
      .select(['id', 'code', 'name', 'kind', 'geometry'])
      .where('parent_id', '=', parentId)
      .where('id', '!=', exceptId)
      .where('status', '=', 'active')
      .where('geometry', 'is not', null)
      .execute();
  },
};
