import type { Kysely } from 'kysely';
import { runScript } from './script.ts';

/**
 * The houses import finds a row's building by its unit and name (a registered building is reused,
 * never duplicated). Without an index on the name, each lookup read all of the unit's buildings:
 * the import of seed 004's 284,329 houses slowed from 14,000 to 5,000 rows/s as the grids filled,
 * and an upsert of the same file ran at 3,000 rows/s. The index on (unit_id, name) also serves the
 * lookups by unit alone that `building_unit` served, so it takes its place.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create index building_unit_name on building (unit_id, name);
    drop index building_unit;
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create index building_unit on building (unit_id);
    drop index building_unit_name;
  `,
  );
}
