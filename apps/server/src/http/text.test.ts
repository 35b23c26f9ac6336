import { describe, expect, it } from 'vitest';
import { unstorableText } from './text.ts';

describe('text PostgreSQL cannot store', () => {
  it('names each string holding a NUL or a lone surrogate, keys included', () => {
    const body = { name: 'a\u0000b', tags: ['ok', '\ud800'], nested: { 'k\udc00': 1 }, 'a/b': 'x\u0000' };
    expect(unstorableText(body, '/body')).toEqual([
      { path: '/body/name', message: 'must not contain a NUL character' },
      { path: '/body/tags/1', message: 'must be well-formed Unicode (a lone surrogate)' },
      { path: '/body/nested/k\udc00', message: 'is not an allowed property name' },
      { path: '/body/a~1b', message: 'must not contain a NUL character' },
    ]);
  });

  it('lets through what people really type: Chinese, emoji (surrogate pairs), RTL marks, numbers, null', () => {
    expect(unstorableText({ name: '东塘村', note: '🙂👨‍👩‍👧 \u202eabc', n: 1, x: null, ok: true }, '/body')).toEqual([]);
    expect(unstorableText(undefined, '/body')).toEqual([]);
  });
});
