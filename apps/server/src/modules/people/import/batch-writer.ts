/**
 * Writes one checked batch: its people, its rejections and the job's counters, in one transaction,
 * so a crash leaves the database consistent and the job resumes after the last committed batch.
 * - Insert mode, the fast path: the ID numbers already registered are looked up (blind index), the
 *   rest are COPYed straight into `person` (COPY writes rows several times faster than INSERT … SELECT).
 *   Should another writer register one of them in between, the unique index refuses the COPY, the
 *   transaction rolls back and the batch is written again the careful way.
 * - Insert mode, the careful way, and upsert mode: one INSERT … ON CONFLICT over the batch as JSON.
 *   Upsert updates a registered person only inside the importer's area (a person registered
 *   elsewhere is rejected, never silently moved).
 * Raw SQL on one connection (`db.raw.transaction`): a Kysely transaction cannot COPY.
 */
import type { Db, RawClient } from '../../../db/client.ts';
import { csvLine } from '../../../db/copy.ts';
import { commitBatch } from '../../imports/batch-commit.ts';
import type { BadRow, BatchCounts, CheckedBatch as GenericCheckedBatch } from '../../imports/import-kind.ts';
import type { PersonRow } from '../person-rules.ts';

export interface GoodRow {
  rowNumber: number;
  cells: string[];
  row: PersonRow & { unit_id: number; household_id: number | null };
  /** The row as a line of COPY's CSV (`personLine`), built while the batch is checked. */
  line: string;
}
export type { BadRow, BatchCounts };
export type CheckedBatch = GenericCheckedBatch<GoodRow>;
interface Job {
  id: number;
  mode: 'insert' | 'upsert';
  scopePath: string;
  /** Encrypts a rejected row's cells (they hold ID numbers and phones) for `import_rejection`. */
  seal: (cells: string[]) => string;
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
  'id_type',
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
const list = columns.join(', ');
const updatable = columns.filter((c) => c !== 'id_number_bidx' && c !== 'created_at');
const UNIQUE_VIOLATION = '23505';

const rowOf = (row: GoodRow['row'], now: Date): Record<string, unknown> => ({ ...row, created_at: now, updated_at: now });

const rowColumns = columns.filter((c) => c !== 'created_at' && c !== 'updated_at');

/** The last two cells of every line of a batch (created_at, updated_at): formatted once per batch. */
export const timestampCells = (now: Date): string => `,"${now.toISOString()}","${now.toISOString()}"`;

/** A person's row as a line of COPY's CSV, in `columns` order (built off the write path). */
export const personLine = (row: GoodRow['row'], stamps: string): string => csvLine(row, rowColumns) + stamps;

/** Insert mode's fast path: the ID numbers written (those not registered before). */
async function copyFresh(c: RawClient, good: GoodRow[]): Promise<Set<string>> {
  const registered = await c.query<{ b: string }>(
    `select id_number_bidx as b from person where id_number_bidx = any($1::text[])`,
    [good.map((g) => g.row.id_number_bidx)],
  );
  const taken = new Set(registered.rows.map((r) => r.b));
  const fresh = good.filter((g) => !taken.has(g.row.id_number_bidx));
  if (fresh.length) await c.copyCsv('person', columns, `${fresh.map((g) => g.line).join('\n')}\n`);
  return new Set(fresh.map((g) => g.row.id_number_bidx));
}

/** The careful way (and upsert): the ID numbers written, and which of them were new. */
async function insertOrUpdate(c: RawClient, job: Job, good: GoodRow[], now: Date): Promise<Map<string, boolean>> {
  const from = `select ${list} from jsonb_populate_recordset(null::person, $1::jsonb)`;
  const json = JSON.stringify(good.map((g) => rowOf(g.row, now)));
  const res =
    job.mode === 'insert'
      ? await c.query<{ b: string; inserted: boolean }>(
          `insert into person (${list}) ${from} on conflict (id_number_bidx) do nothing returning id_number_bidx as b, true as inserted`,
          [json],
        )
      : await c.query<{ b: string; inserted: boolean }>(
          `insert into person (${list}) ${from}
           on conflict (id_number_bidx) do update set ${updatable.map((col) => `${col} = excluded.${col}`).join(', ')},
             version = person.version + 1
           where exists (select 1 from unit u where u.id = person.unit_id and u.path <@ $2::ltree)
           returning id_number_bidx as b, (xmax = 0) as inserted`,
          [json, job.scopePath],
        );
  return new Map(res.rows.map((r) => [r.b, r.inserted]));
}

async function write(db: Db, job: Job, batch: CheckedBatch, now: Date, careful: boolean): Promise<BatchCounts> {
  return db.raw.transaction(async (c) => {
    const { good } = batch;
    let written = new Map<string, boolean>();
    if (good.length && job.mode === 'insert' && !careful)
      written = new Map([...(await copyFresh(c, good))].map((b) => [b, true]));
    else if (good.length) written = await insertOrUpdate(c, job, good, now);
    const rejections = [...batch.bad];
    const unclaimed = new Set(written.keys()); // each ID number written once, for the first row holding it
    for (const g of good) {
      if (unclaimed.delete(g.row.id_number_bidx)) continue;
      const message = job.mode === 'insert' ? '此人已登记（如需更新，请选择“新增或更新”方式）' : '此人已在其他区域登记，无权更新';
      rejections.push({ rowNumber: g.rowNumber, cells: g.cells, reasons: [{ column: '公民身份号码', message }] });
    }
    let inserted = 0;
    for (const isNew of written.values()) if (isNew) inserted++;
    const counts = { inserted, updated: written.size - inserted, rejected: rejections.length };
    await commitBatch(c, job, batch, rejections, counts, now);
    return counts;
  });
}

export async function writeBatch(db: Db, job: Job, batch: CheckedBatch, now: Date): Promise<BatchCounts> {
  try {
    return await write(db, job, batch, now, false);
  } catch (err) {
    // Someone registered one of these ID numbers between the lookup and the COPY: go row by row.
    if ((err as { code?: string }).code === UNIQUE_VIOLATION && job.mode === 'insert') return write(db, job, batch, now, true);
    throw err;
  }
}
