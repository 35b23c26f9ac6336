import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { jpegWithGps, png } from '../../../test/file-samples.ts';
import { detectType } from './file-kinds.ts';
import { imageCopies, THUMB_MAX } from './images.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'wg-images-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function copiesOf(bytes: Buffer, name: string) {
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return imageCopies(file, (await detectType(file))!);
}

describe('display copies of photos', () => {
  it('turns the photo upright and drops EXIF with its GPS position', async () => {
    const { jpeg, app1 } = await jpegWithGps(6);
    // The sample really carries what we strip: sharp reads its orientation and EXIF.
    const before = await sharp(jpeg).metadata();
    expect(before.orientation).toBe(6);
    expect(before.exif?.includes(app1.subarray(10))).toBe(true);

    const copies = (await copiesOf(jpeg, 'gps.jpg'))!;
    expect(copies).toMatchObject({ width: 48, height: 64, displayMime: 'image/jpeg' });
    const shown = await sharp(copies.display).metadata();
    expect(shown).toMatchObject({ width: 48, height: 64, format: 'jpeg' });
    expect(shown.exif).toBeUndefined();
    expect(shown.xmp).toBeUndefined();
    expect(shown.iptc).toBeUndefined();
    expect(shown.orientation).toBeUndefined();
    expect(copies.display.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);
  });

  it('makes a small WebP thumbnail', async () => {
    const copies = (await copiesOf(await png(1000, 500), 'wide.png'))!;
    const thumb = await sharp(copies.thumbnail).metadata();
    expect(thumb).toMatchObject({ format: 'webp', width: THUMB_MAX, height: THUMB_MAX / 2 });
    expect(copies.displayMime).toBe('image/png');
  });

  it('gives up on bytes that only start like an image', async () => {
    const { jpeg } = await jpegWithGps();
    expect(await copiesOf(jpeg.subarray(0, 200), 'cut.jpg')).toBeNull();
  });
});
