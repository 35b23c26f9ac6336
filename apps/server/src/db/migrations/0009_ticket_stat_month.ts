import { sql, type Kysely } from 'kysely';
import { areaOf, cols, dayOf, ticketStatColumns, ticketStatVector } from './0008_ticket_stats.ts';
import { runScript } from './script.ts';

/**
 * ticket_stat_month: the per-township-and-category summary by month as well as by day, so a year at
 * the county reads twelve months of rows plus the days at the edges (stat-summary.ts) instead of
 * 365 days. Kept by the same trigger function, filled from ticket_stat for existing data.
 */
const values = ticketStatColumns.map((_, i) => `sign * v[${i + 1}]`).join(', ');
const upsert = (table: string, key: string) =>
  `on conflict (${key}) do update set ${ticketStatColumns.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ')}`;

const addFunction = (withMonth: boolean) => `
  create or replace function ticket_stat_add(t ticket, sign int) returns void language plpgsql as $$
    declare v int[];
    begin
      ${ticketStatVector.replace('select array', 'v := array')};
      insert into ticket_stat (day, area_path, category_id, ${cols})
      values (${dayOf('t')}, ${areaOf('t', 2)}, t.category_id, ${values})
      ${upsert('ticket_stat', 'day, area_path, category_id')};
      ${
        withMonth
          ? `insert into ticket_stat_month (month, area_path, category_id, ${cols})
      values (date_trunc('month', ${dayOf('t')})::date, ${areaOf('t', 2)}, t.category_id, ${values})
      ${upsert('ticket_stat_month', 'month, area_path, category_id')};`
          : ''
      }
      insert into ticket_stat_village (day, area_path, ${cols})
      values (${dayOf('t')}, ${areaOf('t', 3)}, ${values})
      ${upsert('ticket_stat_village', 'day, area_path')};
    end $$;`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table ticket_stat_month (
      month date not null,
      area_path ltree not null,
      category_id int not null,
      ${ticketStatColumns.map((c) => `${c} int not null default 0`).join(',\n      ')},
      primary key (month, area_path, category_id)
    );
    create index ticket_stat_month_area_gist on ticket_stat_month using gist (area_path);
    ${addFunction(true)}
    insert into ticket_stat_month (month, area_path, category_id, ${cols})
    select date_trunc('month', day)::date, area_path, category_id, ${ticketStatColumns.map((c) => `sum(${c})`).join(', ')}
    from ticket_stat group by 1, 2, 3;
  `,
  );
}

/** Recomputes every summary (after a bulk load with the trigger disabled). */
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

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, addFunction(false));
  await sql`drop table ticket_stat_month`.execute(db);
}
