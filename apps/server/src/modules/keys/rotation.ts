/**
 * `wangge keys rotate`: a new current key, then every encrypted column re-encrypted under it, in
 * batches. Values under older keys stay readable throughout, so the server can keep running.
 * The blind-index key does not rotate (it would change every lookup digest).
 */
import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { FieldCrypto } from '../../lib/field-crypto.ts';

/** Every encrypted column: add new ones here (the people module adds ID numbers). */
export const encryptedColumns = [
  { table: 'staff', column: 'phone_enc' },
  { table: 'user_account', column: 'totp_secret_enc' },
  { table: 'person', column: 'id_number_enc' },
  { table: 'person', column: 'phone_enc' },
  { table: 'organization', column: 'contact_phone_enc' },
] as const;

export async function reencryptAll(db: Db, crypto: FieldCrypto, batch = 1000): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const { table, column } of encryptedColumns) {
    let done = 0;
    for (;;) {
      const rows = await sql<{ id: number; v: string }>`
        select id, ${sql.ref(column)} as v from ${sql.table(table)}
        where ${sql.ref(column)} is not null and ${sql.ref(column)} not like ${`${crypto.currentKeyId}:%`}
        order by id limit ${batch}`.execute(db.db);
      if (rows.rows.length === 0) break;
      await db.db.transaction().execute(async (tx) => {
        for (const r of rows.rows) {
          await sql`update ${sql.table(table)} set ${sql.ref(column)} = ${crypto.encrypt(crypto.decrypt(r.v))} where id = ${r.id}`.execute(
            tx,
          );
        }
      });
      done += rows.rows.length;
    }
    counts[`${table}.${column}`] = done;
  }
  return counts;
}
