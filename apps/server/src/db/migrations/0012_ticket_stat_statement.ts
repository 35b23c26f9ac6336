import { sql, type Kysely } from 'kysely';
import { areaOf, cols, dayOf, ticketStatColumns, ticketStatVector } from './0008_ticket_stats.ts';
import { runScript } from './script.ts';

/**
 * The ticket summaries kept per statement instead of per row. The row trigger upserted three
 * summary rows for every ticket, and concurrent reports queued on those few rows (same day,
 * township, category) until each other's commit: most of an intake's time was spent waiting there.
 * Statement triggers with transition tables add up the statement's tickets first, then upsert each
 * summary key once, in key order (so two statements lock shared keys in the same order). A group
 * of fifty reports, or a sweep over thousands of tickets, touches each key once.
 * Same figures as before: every changed ticket moves its old contribution out and its new one in;
 * keys whose contributions cancel (lights and sweep bookkeeping) are not written at all.
 */
const vector = ticketStatVector.replace(/^\s*select\s+/, '');
const sums = ticketStatColumns.map((c, i) => `sum(sign * v[${i + 1}]) as ${c}`).join(', ');
const nonZero = ticketStatColumns.map((c) => `${c} <> 0`).join(' or ');
/** One summary table's upsert from the changed tickets `rowsSql` yields, each with its sign (+1 in, −1 out). */
const upsert = (rowsSql: string, table: string, key: string, keyCols: string) => `
  with t as (${rowsSql}),
  x as (
    select t.sign, ${dayOf('t')} as d, date_trunc('month', ${dayOf('t')})::date as m,
           ${areaOf('t', 2)} as a2, ${areaOf('t', 3)} as a3, t.category_id as c, ${vector} as v
    from t
  )
  insert into ${table} (${key}, ${cols})
  select ${keyCols}, ${cols} from (select ${keyCols}, ${sums} from x group by ${keyCols}) g
  where ${nonZero}
  order by ${keyCols}
  on conflict (${key}) do update set ${ticketStatColumns.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ')};`;

const apply = (rowsSql: string) => `
  ${upsert(rowsSql, 'ticket_stat', 'day, area_path, category_id', 'd, a2, c')}
  ${upsert(rowsSql, 'ticket_stat_month', 'month, area_path, category_id', 'm, a2, c')}
  ${upsert(rowsSql, 'ticket_stat_village', 'day, area_path', 'd, a3')}`;

export async function up(db: Kysely<unknown>): Promise<void> {
  const script = `
    drop trigger ticket_stat_trg on ticket;
    create function ticket_stat_apply_statement() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          ${apply('select 1 as sign, n.* from ticket_stat_new n')}
        elsif tg_op = 'DELETE' then
          ${apply('select -1 as sign, o.* from ticket_stat_old o')}
        else
          ${apply('select -1 as sign, o.* from ticket_stat_old o union all select 1 as sign, n.* from ticket_stat_new n')}
        end if;
        return null;
      end $$;
    create trigger ticket_stat_ins after insert on ticket referencing new table as ticket_stat_new
      for each statement execute function ticket_stat_apply_statement();
    create trigger ticket_stat_upd after update on ticket referencing old table as ticket_stat_old new table as ticket_stat_new
      for each statement execute function ticket_stat_apply_statement();
    create trigger ticket_stat_del after delete on ticket referencing old table as ticket_stat_old
      for each statement execute function ticket_stat_apply_statement();
  `;
  await runScript(db, script);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger ticket_stat_ins on ticket`.execute(db);
  await sql`drop trigger ticket_stat_upd on ticket`.execute(db);
  await sql`drop trigger ticket_stat_del on ticket`.execute(db);
  await sql`drop function ticket_stat_apply_statement`.execute(db);
  await sql`create trigger ticket_stat_trg after insert or update or delete on ticket for each row execute function ticket_stat_apply()`.execute(
    db,
  );
}

/** The triggers a bulk load turns off (and on again, with a rebuild of the summaries after). */
export const ticketStatTriggers = ['ticket_stat_ins', 'ticket_stat_upd', 'ticket_stat_del'] as const;
