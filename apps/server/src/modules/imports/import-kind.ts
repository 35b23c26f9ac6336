/**
 * What one kind of import (people, houses) brings to the shared machinery: its columns and
 * template, its audit actions, and per run a batch handler that checks rows and writes a checked
 * batch. The machinery (import.service.ts) does the rest: upload checks, the job, batches in file
 * order, progress, resume, the error report and its retention.
 */
import type { ImportKindName } from '@wangge/contracts';
import type { Column } from './columns.ts';

export interface SourceRow {
  /** 1 for the first row under the header. */
  rowNumber: number;
  cells: string[];
}
export interface BadRow extends SourceRow {
  reasons: { column: string; message: string }[];
}
export interface CheckedRows<G> {
  good: G[];
  bad: BadRow[];
}
export interface CheckedBatch<G> extends CheckedRows<G> {
  /** Rows of the file in this batch (good + bad). */
  rowsRead: number;
  /** Rows of the file committed before this batch (the job's rows_read as this runner expects it). */
  rowsBefore: number;
  /** How far into the file the reader was after this batch (for progress). */
  bytesRead: number;
}
export interface BatchCounts {
  inserted: number;
  updated: number;
  rejected: number;
}

/** One run of one job, as a batch handler sees it. */
export interface ImportRun {
  id: number;
  mode: 'insert' | 'upsert';
  /** The file's header row. */
  header: string[];
  /** Path of the unit the import is for: every row must lie in its subtree. */
  scopePath: string;
  /** Encrypts a rejected row's cells for `import_rejection` (people's hold ID numbers and phones). */
  seal: (cells: string[]) => string;
  today: string;
  now: () => Date;
}

/**
 * Checks and writes the batches of one run, in file order; may keep caches (units, buildings)
 * from batch to batch. `check` of the next batch overlaps `write` of the one before; writes never
 * overlap. `write` commits the batch with the job's counters (batch-commit.ts) in one transaction.
 */
export interface BatchHandler<G> {
  check(rows: SourceRow[]): Promise<CheckedRows<G>>;
  write(batch: CheckedBatch<G>): Promise<BatchCounts>;
}

export interface ImportKind<G = unknown> {
  /** `import_job.kind`, the job's name (`<name>.import`) and the CLI's `wangge import <name>`. */
  name: ImportKindName;
  /** Audit actions `<audit>.start`, `.resume`, `.errors`. */
  audit: string;
  columns: readonly Column[];
  template: {
    /** File name of the download, without extension. */
    fileName: string;
    sheet: string;
    /** Rows of the 填写说明 sheet: column, required, explanation. */
    notes: [string, string, string][];
  };
  begin(run: ImportRun): BatchHandler<G>;
}
