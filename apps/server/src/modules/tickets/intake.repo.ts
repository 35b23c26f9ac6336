/**
 * SQL of intake, the hot path: possible duplicates and the new tickets, each for a whole group of
 * reports in one statement (tickets.service.ts groups the reports that arrive together).
 */
import { createHash } from 'node:crypto';
import { sql, type CompiledQuery, type Insertable, type Kysely, type SqlBool, type Transaction } from 'kysely';
import type pg from 'pg';
import type { TicketTable } from '../../db/tables/tickets.ts';
import type { Database } from '../../db/types.ts';
import { scopeCondition, type TicketScope } from './tickets.repo.ts';

type Q = Kysely<Database> | Transaction<Database>;

export interface DuplicateQuery {
  categoryId: number;
  since: Date;
  lng?: number | undefined;
  lat?: number | undefined;
  radiusM: number;
  householdId?: number | undefined;
  excludeId?: number;
  scope?: TicketScope;
}

export interface DuplicateRow {
  id: number;
  code: string;
  title: string;
  state: string;
  distance_m: number | null;
}

/** A new report: its row, the prefix of its code, its first timeline entry and its notification. */
export interface NewReport {
  row: Omit<Insertable<TicketTable>, 'id' | 'code'>;
  codePrefix: string;
  event: {
    actorUserId: number | null;
    actorName: string;
    toHolder: string;
    detail: Record<string, unknown>;
    attachmentIds: number[];
  };
  notice: { light: string | null; unitId: number };
}

/** Columns of the ticket stored as jsonb: sent as JSON values, not as strings holding JSON. */
const jsonColumns = new Set(['fields', 'consultation']);

const near = (p: DuplicateQuery) => p.lng !== undefined && p.lat !== undefined && p.radiusM > 0;

/** Whether there is anything to compare: a point (and a radius) or a household. */
export const hasDuplicateQuery = (p: DuplicateQuery) => near(p) || p.householdId !== undefined;

/**
 * The bounding box [west, south, east, north] in degrees of the points within `radiusM` metres of
 * (lng, lat) by the distance below (a sphere of 6,371 km), widened a hair against rounding.
 */
export function radiusBox(lng: number, lat: number, radiusM: number): [number, number, number, number] {
  const dLat = ((radiusM / 6_371_000) * 180) / Math.PI + 1e-9;
  const dLng = dLat / Math.max(Math.cos((lat * Math.PI) / 180), 1e-6);
  return [lng - dLng, lat - dLat, lng + dLng, lat + dLat];
}

/** Open tickets of the category near a point within the window, or of the same household (null: nothing to compare). */
function duplicatesQuery(q: Q, p: DuplicateQuery) {
  const conds = [];
  if (near(p)) {
    // Equirectangular distance in metres: exact enough within a county. The radius's bounding box
    // comes first, so the open tickets' spatial index (migration 0021) finds the few candidates.
    const dist = sql<number>`6371000 * sqrt(power(radians(t.lat - ${p.lat}), 2) + power(radians(t.lng - ${p.lng}) * cos(radians(${p.lat})), 2))`;
    const [w, s, e, n] = radiusBox(p.lng!, p.lat!, p.radiusM);
    const box = sql`box(point(${w}::float8, ${s}::float8), point(${e}::float8, ${n}::float8))`;
    conds.push(
      sql<SqlBool>`(t.category_id = ${p.categoryId} and t.lat is not null and t.lng is not null and point(t.lng, t.lat) <@ ${box} and ${dist} <= ${p.radiusM})`,
    );
  }
  if (p.householdId !== undefined) conds.push(sql<SqlBool>`t.household_id = ${p.householdId}`);
  if (conds.length === 0) return null;
  const distance =
    p.lng !== undefined && p.lat !== undefined
      ? sql<
          number | null
        >`case when t.lat is null then null else 6371000 * sqrt(power(radians(t.lat - ${p.lat}), 2) + power(radians(t.lng - ${p.lng}) * cos(radians(${p.lat})), 2)) end`
      : sql<number | null>`null::float8`;
  return (
    q
      .selectFrom('ticket as t')
      .select(['t.id', 't.code', 't.title', 't.state', distance.as('distance_m')])
      .where('t.received_at', '>=', p.since)
      // Written out, not bound: the partial index's states must be provable from the statement's text.
      .where(sql<SqlBool>`t.state in ('reported','accepted','assigned','inProgress','resolved','verified')`)
      .where(sql<SqlBool>`(${sql.join(conds, sql` or `)})`)
      .$if(p.excludeId !== undefined, (qb) => qb.where('t.id', '!=', p.excludeId!))
      .$if(p.scope !== undefined, (qb) => qb.where(scopeCondition(p.scope!)))
      .orderBy('t.received_at', 'desc')
      .limit(20)
  );
}

