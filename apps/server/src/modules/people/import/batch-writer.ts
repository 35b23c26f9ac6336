/**
 * Writes one batch of checked rows in one transaction, together with the rejections and the job's
 * counters, so a crash leaves the database consistent and the job resumes after the last batch.
 * Insert mode skips ID numbers already registered; upsert mode updates them, but only inside the
 * importer's area (a person registered elsewhere is rejected, never silently moved).
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '../../../db/types.ts';
import type { PersonRow } from '../person-rules.ts';

export interface GoodRow {
  rowNumber: number;
  cells: string[];
  row: PersonRow & { unit_id: number; household_id: number | null };
}
export interface BadRow {
  rowNumber: number;
  cells: string[];
  reasons: { column: string; message: string }[];
}

const updatable = [
  'unit_id',
  'household_id',
  'relation_to_head',
  'name',
  'name_grams',
  'address_grams',
  'sex',
  'birth_date',
  'ethnicity',
  'id_number_enc',
  'id_number_masked',
  'phone_enc',
  'phone_bidx',
  'phone_masked',
  'residence_type',
  'education',
  'occupation',
  'flags',
  'address',
  'updated_at',
] as const;

export async function writeBatch(
  tx: Transaction<Database>,
  job: { id: number; mode: 'insert' | 'upsert'; scopePath: string },
  good: GoodRow[],
  bad: BadRow[],
  now: Date,
): Promise<{ inserted: number; updated: number; rejected: number }> {
  let inserted = 0;
  let updated = 0;
  const rejections = [...bad];
  if (good.length) {
    const values = good.map((g) => ({ ...g.row, created_at: now, updated_at: now }));
    const written = new Set<string>();
    if (job.mode === 'insert') {
      const res = await tx
        .insertInto('person')
        .values(values)
        .onConflict((oc) => oc.column('id_number_bidx').doNothing())
        .returning('id_number_bidx')
        .execute();
      for (const r of res) written.add(r.id_number_bidx);
      inserted = res.length;
    } else {
      const res = await tx
        .insertInto('person')
        .values(values)
        .onConflict((oc) =>
          oc
            .column('id_number_bidx')
            .doUpdateSet((eb) => ({
              ...Object.fromEntries(updatable.map((c) => [c, eb.ref(`excluded.${c}`)])),
              version: sql`person.version + 1`,
            }))
            .where(sql<boolean>`exists (select 1 from unit u where u.id = person.unit_id and u.path <@ ${job.scopePath}::ltree)`),
        )
        .returning(['id_number_bidx', sql<boolean>`(xmax = 0)`.as('inserted')])
        .execute();
      for (const r of res) {
        written.add(r.id_number_bidx);
        if (r.inserted) inserted++;
        else updated++;
      }
    }
    for (const g of good) {
      if (written.has(g.row.id_number_bidx)) continue;
      rejections.push({
        rowNumber: g.rowNumber,
        cells: g.cells,
        reasons: [
          {
            column: '公民身份号码',
            message: job.mode === 'insert' ? '此人已登记（如需更新，请选择“新增或更新”方式）' : '此人已在其他区域登记，无权更新',
          },
        ],
      });
    }
  }
  if (rejections.length) {
    await tx
      .insertInto('import_rejection')
      .values(
        rejections.map((r) => ({
          import_id: job.id,
          row_number: r.rowNumber,
          row_data: JSON.stringify(r.cells),
          reasons: JSON.stringify(r.reasons),
        })),
      )
      .onConflict((oc) => oc.columns(['import_id', 'row_number']).doNothing())
      .execute();
  }
  return { inserted, updated, rejected: rejections.length };
}
