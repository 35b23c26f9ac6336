import { sql, type Kysely } from 'kysely';

/** Extensions every later module relies on: ltree for the unit tree, pg_trgm for CJK name search. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists ltree with schema public`.execute(db);
  await sql`create extension if not exists pg_trgm with schema public`.execute(db);
}

export async function down(): Promise<void> {
  // Extensions stay: other databases objects may depend on them.
}
