/** HTTP details of serving a stored file: RFC 6266 file names, single byte ranges (RFC 9110 §14). */
import type { ByteRange } from './file-store.ts';

/**
 * `inline; filename="x.jpg"; filename*=UTF-8''%E7%85%A7.jpg`: the plain name is an ASCII stand-in
 * for old clients, the extended one carries the real (Chinese) name.
 */
export function contentDisposition(type: 'inline' | 'attachment', name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters must not reach a header
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '');
  const ascii = clean.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_') || 'file';
  const encoded = encodeURIComponent(clean).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/**
 * The one range a `Range` header asks for within `size` bytes: null when there is no usable header
 * (serve the whole file), 'unsatisfiable' for a range outside the file (416). Multiple ranges are
 * served whole, which RFC 9110 allows.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | null | 'unsatisfiable' {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) return null;
  let start: number;
  let end: number;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return 'unsatisfiable';
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

/** Whether an If-None-Match header names this ETag (or `*`). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => {
    const tag = t.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}
