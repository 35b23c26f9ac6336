import type { Kysely } from 'kysely';
import { runScript } from './script.ts';

/**
 * The identity document a person is registered with (lib/id-documents.ts): the resident ID for
 * everyone until now; people from outside the mainland may also hold a residence permit, a foreign
 * permanent residence ID, a passport or a travel permit. The blind index of a passport or travel
 * permit number includes its type (such numbers are not unique across documents).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    alter table person add column id_type text not null default 'residentId'
      check (id_type in ('residentId', 'residencePermit', 'foreignPermanentId', 'passport', 'travelPermit'));
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `alter table person drop column id_type;`);
}
