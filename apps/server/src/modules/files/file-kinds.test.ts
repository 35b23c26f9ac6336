import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { amr, elf, html, isoMedia, jpegWithGps, mp3, opus, pdf, png, wav } from '../../../test/file-samples.ts';
import { detectType, typeOf } from './file-kinds.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'wg-kinds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function detect(bytes: Buffer | Promise<Buffer>, name: string) {
  const file = path.join(dir, name);
  writeFileSync(file, await bytes);
  return detectType(file);
}

describe('file types by content', () => {
  it('recognises photos whatever their name says', async () => {
    expect(await detect((await jpegWithGps()).jpeg, 'a.png')).toMatchObject({ mime: 'image/jpeg', kind: 'image' });
    expect(await detect(png(), 'b.jpg')).toMatchObject({ mime: 'image/png', kind: 'image' });
  });

  it('recognises the voice notes and videos phones record', async () => {
    expect(await detect(wav(), 'v1.bin')).toMatchObject({ mime: 'audio/wav', kind: 'audio' });
    expect(await detect(amr(), 'v2.bin')).toMatchObject({ mime: 'audio/amr', kind: 'audio' });
    expect(await detect(mp3(), 'v3.bin')).toMatchObject({ mime: 'audio/mpeg', kind: 'audio' });
    expect(await detect(opus(), 'v4.bin')).toMatchObject({ mime: 'audio/ogg', kind: 'audio' });
    expect(await detect(isoMedia('M4A '), 'v5.bin')).toMatchObject({ mime: 'audio/mp4', kind: 'audio' });
    expect(await detect(isoMedia('isom'), 'v6.bin')).toMatchObject({ mime: 'video/mp4', kind: 'video' });
    expect(await detect(isoMedia('qt  '), 'v7.bin')).toMatchObject({ mime: 'video/quicktime', kind: 'video' });
  });

  it('recognises PDF and Excel documents', async () => {
    expect(await detect(pdf(), 'd1.jpg')).toMatchObject({ mime: 'application/pdf', kind: 'document' });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('表').addRow(['姓名']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await detect(xlsx, 'd2.jpg')).toMatchObject({ ext: 'xlsx', kind: 'document' });
  });

  it('refuses pages, programs, plain text and empty files disguised as photos', async () => {
    expect(await detect(html(), 'x1.jpg')).toBeNull();
    expect(await detect(elf(), 'x2.jpg')).toBeNull();
    expect(await detect(Buffer.from('just some text', 'utf8'), 'x3.jpg')).toBeNull();
    expect(await detect(Buffer.alloc(0), 'x4.jpg')).toBeNull();
  });

  it('refuses container formats that are not on the list', () => {
    expect(typeOf('zip')).toBeNull();
    expect(typeOf('exe')).toBeNull();
    expect(typeOf('svg')).toBeNull();
    expect(typeOf('heic', 'image/heic-sequence')).toBeNull();
    expect(typeOf('docx')).toMatchObject({ kind: 'document' });
    expect(typeOf('toString')).toBeNull();
  });
});
