/**
 * Roll-ups for coverage and sizing: counts over whole subtrees through the ltree index.
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/types.ts';
import type { SizingFacts } from './sizing.ts';

type Db = Kysely<Database>;
const activeOn = (today: string) => sql`a.starts_on <= ${today}::date and (a.ends_on is null or a.ends_on > ${today}::date)`;

export const coverageRepo = {
  /** For each root (the unit itself, or each child): units by kind below it. */
  async unitsByKind(db: Db, roots: number[]) {
    return sql<{ root: number; kind: string; n: number }>`
      select r.id as root, d.kind, count(*)::int as n
      from unit r join unit d on d.path <@ r.path and d.id <> r.id and d.status = 'active'
      where r.id = any(${roots}::int[])
      group by r.id, d.kind`
      .execute(db)
      .then((r) => r.rows);
  },

  async staffByRole(db: Db, roots: number[], today: string) {
    return sql<{ root: number; role: string; n: number }>`
      select r.id as root, a.role, count(*)::int as n
      from unit r join unit d on d.path <@ r.path join assignment a on a.unit_id = d.id
      where r.id = any(${roots}::int[]) and ${activeOn(today)}
      group by r.id, a.role`
      .execute(db)
      .then((r) => r.rows);
  },

  async households(db: Db, roots: number[]) {
    return sql<{ root: number; n: number }>`
      select r.id as root, count(h.id)::int as n
      from unit r join unit d on d.path <@ r.path join household h on h.unit_id = d.id
      where r.id = any(${roots}::int[])
      group by r.id`
      .execute(db)
      .then((r) => r.rows);
  },

  /** The facts the sizing rules need, for every grid and micro-grid under `path` (or that one unit). */
  async sizingFacts(db: Db, path: string, today: string, onlyUnitId?: number): Promise<SizingFacts[]> {
    const r = await sql<SizingFacts>`
      select u.id as "unitId", u.name as "unitName", u.kind,
        (select count(*) from unit d join household h on h.unit_id = d.id where d.path <@ u.path)::int as households,
        (select count(*) from unit d join assignment a on a.unit_id = d.id
           where d.path <@ u.path and a.role = 'residentRep' and ${activeOn(today)})::int as "residentReps",
        (select count(*) from unit d join assignment a on a.unit_id = d.id
           where d.path <@ u.path and a.role = 'householdLead' and ${activeOn(today)})::int as "householdLeads",
        (select count(*) from assignment a where a.unit_id = u.id and a.role = 'gridLeader' and ${activeOn(today)})::int as "gridLeaders"
      from unit u
      where u.path <@ ${path}::ltree and u.kind in ('grid', 'microGrid') and u.status = 'active'
        ${onlyUnitId === undefined ? sql`` : sql`and u.id = ${onlyUnitId}`}
      order by u.level, u.code`.execute(db);
    return r.rows;
  },
};
