import type { Kysely } from 'kysely';
import { runScript } from './script.ts';

/**
 * Subtree listings in their display order (level, code) without sorting the subtree per page.
 * A township holds ~5,000 units at county scale; sorting them for every page cost ~4 ms of the
 * 10 ms budget. These indexes hand the rows over already ordered and, with the columns the filters
 * read included, index-only: the page skips its offset inside the index and joins 50 rows.
 * - the county (or anything from the root): (level, code);
 * - a township: the same under its two-label path prefix, `subpath(path, 0, least(nlevel(path), 2))`
 *   (defined for the root too, so the index is not partial and ANALYZE keeps statistics on it).
 * Below a township a subtree is small (a village ~200 units); the GiST path index serves it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create index unit_listing_order on unit (level, code) include (id, status, kind, path);
    create index unit_township_listing_order on unit (subpath(path, 0, least(nlevel(path), 2)), level, code)
      include (id, status, kind, path);
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `drop index unit_township_listing_order; drop index unit_listing_order;`);
}
