import type { Kysely } from 'kysely';
import { runScript } from './script.ts';

/**
 * Two of `person`'s indexes held an entry for every person although most people have nothing to
 * find there: an imported person has no household yet (`household_id` null) and most people carry
 * no flag (`flags` '{}', which GIN still indexes as an "empty item"). Both become partial, so a
 * person is indexed only where a query can look for them. COPY of 608,096 imported people (all
 * indexes, 4 GB shared buffers): 18.7–19.7 s before, 14.4–16.2 s after (docs/PERFORMANCE.md).
 * A lookup by household (`household_id = $1`) implies `is not null`, so the planner uses the
 * partial index as is; the flag filter says `flags <> '{}'` beside its `@>` (people.repo.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    drop index person_household;
    create index person_household on person (household_id) where household_id is not null;
    drop index person_flags;
    create index person_flags on person using gin (flags) where flags <> '{}';
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    drop index person_household;
    create index person_household on person (household_id);
    drop index person_flags;
    create index person_flags on person using gin (flags);
  `,
  );
}
