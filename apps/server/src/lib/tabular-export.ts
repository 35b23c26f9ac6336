/**
 * Rows of text as a CSV or .xlsx download, streamed: CSV with a BOM (Excel opens it as UTF-8) and
 * cells that could start a formula prefixed with a quote; .xlsx through exceljs's streaming writer
 * so memory stays flat however many rows come.
 */
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';

export type TabularFormat = 'csv' | 'xlsx';

export function tabularStream(
  header: string[],
  rows: AsyncIterable<string[]>,
  format: TabularFormat,
  sheet: string,
  widths?: number[],
): Readable {
  if (format === 'csv') {
    const cell = (c: string) => {
      const safe = /^[=+\-@]/.test(c) ? `'${c}` : c; // no formulas when opened in Excel
      return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    };
    return Readable.from(
      (async function* () {
        yield `\uFEFF${header.join(',')}\n`;
        for await (const row of rows) yield `${row.map(cell).join(',')}\n`;
      })(),
    );
  }
  const out = new PassThrough();
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(sheet);
  if (widths) ws.columns = widths.map((width) => ({ width }));
  void (async () => {
    try {
      ws.addRow(header).commit();
      for await (const row of rows) ws.addRow(row).commit();
      ws.commit();
      await wb.commit();
    } catch (err) {
      out.destroy(err as Error);
    }
  })();
  return out;
}
