import { describe, expect, it } from 'vitest';
import { cleanName } from './files.service.ts';
import { contentDisposition, etagMatches, parseRange } from './http-headers.ts';

describe('Content-Disposition (RFC 6266)', () => {
  it('carries a Chinese name as filename* with an ASCII stand-in', () => {
    expect(contentDisposition('inline', '现场照片 1.jpg')).toBe(
      `inline; filename="____ 1.jpg"; filename*=UTF-8''%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87%201.jpg`,
    );
  });

  it('cannot be broken out of by quotes, backslashes or line breaks in the name', () => {
    const h = contentDisposition('attachment', 'a"b\\c\r\nSet-Cookie: x=1\'.pdf');
    expect(h).not.toMatch(/[\r\n]/);
    expect(h).toBe(`attachment; filename="a_b_cSet-Cookie: x=1'.pdf"; filename*=UTF-8''a%22b%5CcSet-Cookie%3A%20x%3D1%27.pdf`);
  });
});

describe('Range', () => {
  it('serves one range, an open end and a suffix', () => {
    expect(parseRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange('bytes=990-5000', 1000)).toEqual({ start: 990, end: 999 });
  });

  it('serves the whole file for no or several ranges, 416 for one outside the file', () => {
    expect(parseRange(undefined, 1000)).toBeNull();
    expect(parseRange('bytes=0-1,5-6', 1000)).toBeNull();
    expect(parseRange('items=0-1', 1000)).toBeNull();
    expect(parseRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=5-2', 1000)).toBe('unsatisfiable');
    expect(parseRange('bytes=-0', 1000)).toBe('unsatisfiable');
  });
});

describe('If-None-Match and stored names', () => {
  it('matches strong, weak and listed tags', () => {
    expect(etagMatches('"abc-display"', '"abc-display"')).toBe(true);
    expect(etagMatches('W/"abc-display", "x"', '"abc-display"')).toBe(true);
    expect(etagMatches('*', '"abc"')).toBe(true);
    expect(etagMatches('"abc-thumbnail"', '"abc-display"')).toBe(false);
    expect(etagMatches(undefined, '"abc"')).toBe(false);
  });

  it('keeps only the base name, without control characters', () => {
    expect(cleanName('C:\\fakepath\\现场.jpg')).toBe('现场.jpg');
    expect(cleanName('../../etc/passwd')).toBe('passwd');
    expect(cleanName('a\u0000b\nc.png')).toBe('abc.png');
    expect(cleanName('  ')).toBe('file');
    expect(cleanName('x'.repeat(300))).toHaveLength(200);
  });
});
