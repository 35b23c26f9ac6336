/**
 * The deadline sweep (督): every minute, the tickets whose `next_check_at` has come get their light
 * recomputed; a red stage earns a numbered supervision notice (督办函) addressed to the holder, raised
 * to 黄牌 and 红牌 when it stays red N and 2N more working days (N: the category's
 * `supervisionStepWorkdays` for the stage and urgency, 5 by default). Batched, one transaction per batch,
 * serialized by an advisory lock: two sweeps at once, or a rerun after a crash, never issue two
 * notices for one breach (and the unique key (ticket, stage, breached deadline, level) says so too).
 */
import type { SupervisionLevel } from '@wangge/contracts';
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { Database } from '../../db/types.ts';
import type { WorkCalendar } from '../calendar/work-calendar.ts';
import { supervisionRank, supervisionSteps, type SupervisionStepRules } from './deadlines.ts';
import { lightColumns } from './lights.ts';
import type { TicketNotice } from './notifier.ts';
import type { TicketRow } from './tickets.repo.ts';

const SWEEP_LOCK = 0x5745_4550; // "WEEP"

export interface SweepBatch {
  checked: number;
  lightChanges: number;
  notices: TicketNotice[];
  events: number;
}

interface NewNotice {
  row: TicketRow;
  stage: string;
  level: SupervisionLevel;
  dueAt: Date;
}

/** The supervision steps of a ticket (its category's rules for its urgency). */
export type StepsOf = (row: TicketRow) => SupervisionStepRules | undefined;

