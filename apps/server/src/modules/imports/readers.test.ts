import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { readRows } from './readers.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'wangge-readers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readRows (.xlsx)', () => {
  it('keeps every Chinese character whole, wherever the stream is cut', async () => {
    // Enough rows that the worksheet's XML is decompressed in many chunks: a chunk boundary inside
    // a three-byte character used to become U+FFFD in the cell (exceljs's parse-sax; patched).
    const rows = Array.from({ length: 6_000 }, (_, i) => [
      `张${'伟芳娜秀英敏静丽强磊'[i % 10]}${'军洋勇艳杰'[i % 5]}`,
      `湘阴县东塘镇第${i % 50}组${i % 97}号`,
      i % 2 ? '男' : '女',
    ]);
    const file = path.join(dir, 'people.xlsx');
    const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
    const ws = wb.addWorksheet('people');
    for (const r of rows) ws.addRow(r).commit();
    await wb.commit();
    const read: string[][] = [];
    for await (const r of readRows(file, 'xlsx').rows) read.push(r);
    expect(read.filter((r) => r.some((c) => c.includes('\uFFFD')))).toEqual([]);
    expect(read).toEqual(rows);
  });
});

describe('readRows (CSV)', () => {
  it('reads UTF-8 whose first chunk ends inside a Chinese character as UTF-8', async () => {
    // 'x,人口' ends with a three-byte character: the UTF-8 check used to cut 4 bytes off the end,
    // split 人, and take the file for GB18030.
    const file = path.join(dir, 'short.csv');
    writeFileSync(file, '所属单元编码,楼栋名称\nx,人口');
    const read: string[][] = [];
    for await (const r of readRows(file, 'csv').rows) read.push(r);
    expect(read).toEqual([
      ['所属单元编码', '楼栋名称'],
      ['x', '人口'],
    ]);
  });
});
