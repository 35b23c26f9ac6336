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
  // Two batches in flight: while one is written, the next is read and checked, so the database's
  // work and the JavaScript's (parsing, validation, encryption) overlap. Writes stay in file order,
  // one at a time: a batch commits only after the one before it, so resuming stays exact.
  let writing: Promise<void> | null = null;
  // What this runner expects the job's rows_read to be when its next batch commits.
  let committed = alreadyDone;
  const flush = async () => {
    if (pending.length === 0) return;
    const rows = pending;
    pending = [];
    const checked = await handler.check(rows);
    if (writing) await writing;
    const batch = { ...checked, rowsRead: rows.length, rowsBefore: committed, bytesRead: src.bytesRead() };
    committed += rows.length;
    writing = handler.write(batch).then(ctx.onBatch);
    writing.catch(() => {}); // awaited before the next batch or at the end, where it throws
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
  if (writing) await writing;
  if (!header) throw refuse('noRows', 'The file has no header row');
}
