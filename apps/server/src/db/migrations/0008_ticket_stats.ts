import { sql, type Kysely } from 'kysely';
import { runScript } from './script.ts';

/**
 * Ticket summaries kept current by a trigger on ticket, per day of receipt (China time):
 * - ticket_stat: per township and category (county and township views, by category, day, month);
 * - ticket_stat_village: per village, all categories (a township's villages).
 * The command center and statistics read counties and townships from here instead of scanning the
 * ticket table; villages and grids are small enough to read from tickets directly. A ticket placed
 * above the level keeps its own (shorter) path as its area.
 * Each row holds the ticket's contribution as counts; an update moves the old contribution out and
 * the new one in, and does nothing when neither changed (light and sweep bookkeeping).
 * Time-dependent figures (late now, due) are read live from the open tickets.
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
    ((t.self_resolved) is true)::int,
    ((t.redo_count > 0) is true)::int,
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

export const ticketStatColumns = [
  'received',
  'rejected',
  'open',
  'closed',
  'closed_on_time',
  'evaluated',
  'satisfied',
  'basically',
  'self_resolved',
  'redone',
  'returned',
  'responded',
  'lvl_grid',
  'lvl_village',
  'lvl_township',
  'lvl_county',
  'lvl_department',
  'wd_close_sum',
  'wd_close_n',
] as const;

export const cols = ticketStatColumns.join(', ');
export const dayOf = (t: string) => `((${t}.received_at at time zone 'UTC') + interval '8 hours')::date`;
export const areaOf = (t: string, depth: number) => `subpath(${t}.unit_path, 0, least(nlevel(${t}.unit_path), ${depth}))`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table ticket_stat (
      day date not null,
      area_path ltree not null,
      category_id int not null,
      ${ticketStatColumns.map((c) => `${c} int not null default 0`).join(',\n      ')},
      primary key (day, area_path, category_id)
    );
    create index ticket_stat_area_gist on ticket_stat using gist (area_path);
    create table ticket_stat_village (
      day date not null,
      area_path ltree not null,
      ${ticketStatColumns.map((c) => `${c} int not null default 0`).join(',\n      ')},
      primary key (day, area_path)
    );
    create index ticket_stat_village_area_gist on ticket_stat_village using gist (area_path);
    create index ticket_open_path_gist on ticket using gist (unit_path) where state in ('reported','accepted','assigned','inProgress');
    -- The inbox's "to verify" and "to evaluate" boxes: few tickets, found by area.
    create index ticket_to_verify_gist on ticket using gist (unit_path) where state in ('resolved','verified');
    create index ticket_to_evaluate_idx on ticket (closed_at) where state = 'closed' and evaluation is null;

    create function ticket_stat_add(t ticket, sign int) returns void language plpgsql as $$
      declare v int[];
      begin
        ${ticketStatVector.replace('select array', 'v := array')};
        insert into ticket_stat (day, area_path, category_id, ${cols})
        values (${dayOf('t')}, ${areaOf('t', 2)}, t.category_id, ${ticketStatColumns.map((_, i) => `sign * v[${i + 1}]`).join(', ')})
        on conflict (day, area_path, category_id) do update set
          ${ticketStatColumns.map((c) => `${c} = ticket_stat.${c} + excluded.${c}`).join(',\n          ')};
        insert into ticket_stat_village (day, area_path, ${cols})
        values (${dayOf('t')}, ${areaOf('t', 3)}, ${ticketStatColumns.map((_, i) => `sign * v[${i + 1}]`).join(', ')})
        on conflict (day, area_path) do update set
          ${ticketStatColumns.map((c) => `${c} = ticket_stat_village.${c} + excluded.${c}`).join(',\n          ')};
      end $$;

    create function ticket_stat_apply() returns trigger language plpgsql as $$
      begin
        if tg_op = 'UPDATE' then
          if OLD.state = NEW.state and OLD.result is not distinct from NEW.result
             and OLD.evaluation is not distinct from NEW.evaluation and OLD.self_resolved = NEW.self_resolved
             and OLD.redo_count = NEW.redo_count and OLD.return_count = NEW.return_count
             and OLD.dispatched_at is not distinct from NEW.dispatched_at and OLD.accept_due_at = NEW.accept_due_at
             and OLD.handled_level is not distinct from NEW.handled_level
             and OLD.workdays_to_close is not distinct from NEW.workdays_to_close
             and OLD.category_id = NEW.category_id and OLD.unit_path = NEW.unit_path and OLD.received_at = NEW.received_at then
            return null;
          end if;
        end if;
        if tg_op in ('UPDATE', 'DELETE') then perform ticket_stat_add(OLD, -1); end if;
        if tg_op in ('UPDATE', 'INSERT') then perform ticket_stat_add(NEW, 1); end if;
        return null;
      end $$;
    create trigger ticket_stat_trg after insert or update or delete on ticket for each row execute function ticket_stat_apply();
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger ticket_stat_trg on ticket`.execute(db);
  await sql`drop function ticket_stat_apply, ticket_stat_add`.execute(db);
  await sql`drop index ticket_open_path_gist, ticket_to_verify_gist, ticket_to_evaluate_idx`.execute(db);
  await sql`drop table ticket_stat, ticket_stat_village`.execute(db);
}
