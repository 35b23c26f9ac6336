/**
 * Files around an import of any kind: the template (CSV or .xlsx with the kind's Chinese headers),
 * the error report (the original rows, the bad cells shaded, and the reasons, decrypted as they are
 * written), and the job as the API shows it.
 */
import type { Writable } from 'node:stream';
import type { ImportJob } from '@wangge/contracts';
import ExcelJS from 'exceljs';
import type { Selectable } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { FieldCrypto } from '../../lib/field-crypto.ts';
import type { ImportJobTable } from '../../db/tables/people.ts';
import { headerText, isReportColumn, REASON_HEADER, ROW_NUMBER_HEADER } from './columns.ts';
import type { ImportKind } from './import-kind.ts';

const DAY_MS = 86_400_000;

/** `retentionDays`: how long after the end the rejected rows, and so the error report, are kept. */
/** A running job without a committed batch for this long has lost its runner (a batch takes about a second). */
export const IMPORT_STALL_MS = 5 * 60_000;

export function importJobDto(j: Selectable<ImportJobTable>, now: Date, retentionDays: number): ImportJob {
  const started = j.started_at ? new Date(j.started_at).getTime() : null;
  const end = j.finished_at ? new Date(j.finished_at).getTime() : now.getTime();
  const seconds = started ? Math.max(0.001, (end - started) / 1000) : null;
  const rate = seconds && j.rows_read > 0 ? j.rows_read / seconds : null;
  const progress = j.status === 'done' ? 1 : j.file_bytes > 0 ? Math.min(1, j.bytes_read / j.file_bytes) : 0;
  const eta = rate && progress > 0 && progress < 1 && seconds ? (seconds * (1 - progress)) / progress : null;
  const stalled =
    (j.status === 'running' || j.status === 'queued') && now.getTime() - new Date(j.updated_at).getTime() > IMPORT_STALL_MS;
  const hasErrorReport = j.rejected > 0 && j.purged_at === null && (j.status === 'done' || j.status === 'failed');
  return {
    id: j.id,
    kind: j.kind as ImportJob['kind'],
    mode: j.mode,
    format: j.format,
    fileName: j.file_name,
    fileBytes: Number(j.file_bytes),
    status: j.status,
    rowsRead: j.rows_read,
    inserted: j.inserted,
    updated: j.updated,
    rejected: j.rejected,
    rowsPerSecond: rate === null ? null : Math.round(rate),
    etaSeconds: eta === null ? null : Math.round(eta),
    progress,
    message: j.message,
    stalled,
    resumable: (stalled || j.status === 'failed') && j.purged_at === null,
    hasErrorReport,
    errorReportUntil:
      hasErrorReport && j.finished_at ? new Date(new Date(j.finished_at).getTime() + retentionDays * DAY_MS).toISOString() : null,
    createdAt: new Date(j.created_at).toISOString(),
    finishedAt: j.finished_at ? new Date(j.finished_at).toISOString() : null,
  };
}

export async function writeTemplate(kind: Pick<ImportKind, 'columns' | 'template'>, format: 'csv' | 'xlsx'): Promise<Buffer> {
  const { columns, template } = kind;
  const headers = columns.map((c) => (c.required ? `${c.header}*` : c.header));
  if (format === 'csv') {
    const line = (cells: string[]) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
    return Buffer.from(`\uFEFF${line(headers)}\n${line(columns.map((c) => c.example))}\n`, 'utf8');
  }
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(template.sheet);
  ws.addRow(headers).font = { bold: true };
  ws.addRow(columns.map((c) => c.example));
  ws.columns.forEach((col, i) => {
    col.width = Math.max(10, (columns[i]?.example.length ?? 8) + 6, (columns[i]?.header.length ?? 0) * 2 + 2);
    // Text format, so Excel keeps all 18 digits of an ID number (and a unit code's 15).
    col.numFmt = '@';
  });
  const notes = wb.addWorksheet('填写说明');
  notes.addRow(['列', '必填', '说明']).font = { bold: true };
  for (const n of template.notes) notes.addRow(n);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Streams the rejected rows into an .xlsx: original cells, the bad ones shaded, reasons last. */
export async function writeErrorReport(
  db: Db,
  crypto: FieldCrypto,
  importId: number,
  header: string[],
  to: { filename: string } | { stream: Writable },
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ ...to, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('未导入的行');
  // The file's own columns, in its order; a report being imported again drops its old report columns.
  const kept = header.flatMap((h, i) => (isReportColumn(h) ? [] : [{ h, i }]));
  ws.addRow([...kept.map((c) => c.h), REASON_HEADER, ROW_NUMBER_HEADER]).commit();
  let after = 0;
  for (;;) {
    const rows = await db.db
      .selectFrom('import_rejection')
      .select(['row_number', 'row_data_enc', 'reasons'])
      .where('import_id', '=', importId)
      .where('row_number', '>', after)
      .orderBy('row_number')
      .limit(5000)
      .execute();
    if (rows.length === 0) break;
    for (const r of rows) {
      const cells = JSON.parse(crypto.decrypt(r.row_data_enc)) as string[];
      const reasons = r.reasons;
      const row = ws.addRow([
        ...kept.map((c) => cells[c.i] ?? ''),
        reasons.map((x) => `${x.column}：${x.message}`).join('；'),
        r.row_number,
      ]);
      kept.forEach(({ h }, i) => {
        if (reasons.some((x) => x.column === headerText(h))) {
          row.getCell(i + 1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
        }
        row.getCell(i + 1).numFmt = '@';
      });
      row.commit();
      after = r.row_number;
    }
  }
  ws.commit();
  await wb.commit();
}