/**
 * A statement of intake's hot path run as a named prepared statement on PostgreSQL: each pooled
 * connection parses it once, and plans it once when the generic plan is as good, instead of for
 * every group. The name is a hash of the text; callers keep the number of texts small (the insert
 * and the duplicate lookups have one each).
 */
const preparedNames = new Map<string, string>();
async function prepared<R>(pool: pg.Pool, c: CompiledQuery<R>): Promise<{ rows: R[] }> {
  let name = preparedNames.get(c.sql);
  if (!name) {
    name = `wangge_${createHash('sha1').update(c.sql).digest('hex').slice(0, 16)}`;
    preparedNames.set(c.sql, name);
  }
  return pool.query<R & pg.QueryResultRow>({ name, text: c.sql, values: [...c.parameters] });
}

export const intakeRepo = {
  async duplicates(q: Q, p: DuplicateQuery): Promise<DuplicateRow[]> {
    return (await duplicatesQuery(q, p)?.execute()) ?? [];
  },

  /**
   * The duplicates of several reports in one statement, one list per query, in order: the same
   * lookup as `duplicates` (without scope or exclusion) for each query, as a lateral join over the
   * queries sent as one JSON array. The text is the same for one query or fifty, so with `pool`
   * (PostgreSQL, outside a transaction) it runs as a named prepared statement and is parsed and
   * planned once per connection, not per group (planning the groups' many shapes of UNION ALL
   * cost as much as running them).
   */
  async duplicatesOfMany(q: Q, ps: DuplicateQuery[], pool?: pg.Pool): Promise<DuplicateRow[][]> {
    const out: DuplicateRow[][] = ps.map(() => []);
    const queries = ps.flatMap((p, i) => {
      if (p.scope !== undefined || p.excludeId !== undefined) throw new Error('duplicatesOfMany: no scope or exclusion');
      if (!hasDuplicateQuery(p)) return [];
      const box = near(p) ? radiusBox(p.lng!, p.lat!, p.radiusM) : null;
      return [
        {
          ord: i,
          category_id: p.categoryId,
          since: p.since.toISOString(),
          lng: p.lng ?? null,
          lat: p.lat ?? null,
          radius_m: p.radiusM,
          box,
          household_id: p.householdId ?? null,
        },
      ];
    });
    if (queries.length === 0) return out;
    const statement = sql<DuplicateRow & { ord: number }>`
      select q.ord, d.id, d.code, d.title, d.state, d.distance_m
      from jsonb_to_recordset(${JSON.stringify(queries)}::jsonb)
        as q(ord int, category_id int, since timestamptz, lng float8, lat float8, radius_m float8, box float8[], household_id int)
      cross join lateral (
        select t.id, t.code, t.title, t.state, t.received_at,
               case when t.lat is null or q.lat is null then null
                    else 6371000 * sqrt(power(radians(t.lat - q.lat), 2) + power(radians(t.lng - q.lng) * cos(radians(q.lat)), 2)) end
                 as distance_m
        from ticket t
        where t.received_at >= q.since
          and t.state in ('reported','accepted','assigned','inProgress','resolved','verified')
          and ((t.category_id = q.category_id and t.lat is not null and t.lng is not null
                and point(t.lng, t.lat) <@ box(point(q.box[1], q.box[2]), point(q.box[3], q.box[4]))
                and 6371000 * sqrt(power(radians(t.lat - q.lat), 2) + power(radians(t.lng - q.lng) * cos(radians(q.lat)), 2)) <= q.radius_m)
               or t.household_id = q.household_id)
        order by t.received_at desc
        limit 20
      ) d
      order by q.ord, d.received_at desc`;
    const r = pool ? await prepared(pool, statement.compile(q)) : await statement.execute(q);
    for (const { ord, ...row } of r.rows) out[ord]!.push(row);
    return out;
  },

  /**
   * New reports in one statement, however many: each ticket with its id from the sequence and its
   * code from the id, its first timeline entry and the holder's notification. The rows travel as
   * one JSON array and become ticket rows through jsonb_populate_record, so the statement and its
   * plan are the same for one report or fifty. Results in the order of `reports`. With `pool`
   * (PostgreSQL, outside a transaction) it runs as a named prepared statement.
   */
  async insertReports(q: Q, reports: NewReport[], pool?: pg.Pool): Promise<{ id: number; code: string; notice_id: string }[]> {
    if (reports.length === 0) return [];
    const cols = Object.keys(reports[0]!.row);
    const payload = reports.map((r) => {
      const keys = Object.keys(r.row);
      if (keys.length !== cols.length || keys.some((k, i) => k !== cols[i]))
        throw new Error('insertReports: every row must have the same columns');
      const row: Record<string, unknown> = { ...r.row };
      for (const c of jsonColumns) if (typeof row[c] === 'string') row[c] = JSON.parse(row[c] as string);
      return { row, prefix: r.codePrefix, event: r.event, notice: r.notice };
    });
    const statement = sql<{ ord: number; id: number; code: string; notice_id: string }>`
      with src as (
        select a.ord::int as ord, a.j, nextval('ticket_id_seq')::int as id
        from jsonb_array_elements(${JSON.stringify(payload)}::jsonb) with ordinality as a(j, ord)
      ),
      t as (
        insert into ticket (id, code, ${sql.join(cols.map((c) => sql.ref(c)))})
        select s.id, (s.j->>'prefix') || lpad(s.id::text, 7, '0'), ${sql.join(cols.map((c) => sql.ref(`r.${c}`)))}
        from src s, jsonb_populate_record(null::ticket, s.j->'row') r
        returning id, code, received_at, state
      ),
      e as (
        insert into ticket_event (ticket_id, seq, op, at, actor_user_id, actor_name, from_state, to_state, to_holder, detail, attachment_ids)
        select t.id, 1, 'report', t.received_at, (s.j->'event'->>'actorUserId')::int, s.j->'event'->>'actorName', null, t.state,
               s.j->'event'->>'toHolder', s.j->'event'->'detail',
               array(select jsonb_array_elements_text(s.j->'event'->'attachmentIds')::int)
        from t join src s on s.id = t.id
      ),
      x as (
        insert into ticket_notification (ticket_id, kind, light, target_unit_id, target_department_id, at)
        select t.id, 'assigned', s.j->'notice'->>'light', (s.j->'notice'->>'unitId')::int, null, t.received_at
        from t join src s on s.id = t.id
        returning id, ticket_id
      )
      select s.ord, t.id, t.code, x.id::text as notice_id
      from t join src s on s.id = t.id join x on x.ticket_id = t.id
      order by s.ord`;
    const r = pool ? await prepared(pool, statement.compile(q)) : await statement.execute(q);
    if (r.rows.length !== reports.length) throw new Error(`insertReports: ${r.rows.length} rows for ${reports.length} reports`);
    return r.rows.map(({ id, code, notice_id }) => ({ id, code, notice_id }));
  },
};
