import type { Kysely } from 'kysely';
import { runScript } from './script.ts';

/**
 * Area and time in one index. A village's tickets lie scattered over the whole table (one heap page
 * each), so "this village, this month" read through the path index alone visited every ticket the
 * village ever had; with (unit_path, received_at) in one GiST (btree_gist for the timestamp) both
 * conditions narrow the scan. It replaces the path-only index, which it serves as well.
 * "To evaluate" counts by area become index-only: (closed_at, unit_path).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create extension if not exists btree_gist with schema public;
    drop index ticket_unit_path_gist;
    create index ticket_unit_path_gist on ticket using gist (unit_path, received_at);
    drop index ticket_to_evaluate_idx;
    create index ticket_to_evaluate_idx on ticket (closed_at, unit_path) where state = 'closed' and evaluation is null;
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    drop index ticket_unit_path_gist;
    create index ticket_unit_path_gist on ticket using gist (unit_path);
    drop index ticket_to_evaluate_idx;
    create index ticket_to_evaluate_idx on ticket (closed_at) where state = 'closed' and evaluation is null;
  `,
  );
}
