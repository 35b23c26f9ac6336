/**
 * Streams the rows of an uploaded file, never the whole file in memory: CSV through csv-parse
 * (UTF-8, or GB18030 as Excel saves CSV on Chinese Windows), .xlsx through exceljs's streaming
 * reader. Every cell comes out as trimmed text; the byte counter drives the progress bar.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { Transform } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import type { ImportFileProblem } from '@wangge/contracts';
import { AppError } from '../../lib/errors.ts';

/** A 400 about the uploaded file: the problem as a token on `/body/file` (shown translated), the detail in words. */
export const refuse = (problem: ImportFileProblem, detail: string) =>
  AppError.badRequest(detail, [{ path: '/body/file', message: problem }]);

export type FileFormat = 'csv' | 'xlsx';

/** Looks at the first bytes: a zip is .xlsx, an OLE file is the old .xls, NUL bytes mean binary. */
export async function detectFormat(path: string): Promise<FileFormat> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.alloc(65_536);
    const { bytesRead } = await fh.read(buf, 0, buf.length, 0);
    const head = buf.subarray(0, bytesRead);
    if (bytesRead === 0) throw refuse('empty', 'The file is empty');
    if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return 'xlsx';
    if (head.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
      throw refuse('oldXls', 'Old .xls files are not supported: save the sheet as .xlsx (Excel 2007 or later) and upload again');
    }
    if (head.includes(0)) throw refuse('notText', 'The file is neither a CSV text file nor an .xlsx workbook');
    return 'csv';
  } finally {
    await fh.close();
  }
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    const o = v as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (o.richText)
      return o.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if (o.text !== undefined) return String(o.text).trim();
    if (o.result !== undefined) return cellText(o.result);
    return '';
  }
  // Long digit strings (ID numbers) typed as numbers lose digits in Excel; keep what we get as text.
  return String(v).trim();
}

/** Decodes UTF-8, or GB18030 when the bytes are not valid UTF-8. */
function decoder(): Transform {
  let td: InstanceType<typeof TextDecoder> | null = null;
  return new Transform({
    transform(chunk: Buffer, _enc, cb) {
      if (!td) {
        try {
          // Streaming: a character cut by the end of the chunk waits for the next one instead of
          // failing (cutting a fixed 4 bytes off the end could split a character and so take a
          // UTF-8 file whose first chunk ended in Chinese text for GB18030).
          new TextDecoder('utf-8', { fatal: true }).decode(chunk, { stream: true });
          td = new TextDecoder('utf-8');
        } catch {
          td = new TextDecoder('gb18030');
        }
      }
      cb(null, td.decode(chunk, { stream: true }));
    },
    flush(cb) {
      cb(null, td?.decode() ?? '');
    },
  });
}

export interface RowSource {
  rows: AsyncIterable<string[]>;
  bytesRead(): number;
}

export function readRows(path: string, format: FileFormat): RowSource {
  let bytes = 0;
  // Counts bytes as they pass, without switching the file stream into flowing mode early.
  const input = createReadStream(path, { highWaterMark: 256 * 1024 }).pipe(
    new Transform({
      transform(chunk: Buffer, _enc, cb) {
        bytes += chunk.length;
        cb(null, chunk);
      },
    }),
  );
  if (format === 'csv') {
    const parser = input.pipe(decoder()).pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: true }));
    return { rows: parser as AsyncIterable<string[]>, bytesRead: () => bytes };
  }
  async function* xlsxRows(): AsyncGenerator<string[]> {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(input, {
      sharedStrings: 'cache',
      hyperlinks: 'ignore',
      styles: 'ignore',
      worksheets: 'emit',
      entries: 'emit',
    });
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const values = (row.values as unknown[]).slice(1);
        const cells = values.map(cellText);
        if (cells.some((c) => c !== '')) yield cells;
      }
      return; // The first worksheet only.
    }
  }
  return {
    rows: {
      [Symbol.asyncIterator]: () => {
        const it = xlsxRows();
        return {
          next: () =>
            it.next().catch((err: unknown) => {
              throw refuse('unreadable', `The Excel file cannot be read: ${(err as Error).message}`);
            }),
          return: () => it.return(undefined),
        };
      },
    },
    bytesRead: () => bytes,
  };
}

/** The header row, or a 400 naming what is wrong with the file. */
export async function readHeader(path: string, format: FileFormat): Promise<string[]> {
  const src = readRows(path, format);
  const it = src.rows[Symbol.asyncIterator]();
  try {
    const first = await it.next();
    if (first.done) throw refuse('noRows', 'The file has no rows');
    return first.value;
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw refuse('unreadable', `The file cannot be read as ${format === 'csv' ? 'CSV' : 'Excel'}: ${(err as Error).message}`);
  } finally {
    await it.return?.();
  }
}
