import type { Kysely } from 'kysely';
import { runScript } from './script.ts';

/**
 * Possible duplicates of a new report are the open tickets of its category within a radius (100 to
 * 500 m) received in the last days. Without a spatial index the lookup read every ticket of the
 * category in the window and measured each distance: 324 rows and 313 heap pages for one report on
 * the demo county at scale 0.1 (1.4 ms), ten times that at county scale. A GiST index on the point
 * of the open tickets lets the lookup ask for the radius's bounding box first: one or two rows.
 * The states are those `intake.repo.ts` looks for; a closed ticket leaves the index.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create index ticket_open_point_gist on ticket using gist (point(lng, lat))
      where lat is not null and lng is not null
        and state in ('reported','accepted','assigned','inProgress','resolved','verified');
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `drop index ticket_open_point_gist;`);
}
