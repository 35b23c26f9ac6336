import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from './copy.ts';

describe('COPY CSV', () => {
  it('keeps NULL apart from the empty string and quotes what needs it', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell('')).toBe('""');
    expect(csvCell('张三')).toBe('"张三"');
    expect(csvCell('他说"好"')).toBe('"他说""好"""');
    expect(csvCell('一行\n两行,逗号')).toBe('"一行\n两行,逗号"');
    expect(csvCell(42)).toBe('"42"');
    expect(csvCell(new Date('2026-11-23T01:02:03.000Z'))).toBe('"2026-11-23T01:02:03.000Z"');
  });

  it('writes arrays as PostgreSQL array literals, escaping quotes and backslashes inside', () => {
    expect(csvCell([])).toBe('"{}"');
    expect(csvCell(['张', '张三'])).toBe('"{""张"",""张三""}"');
    expect(csvCell(['a"b', 'c\\d'])).toBe('"{""a\\""b"",""c\\\\d""}"');
    // Items that are not plain strings go the general way, with the same result.
    expect(csvCell([1, '张'])).toBe('"{""1"",""张""}"');
    expect(csvCell(['张', 'a"b'])).toBe('"{""张"",""a\\""b""}"');
  });

  it('writes one line per row in the order of the columns', () => {
    expect(
      toCsv(
        [
          { b: 2, a: 'x' },
          { a: null, b: 3 },
        ],
        ['a', 'b'],
      ),
    ).toBe('"x","2"\n,"3"\n');
  });
});
