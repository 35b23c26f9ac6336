import type { Kysely } from 'kysely';
import { runScript } from './script.ts';

/**
 * Addresses are searched by their bigrams only (lib/grams.ts): the single characters go from each
 * person's `address_grams`, which halves the entries the GIN index writes per person (an address
 * had ~27 grams, now ~14). One-character address queries are answered by LIKE alone.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    update person set address_grams = array(select g from unnest(address_grams) g where char_length(g) > 1)
    where exists (select 1 from unnest(address_grams) g where char_length(g) = 1);
  `,
  );
}

/** Puts the single characters back (the same rule as lib/grams.ts: no spaces, punctuation or symbols). */
export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    update person set address_grams = array(
      select distinct c from regexp_split_to_table(lower(address), '') c where c !~ '^[[:space:][:punct:]]+$'
      union select g from unnest(address_grams) g
    ) where address is not null;
  `,
  );
}
