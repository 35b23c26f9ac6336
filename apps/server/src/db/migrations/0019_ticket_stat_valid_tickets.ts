import type { Kysely } from 'kysely';
import { areaOf, cols, dayOf, ticketStatColumns, ticketStatVector as vector0008 } from './0008_ticket_stats.ts';
import { runScript } from './script.ts';

/**
 * The summaries' `redone` and `self_resolved` count valid tickets only, like `returned`: the redo
 * rate and the self-resolved share divide them by the valid (not rejected) tickets, and a ticket
 * redone or resolved on the spot, then reopened and rejected, was counted above but not below (a
 * rate could pass 1). The statement trigger function (0012) is rebuilt with the new vector, and the
 * rows already summed lose such tickets. `ticketStatVector` and `rebuildTicketStatSql` here are
 * the current ones (the demo seed's bulk load uses them); 0008's and 0009's stay as they shipped.
 */
export const ticketStatVector = `
  select array[
    1,
    ((t.state = 'rejected') is true)::int,
    ((t.state in ('reported','accepted','assigned','inProgress')) is true)::int,
    ((t.state in ('closed','evaluated')) is true)::int,
    ((t.state in ('closed','evaluated') and t.result = 'onTime') is true)::int,
    ((t.evaluation is not null) is true)::int,
    ((t.evaluation = 'satisfied') is true)::int,
    ((t.evaluation = 'basically') is true)::int,
    ((t.self_resolved and t.state <> 'rejected') is true)::int,
    ((t.redo_count > 0 and t.state <> 'rejected') is true)::int,
    ((t.return_count > 0 and t.state <> 'rejected') is true)::int,
    ((t.state <> 'rejected' and t.dispatched_at is not null and t.dispatched_at <= t.accept_due_at) is true)::int,
    ((t.state in ('closed','evaluated') and t.handled_level = 'grid') is true)::int,
    ((t.state in ('closed','evaluated') and t.handled_level = 'village') is true)::int,
    ((t.state in ('closed','evaluated') and t.handled_level = 'township') is true)::int,
    ((t.state in ('closed','evaluated') and t.handled_level = 'county') is true)::int,
    ((t.state in ('closed','evaluated') and t.handled_level = 'department') is true)::int,
    case when t.state in ('closed','evaluated') then coalesce(t.workdays_to_close, 0) else 0 end,
    ((t.state in ('closed','evaluated') and t.workdays_to_close is not null) is true)::int
  ]`;

/** The statement trigger function of 0012, for a given vector (0022 merges its three statements into one). */
export function statementFunction(vectorSql: string): string {
  const vector = vectorSql.replace(/^\s*select\s+/, '');
  const sums = ticketStatColumns.map((c, i) => `sum(sign * v[${i + 1}]) as ${c}`).join(', ');
  const nonZero = ticketStatColumns.map((c) => `${c} <> 0`).join(' or ');
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
  return statementTriggerFunction(apply);
}

/**
 * The summaries' statement trigger function: `apply` gives the SQL that moves the changed tickets
 * (a query of rows with their sign: +1 in, −1 out) into the summaries.
 */
export function statementTriggerFunction(apply: (rowsSql: string) => string): string {
  return `
    create or replace function ticket_stat_apply_statement() returns trigger language plpgsql as $$
      begin
        if tg_op = 'INSERT' then
          ${apply('select 1 as sign, n.* from ticket_stat_new n')}
        elsif tg_op = 'DELETE' then
          ${apply('select -1 as sign, o.* from ticket_stat_old o')}
        else
          ${apply('select -1 as sign, o.* from ticket_stat_old o union all select 1 as sign, n.* from ticket_stat_new n')}
        end if;
        return null;
      end $$;`;
}

/** Moves the rejected tickets that were redone or self-resolved out of (sign −1) or back into (+1) the summaries. */
function moveRejected(sign: -1 | 1): string {
  const rows = (keys: string[]) => `
    select ${keys.join(', ')}, count(*) filter (where t.redo_count > 0)::int as redone,
      count(*) filter (where t.self_resolved)::int as self_resolved
    from ticket t where t.state = 'rejected' and (t.redo_count > 0 or t.self_resolved)
    group by ${keys.map((_, i) => i + 1).join(', ')}`;
  const set = `redone = s.redone + ${sign} * x.redone, self_resolved = s.self_resolved + ${sign} * x.self_resolved`;
  const day = `${dayOf('t')} as d`;
  return `
    update ticket_stat s set ${set}
    from (${rows([day, `${areaOf('t', 2)} as a`, 't.category_id as c'])}) x
    where s.day = x.d and s.area_path = x.a and s.category_id = x.c;
    update ticket_stat_month s set ${set}
    from (${rows([`date_trunc('month', ${dayOf('t')})::date as d`, `${areaOf('t', 2)} as a`, 't.category_id as c'])}) x
    where s.month = x.d and s.area_path = x.a and s.category_id = x.c;
    update ticket_stat_village s set ${set}
    from (${rows([day, `${areaOf('t', 3)} as a`])}) x
    where s.day = x.d and s.area_path = x.a;`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `${statementFunction(ticketStatVector)}\n${moveRejected(-1)}`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `${statementFunction(vector0008)}\n${moveRejected(1)}`);
}

/** Recomputes every summary (after a bulk load with the triggers disabled). */
export function rebuildTicketStatSql(): string {
  const sums = ticketStatColumns.map((_, i) => `sum(v[${i + 1}])`).join(', ');
  return `
    begin;
    delete from ticket_stat;
    delete from ticket_stat_month;
    delete from ticket_stat_village;
    create temporary table ticket_stat_rows on commit drop as
      select ${dayOf('t')} as d, ${areaOf('t', 3)} as a, t.category_id as c, (${ticketStatVector}) as v from ticket t;
    insert into ticket_stat (day, area_path, category_id, ${cols})
    select d, subpath(a, 0, least(nlevel(a), 2)), c, ${sums} from ticket_stat_rows group by 1, 2, 3;
    insert into ticket_stat_month (month, area_path, category_id, ${cols})
    select date_trunc('month', day)::date, area_path, category_id, ${ticketStatColumns.map((c) => `sum(${c})`).join(', ')}
    from ticket_stat group by 1, 2, 3;
    insert into ticket_stat_village (day, area_path, ${cols})
    select d, a, ${sums} from ticket_stat_rows group by 1, 2;
    commit`;
}
