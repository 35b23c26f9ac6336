/**
 * The batch loop of one run of an import, any kind: the file is streamed, the rows already
 * committed (a resume) are skipped, and the rest go in batches through the kind's handler.
 */
import type { Clock } from '../../lib/clock.ts';
import { todayOf } from '../units/units.service.ts';
import type { ImportKind, SourceRow } from './import-kind.ts';
import type { FileFormat } from './readers.ts';
import { readRows, refuse } from './readers.ts';

export const BATCH = 5000;
/** Checked batches that may wait for the writer (memory: ~8 MB each at BATCH rows). */
const AHEAD = 2;

interface Job {
  id: number;
  mode: 'insert' | 'upsert';
  format: FileFormat;
  file_path: string;
  header: string[];
  rows_read: number;
}

export async function runImport(
  kind: ImportKind,
  job: Job,
  ctx: { clock: Clock; scopePath: string; seal: (cells: string[]) => string; onBatch: () => Promise<void> },
): Promise<void> {
  const src = readRows(job.file_path, job.format);
  const handler = kind.begin({
    id: job.id,
    mode: job.mode,
    header: job.header,
    scopePath: ctx.scopePath,
    seal: ctx.seal,
    today: todayOf(ctx.clock),
    now: () => ctx.clock.now(),
  });
  let header = false;
  let rowNumber = 0;
  const alreadyDone = job.rows_read;
  let pending: SourceRow[] = [];
  // Batches in flight: while one is written, the next ones are read and checked, so the database's
  // work and the JavaScript's (parsing, validation, encryption) overlap. Up to AHEAD checked batches
  // wait behind the one being written, so a slow write (a GIN index's pending list being merged) does
  // not stop the reading. Writes stay in file order, one at a time: a batch commits only after the
  // one before it, so resuming stays exact.
  const queue: Promise<void>[] = [];
  let writing: Promise<void> = Promise.resolve();
  // What this runner expects the job's rows_read to be when its next batch commits.
  let committed = alreadyDone;
  const flush = async () => {
    if (pending.length === 0) return;
    const rows = pending;
    pending = [];
    const checked = await handler.check(rows);
    const batch = { ...checked, rowsRead: rows.length, rowsBefore: committed, bytesRead: src.bytesRead() };
    committed += rows.length;
    writing = writing.then(() => handler.write(batch)).then(ctx.onBatch);
    writing.catch(() => {}); // awaited below or at the end, where it throws
    queue.push(writing);
    if (queue.length > AHEAD) await queue.shift();
  };
  for await (const cells of src.rows) {
    if (!header) {
      header = true; // checked when the job was created; the kind maps the stored header
      continue;
    }
    rowNumber++;
    if (rowNumber <= alreadyDone) continue; // resumed: these rows were committed before
    pending.push({ rowNumber, cells });
    if (pending.length >= BATCH) await flush();
  }
  await flush();
  await writing;
  if (!header) throw refuse('noRows', 'The file has no header row');
}