export async function sweepBatch(
  db: Db,
  cal: WorkCalendar,
  now: Date,
  limit: number,
  stepsOf: StepsOf = () => undefined,
): Promise<SweepBatch> {
  return db.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(${SWEEP_LOCK})`.execute(trx);
    const rows = await trx
      .selectFrom('ticket')
      .selectAll()
      .where('next_check_at', '<=', now)
      .orderBy('next_check_at')
      .limit(limit)
      .execute();
    if (rows.length === 0) return { checked: 0, lightChanges: 0, notices: [], events: 0 };
    const existing = await trx
      .selectFrom('supervision_notice')
      .select(['ticket_id', 'stage', 'breach_due_at', 'level'])
      .where(
        'ticket_id',
        'in',
        rows.map((r) => r.id),
      )
      .execute();
    const have = new Set(existing.map((n) => `${n.ticket_id}|${n.stage}|${new Date(n.breach_due_at).getTime()}|${n.level}`));
    const updates: { id: number; light: string | null; changed: boolean; next: Date | null; level: string | null }[] = [];
    const fresh: NewNotice[] = [];
    const outbox: TicketNotice[] = [];
    for (const row of rows) {
      const steps = stepsOf(row);
      const l = lightColumns(cal, row, now, steps);
      let level = row.supervision_level as SupervisionLevel | null;
      for (const s of l.stages.filter((x) => x.light === 'red')) {
        for (const step of supervisionSteps(cal, s.dueAt, now, steps?.[s.stage])) {
          if (level === null || supervisionRank[step.level] > supervisionRank[level]) level = step.level;
          if (have.has(`${row.id}|${s.stage}|${s.dueAt.getTime()}|${step.level}`)) continue;
          fresh.push({ row, stage: s.stage, level: step.level, dueAt: s.dueAt });
        }
      }
      updates.push({ id: row.id, light: l.set.light, changed: l.changed, next: l.set.next_check_at, level });
      if (l.changed && l.set.light && l.set.light !== 'green') outbox.push(notice(row, 'light', l.set.light, now));
    }
    await applyUpdates(trx, updates, now);
    const issued = await issueNotices(trx, fresh, now, await holderNames(trx, fresh), Number(cal.localDay(now).slice(0, 4)));
    for (const n of fresh) outbox.push(notice(n.row, 'supervision', 'red', now));
    const events = await addEvents(trx, rows, updates, issued, now);
    return { checked: rows.length, lightChanges: updates.filter((u) => u.changed).length, notices: outbox, events };
  });
}

function notice(row: TicketRow, kind: TicketNotice['kind'], light: string, at: Date): TicketNotice {
  return {
    ticketId: row.id,
    code: row.code,
    title: row.title,
    state: row.state,
    kind,
    light,
    unitId: row.holder_unit_id,
    departmentId: row.holder_department_id,
    unitPath: row.unit_path,
    holderPath: row.holder_unit_path,
    departmentIds: row.department_ids,
    at,
  };
}

async function applyUpdates(
  trx: Transaction<Database>,
  u: { id: number; light: string | null; changed: boolean; next: Date | null; level: string | null }[],
  now: Date,
) {
  await sql`
    update ticket t set
      light = v.light,
      light_at = case when v.changed then ${now}::timestamptz else t.light_at end,
      next_check_at = v.next,
      supervision_level = v.level
    from unnest(${sql.val(u.map((x) => x.id))}::int[], ${sql.val(u.map((x) => x.light))}::text[], ${sql.val(u.map((x) => x.changed))}::bool[],
                ${sql.val(u.map((x) => x.next?.toISOString() ?? null))}::timestamptz[], ${sql.val(u.map((x) => x.level))}::text[])
      as v(id, light, changed, next, level)
    where t.id = v.id`.execute(trx);
}

async function holderNames(trx: Transaction<Database>, fresh: NewNotice[]): Promise<(r: TicketRow) => string> {
  if (fresh.length === 0) return () => '';
  const units = await trx
    .selectFrom('unit')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(fresh.map((n) => n.row.holder_unit_id))])
    .execute();
  const depIds = [...new Set(fresh.map((n) => n.row.holder_department_id).filter((d): d is number => d !== null))];
  const deps = depIds.length ? await trx.selectFrom('department').select(['id', 'name']).where('id', 'in', depIds).execute() : [];
  const u = new Map(units.map((x) => [x.id, x.name]));
  const d = new Map(deps.map((x) => [x.id, x.name]));
  return (r) => (r.holder_department_id ? d.get(r.holder_department_id) : undefined) ?? u.get(r.holder_unit_id) ?? '';
}

async function issueNotices(
  trx: Transaction<Database>,
  fresh: NewNotice[],
  now: Date,
  holderName: (r: TicketRow) => string,
  year: number,
) {
  if (fresh.length === 0) return [];
  const counter = await sql<{ last_seq: number }>`
    insert into supervision_counter (year, last_seq) values (${year}, ${fresh.length})
    on conflict (year) do update set last_seq = supervision_counter.last_seq + ${fresh.length}
    returning last_seq`.execute(trx);
  const first = counter.rows[0]!.last_seq - fresh.length + 1;
  const rows = fresh.map((n, i) => ({
    ticket_id: n.row.id,
    stage: n.stage,
    level: n.level,
    breach_due_at: n.dueAt,
    year,
    seq: first + i,
    addressed_to: holderName(n.row),
    holder_unit_id: n.row.holder_unit_id,
    holder_department_id: n.row.holder_department_id,
    unit_id: n.row.unit_id,
    unit_path: n.row.unit_path,
    issued_at: now,
  }));
  await trx.insertInto('supervision_notice').values(rows).execute();
  return rows;
}

const levelNames: Record<string, string> = { normal: '督办', yellowCard: '黄牌督办', redCard: '红牌督办' };
export const noticeNumber = (year: number, seq: number) => `督办〔${year}〕第${seq}号`;

/** Timeline entries: a light turning yellow or red, and each notice issued. */
async function addEvents(
  trx: Transaction<Database>,
  rows: TicketRow[],
  updates: { id: number; light: string | null; changed: boolean }[],
  issued: { ticket_id: number; stage: string; level: string; year: number; seq: number; addressed_to: string }[],
  now: Date,
): Promise<number> {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const ev: { ticket: number; op: string; state: string; holder: string | null; detail: Record<string, unknown> }[] = [];
  for (const u of updates)
    if (u.changed && u.light && u.light !== 'green')
      ev.push({ ticket: u.id, op: 'light', state: byId.get(u.id)!.state, holder: null, detail: { light: u.light } });
  for (const n of issued)
    ev.push({
      ticket: n.ticket_id,
      op: 'supervise',
      state: byId.get(n.ticket_id)!.state,
      holder: n.addressed_to,
      detail: { number: noticeNumber(n.year, n.seq), stage: n.stage, level: n.level, levelName: levelNames[n.level] },
    });
  if (ev.length === 0) return 0;
  const ord = new Map<number, number>();
  const n = ev.map((e) => {
    const k = (ord.get(e.ticket) ?? 0) + 1;
    ord.set(e.ticket, k);
    return k;
  });
  await sql`
    insert into ticket_event (ticket_id, seq, op, at, actor_user_id, actor_name, from_state, to_state, to_holder, detail)
    select v.ticket_id, coalesce((select max(e.seq) from ticket_event e where e.ticket_id = v.ticket_id), 0) + v.n, v.op, ${now}, null, 'system',
           v.state, v.state, v.holder, v.detail
    from unnest(${sql.val(ev.map((e) => e.ticket))}::int[], ${sql.val(n)}::int[], ${sql.val(ev.map((e) => e.op))}::text[],
                ${sql.val(ev.map((e) => e.state))}::text[], ${sql.val(ev.map((e) => e.holder))}::text[],
                ${sql.val(ev.map((e) => JSON.stringify(e.detail)))}::jsonb[])
      as v(ticket_id, n, op, state, holder, detail)`.execute(trx);
  return ev.length;
}
