/**
 * Real files for the attachment tests, made here byte by byte or with sharp: a JPEG carrying GPS
 * EXIF and an orientation, the audio and video containers phones produce, and disguises.
 */
import sharp from 'sharp';

/** A TIFF (EXIF) block: IFD0 with Orientation and a GPS IFD at 28°12'34.56"N 112°56'78.90"E. */
export function exifWithGps(orientation: number): Buffer {
  const b = Buffer.alloc(152);
  b.write('II*\0', 0, 'latin1');
  b.writeUInt32LE(8, 4);
  const entry = (at: number, tag: number, type: number, count: number, value: (o: number) => void) => {
    b.writeUInt16LE(tag, at);
    b.writeUInt16LE(type, at + 2);
    b.writeUInt32LE(count, at + 4);
    value(at + 8);
  };
  // IFD0 at 8: Orientation, GPS pointer.
  b.writeUInt16LE(2, 8);
  entry(10, 0x0112, 3, 1, (o) => b.writeUInt16LE(orientation, o));
  entry(22, 0x8825, 4, 1, (o) => b.writeUInt32LE(38, o));
  b.writeUInt32LE(0, 34);
  // GPS IFD at 38: version, N, latitude, E, longitude; rationals at 104 and 128.
  b.writeUInt16LE(5, 38);
  entry(40, 0x0000, 1, 4, (o) => b.set([2, 2, 0, 0], o));
  entry(52, 0x0001, 2, 2, (o) => b.write('N\0', o, 'latin1'));
  entry(64, 0x0002, 5, 3, (o) => b.writeUInt32LE(104, o));
  entry(76, 0x0003, 2, 2, (o) => b.write('E\0', o, 'latin1'));
  entry(88, 0x0004, 5, 3, (o) => b.writeUInt32LE(128, o));
  b.writeUInt32LE(0, 100);
  [28, 1, 12, 1, 3456, 100, 112, 1, 56, 1, 7890, 100].forEach((v, i) => b.writeUInt32LE(v, 104 + i * 4));
  return b;
}

/** A 64×48 JPEG (so 48×64 upright with orientation 6) with an APP1 EXIF segment holding GPS. */
export async function jpegWithGps(orientation = 6): Promise<{ jpeg: Buffer; app1: Buffer }> {
  const plain = await sharp({ create: { width: 64, height: 48, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .jpeg()
    .toBuffer();
  const tiff = exifWithGps(orientation);
  const head = Buffer.from('Exif\0\0', 'latin1');
  const len = Buffer.alloc(2);
  len.writeUInt16BE(2 + head.length + tiff.length);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1]), len, head, tiff]);
  return { jpeg: Buffer.concat([plain.subarray(0, 2), app1, plain.subarray(2)]), app1 };
}

export function png(width = 20, height = 10): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: { r: 0, g: 120, b: 200, alpha: 1 } } })
    .png()
    .toBuffer();
}

const riff = (form: string, body: Buffer) => {
  const h = Buffer.alloc(12);
  h.write('RIFF', 0, 'latin1');
  h.writeUInt32LE(4 + body.length, 4);
  h.write(form, 8, 'latin1');
  return Buffer.concat([h, body]);
};

/** 0.1 s of 8 kHz mono silence. */
export function wav(): Buffer {
  const fmt = Buffer.alloc(24);
  fmt.write('fmt ', 0, 'latin1');
  fmt.writeUInt32LE(16, 4);
  fmt.writeUInt16LE(1, 8);
  fmt.writeUInt16LE(1, 10);
  fmt.writeUInt32LE(8000, 12);
  fmt.writeUInt32LE(16000, 16);
  fmt.writeUInt16LE(2, 20);
  fmt.writeUInt16LE(16, 22);
  const data = Buffer.alloc(8 + 1600);
  data.write('data', 0, 'latin1');
  data.writeUInt32LE(1600, 4);
  return riff('WAVE', Buffer.concat([fmt, data]));
}

/** An ISO media file (mp4, m4a, mov) is known by the brand of its `ftyp` box. */
export function isoMedia(brand: 'isom' | 'M4A ' | 'qt  '): Buffer {
  const ftyp = Buffer.alloc(24);
  ftyp.writeUInt32BE(24, 0);
  ftyp.write('ftyp', 4, 'latin1');
  ftyp.write(brand, 8, 'latin1');
  ftyp.write(brand, 16, 'latin1');
  const free = Buffer.alloc(64);
  free.writeUInt32BE(64, 0);
  free.write('free', 4, 'latin1');
  return Buffer.concat([ftyp, free]);
}

/** An AMR-NB voice note: the magic and a few silent frames. */
export const amr = () => Buffer.concat([Buffer.from('#!AMR\n', 'latin1'), Buffer.alloc(64, 0x7c)]);
/** An MP3 with an ID3v2 header and one MPEG frame header. */
export const mp3 = () =>
  Buffer.concat([
    Buffer.from('ID3\x03\x00\x00\x00\x00\x00\x00', 'latin1'),
    Buffer.from([0xff, 0xfb, 0x90, 0x64]),
    Buffer.alloc(400),
  ]);
export const pdf = () =>
  Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
export const html = () => Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>', 'utf8');
/** The start of a Linux executable. */
export const elf = () => Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(120)]);

/** An Ogg stream whose first packet is an Opus header (WeChat and Android voice notes). */
export function opus(): Buffer {
  const head = Buffer.alloc(19);
  head.write('OpusHead', 0, 'latin1');
  head[8] = 1;
  head[9] = 1;
  head.writeUInt32LE(48000, 12);
  const page = Buffer.alloc(27 + 1);
  page.write('OggS', 0, 'latin1');
  page[5] = 2; // beginning of stream
  page[26] = 1; // one segment
  page[27] = head.length;
  return Buffer.concat([page, head, Buffer.alloc(64)]);
}
