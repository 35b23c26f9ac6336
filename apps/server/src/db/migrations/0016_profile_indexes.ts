import type { Kysely } from 'kysely';
import { runScript } from './script.ts';

/**
 * What a person's profile asks: their tickets (`GET /api/v1/tickets?personId=`) through a GIN index
 * over the people a ticket names, only for the tickets that name anyone (the many reports that name
 * no one cost intake nothing here); and the rentals they are in, as landlord or as tenant.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create index ticket_person_ids_idx on ticket using gin (person_ids) where person_ids <> '{}';
    create index rental_landlord on rental (landlord_person_id);
    create index rental_tenant_person on rental_tenant (person_id);
  `,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `drop index ticket_person_ids_idx; drop index rental_landlord; drop index rental_tenant_person;`);
}
