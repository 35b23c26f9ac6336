import type { Kysely } from 'kysely';
import { runScript } from './script.ts';

/**
 * People imports no longer stage their rows: a batch is COPYed straight into `person` (or inserted
 * from JSON when it must resolve conflicts), in the transaction that also records its rejections
 * and the job's counters (people/import/batch-writer.ts). The staging table goes.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await runScript(db, `drop table person_import_stage;`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await runScript(
    db,
    `
    create table person_import_stage (
      import_id int not null,
      row_number int not null,
      unit_id int not null,
      household_id int,
      relation_to_head text,
      name text not null,
      name_grams text[] not null,
      address_grams text[] not null,
      sex text not null,
      birth_date date not null,
      ethnicity text,
      id_number_enc text not null,
      id_number_bidx text not null,
      id_number_masked text not null,
      phone_enc text,
      phone_bidx text,
      phone_masked text,
      residence_type text not null,
      education text,
      occupation text,
      flags text[] not null,
      address text,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      primary key (import_id, row_number)
    );
  `,
  );
}
