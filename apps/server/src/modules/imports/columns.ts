/**
 * Header rows, whatever is imported: a kind's columns (Chinese headers as officials know them),
 * how a file's header row maps onto them, and the columns the error report adds.
 */
export interface Column<K extends string = string> {
  key: K;
  header: string;
  required: boolean;
  example: string;
  /** Other spellings accepted in a file's header row (half-width brackets, a unit written out). */
  aliases?: readonly string[];
}

/** The column the error report adds; ignored when a fixed report is imported again. */
export const REASON_HEADER = '错误原因';
export const ROW_NUMBER_HEADER = '原行号';
/** Header text without the required mark (*), a byte-order mark or spaces. */
export const headerText = (h: string) =>
  h
    .replace(/^\uFEFF/, '')
    .replace(/\*$/, '')
    .trim();
/** Columns the error report adds: a fixed report is imported again with them still in it. */
export const isReportColumn = (h: string) => [REASON_HEADER, ROW_NUMBER_HEADER].includes(headerText(h));

/** Maps header text to columns; reports missing required and unknown headers. */
export function mapColumns<K extends string>(
  columns: readonly Column<K>[],
  headers: string[],
): { index: Map<K, number>; missing: string[]; unknown: string[] } {
  const index = new Map<K, number>();
  const unknown: string[] = [];
  headers.forEach((h, i) => {
    const text = headerText(h);
    if (!text || isReportColumn(text)) return;
    const col = columns.find((c) => c.header === text || c.aliases?.includes(text));
    if (col) index.set(col.key, i);
    else unknown.push(text);
  });
  const missing = columns.filter((c) => c.required && !index.has(c.key)).map((c) => c.header);
  return { index, missing, unknown };
}

/** A row's cells by column key: trimmed text, '' for a column the file does not have. */
export const cellGetter =
  <K extends string>(cells: string[], index: Map<K, number>) =>
  (key: K): string => {
    const i = index.get(key);
    return i === undefined ? '' : (cells[i] ?? '').trim();
  };
