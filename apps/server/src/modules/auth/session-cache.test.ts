import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Authentication } from './auth.repo.ts';
import { SessionCache } from './session-cache.ts';

const entry = (id: string) => ({ id, user_id: 1, grants: [] }) as unknown as Authentication;

describe('SessionCache', () => {
  afterEach(() => vi.useRealTimers());

  it('answers within the TTL and forgets after it', () => {
    vi.useFakeTimers();
    const cache = new SessionCache(2000);
    cache.set('a', entry('a'));
    vi.advanceTimersByTime(1999);
    expect(cache.get('a')?.id).toBe('a');
    vi.advanceTimersByTime(2);
    expect(cache.get('a')).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it('keeps nothing with TTL 0, and clear and delete forget at once', () => {
    const off = new SessionCache(0);
    off.set('a', entry('a'));
    expect(off.get('a')).toBeUndefined();
    const cache = new SessionCache(60_000);
    cache.set('a', entry('a'));
    cache.set('b', entry('b'));
    cache.delete('a');
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')?.id).toBe('b');
    cache.clear();
    expect(cache.get('b')).toBeUndefined();
  });

  it('holds at most `max` sessions, dropping the oldest', () => {
    const cache = new SessionCache(60_000, 2);
    for (const id of ['a', 'b', 'c']) cache.set(id, entry(id));
    expect(cache.get('a')).toBeUndefined();
    expect([cache.get('b')?.id, cache.get('c')?.id]).toEqual(['b', 'c']);
  });
});
