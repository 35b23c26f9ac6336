/**
 * The end of every batch's transaction, whatever is imported: the batch's rejected rows (sealed)
 * and the job's counters. The counters move on only from where the runner found them, so two
 * runners of one import (a resume while the first still lived) never both write a batch.
 */
import type { RawClient } from '../../db/client.ts';
import type { BadRow, BatchCounts, CheckedBatch } from './import-kind.ts';

/** Another runner committed a batch of this import since this one read its counters: this one stops. */
export class ImportTakenOver extends Error {
  constructor(importId: number) {
    super(`Import ${importId} was taken over by another runner`);
    this.name = 'ImportTakenOver';
  }
}

export async function commitBatch(
  c: RawClient,
  job: { id: number; seal: (cells: string[]) => string },
  batch: Omit<CheckedBatch<unknown>, 'good' | 'bad'>,
  rejections: BadRow[],
  counts: BatchCounts,
  now: Date,
): Promise<void> {
  // The batch's commit need not wait for its WAL to reach the disk: the counters commit with the
  // rows, so a crash that loses the last batches loses their counters too, and the resume reads
  // those rows again. The job's final state is committed the ordinary (durable) way.
  await c.query('set local synchronous_commit = off');
  if (rejections.length)
    await c.query(
      `insert into import_rejection (import_id, row_number, row_data_enc, reasons)
       select $1, r.row_number, r.row_data_enc, r.reasons
       from jsonb_to_recordset($2::jsonb) as r(row_number int, row_data_enc text, reasons jsonb)
       on conflict (import_id, row_number) do nothing`,
      [
        job.id,
        JSON.stringify(rejections.map((r) => ({ row_number: r.rowNumber, row_data_enc: job.seal(r.cells), reasons: r.reasons }))),
      ],
    );
  // Should a second runner have committed meanwhile, this batch rolls back and its runner stops.
  const moved = await c.query(
    `update import_job set rows_read = rows_read + $2, inserted = inserted + $3, updated = updated + $4,
       rejected = rejected + $5, bytes_read = $6, updated_at = $7 where id = $1 and rows_read = $8 returning id`,
    [job.id, batch.rowsRead, counts.inserted, counts.updated, counts.rejected, batch.bytesRead, now, batch.rowsBefore],
  );
  if (moved.rows.length !== 1) throw new ImportTakenOver(job.id);
}
