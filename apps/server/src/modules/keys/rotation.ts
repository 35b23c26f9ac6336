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
  { table: 'ticket', column: 'reporter_phone_enc' },
  { table: 'import_rejection', column: 'row_data_enc' },
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
      // One statement per batch: a county's 600,000 people re-encrypt in minutes, not hours.
      const ids = rows.rows.map((r) => r.id);
      const values = rows.rows.map((r) => crypto.encrypt(crypto.decrypt(r.v)));
      await sql`
        update ${sql.table(table)} as x set ${sql.ref(column)} = v.val
        from unnest(${sql.val(ids)}::int[], ${sql.val(values)}::text[]) as v(id, val)
        where x.id = v.id`.execute(db.db);
      done += rows.rows.length;
    }
    counts[`${table}.${column}`] = done;
  }
  return counts;
}
