import type { Kysely } from 'kysely';
import { areaOf, cols, dayOf, ticketStatColumns } from './0008_ticket_stats.ts';
import { statementFunction, statementTriggerFunction, ticketStatVector } from './0019_ticket_stat_valid_tickets.ts';
import { runScript } from './script.ts';

/**
 * The summaries' statement trigger (0012, vector of 0019) in one statement instead of three: the
 * changed tickets are read and turned into their vectors once, and the three summary tables are
 * upserted by data-modifying CTEs of that statement. It ran on every ticket write: a third of the
 * database time of writing a group of reports went to it. Same rows, same sums; each table's keys
 * are still locked in key order.
 */
export function oneStatementFunction(vectorSql: string): string {
  const vector = vectorSql.replace(/^\s*select\s+/, '');
  const sums = ticketStatColumns.map((c, i) => `sum(sign * v[${i + 1}]) as ${c}`).join(', ');
  const nonZero = ticketStatColumns.map((c) => `${c} <> 0`).join(' or ');
  const upsert = (table: string, key: string, keyCols: string) => `
    insert into ${table} (${key}, ${cols})
    select ${keyCols}, ${cols} from (select ${keyCols}, ${sums} from x group by ${keyCols}) g
    where ${nonZero}
    order by ${keyCols}
    on conflict (${key}) do update set ${ticketStatColumns.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ')}`;
  const apply = (rowsSql: string) => `
    with t as (${rowsSql}),
    x as materialized (
      select t.sign, ${dayOf('t')} as d, date_trunc('month', ${dayOf('t')})::date as m,
             ${areaOf('t', 2)} as a2, ${areaOf('t', 3)} as a3, t.category_id as c, ${vector} as v
      from t
    ),
    by_day as (${upsert('ticket_stat', 'day, area_path, category_id', 'd, a2, c')}),
    by_month as (${upsert('ticket_stat_month', 'month, area_path, category_id', 'm, a2, c')})
    ${upsert('ticket_stat_village', 'day, area_path', 'd, a3')};`;
  return statementTriggerFunction(apply);
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, oneStatementFunction(ticketStatVector));
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, statementFunction(ticketStatVector));
}
