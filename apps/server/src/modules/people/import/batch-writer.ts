/**
 * Writes one batch of checked rows. The rows are COPYed into person_import_stage first (COPY is
 * an order of magnitude faster than a parameterised multi-row INSERT), then, in one transaction,
 * moved into person together with the rejections and the job's counters; so a crash leaves the
 * database consistent and the job resumes after the last committed batch (stale staged rows of an
 * unfinished batch are cleared before it is staged again).
 * Insert mode skips ID numbers already registered; upsert mode updates them, but only inside the
 * importer's area (a person registered elsewhere is rejected, never silently moved).
 */
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../../db/client.ts';
import { copyRows } from '../../../db/copy.ts';
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

const columns = [
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
  'id_number_bidx',
  'id_number_masked',
  'phone_enc',
  'phone_bidx',
  'phone_masked',
  'residence_type',
  'education',
  'occupation',
  'flags',
  'address',
  'created_at',
  'updated_at',
] as const;
const updatable = columns.filter((c) => c !== 'id_number_bidx' && c !== 'created_at');

/** Stage the good rows (outside the transaction: COPY needs its own connection). */
export async function stageRows(db: Db, importId: number, good: GoodRow[], now: Date): Promise<void> {
  if (good.length === 0) return;
  await db.db.deleteFrom('person_import_stage').where('import_id', '=', importId).execute();
  await copyRows(
    db,
    'person_import_stage',
    good.map((g) => {
      const r: Record<string, unknown> = { import_id: importId, row_number: g.rowNumber };
      for (const c of columns) r[c] = c === 'created_at' || c === 'updated_at' ? now : g.row[c];
      return r;
    }),
  );
}

export async function writeBatch(
  tx: Transaction<Database>,
  job: { id: number; mode: 'insert' | 'upsert'; scopePath: string },
  good: GoodRow[],
  bad: BadRow[],
): Promise<{ inserted: number; updated: number; rejected: number }> {
  let inserted = 0;
  let updated = 0;
  const rejections = [...bad];
  if (good.length) {
    const cols = sql.join(columns.map((c) => sql.ref(c)));
    const from = sql`select ${cols} from person_import_stage where import_id = ${job.id} order by row_number`;
    const res =
      job.mode === 'insert'
        ? await sql<{ id_number_bidx: string; inserted: boolean }>`
            insert into person (${cols}) ${from}
            on conflict (id_number_bidx) do nothing
            returning id_number_bidx, true as inserted`.execute(tx)
        : await sql<{ id_number_bidx: string; inserted: boolean }>`
            insert into person (${cols}) ${from}
            on conflict (id_number_bidx) do update set
              ${sql.join(updatable.map((c) => sql`${sql.ref(c)} = excluded.${sql.ref(c)}`))},
              version = person.version + 1
            where exists (select 1 from unit u where u.id = person.unit_id and u.path <@ ${job.scopePath}::ltree)
            returning id_number_bidx, (xmax = 0) as inserted`.execute(tx);
    const written = new Set<string>();
    for (const r of res.rows) {
      written.add(r.id_number_bidx);
      if (r.inserted) inserted++;
      else updated++;
    }
    await tx.deleteFrom('person_import_stage').where('import_id', '=', job.id).execute();
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
