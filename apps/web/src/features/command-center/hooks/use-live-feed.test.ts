import { renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { dashboard, report, township } from '../test/factories.ts';
import { FEED_CAP } from '../utils/feed.ts';
import { useLiveFeed } from './use-live-feed.ts';

const at = (n: number) => new Date(Date.UTC(2026, 8, 30, 1, 0, n)).toISOString();

describe('useLiveFeed', () => {
  it('keeps at most its cap however long the screen runs', () => {
    let data = dashboard({ latest: [report(1, at(1))] });
    const { result, rerender } = renderHook(({ d }) => useLiveFeed(d), { initialProps: { d: data } });
    for (let i = 2; i <= 200; i++) {
      // Each refresh brings the ten newest, as the server sends them.
      data = dashboard({ latest: Array.from({ length: Math.min(10, i) }, (_, k) => report(i - k, at(i - k))) });
      rerender({ d: data });
    }
    expect(result.current).toHaveLength(FEED_CAP);
    expect(result.current[0]!.ticket.id).toBe(200);
    expect(result.current.at(-1)!.ticket.id).toBe(200 - FEED_CAP + 1);
  });

  it('starts over for another unit, with nothing fresh', () => {
    const { result, rerender } = renderHook(({ d }) => useLiveFeed(d), {
      initialProps: { d: dashboard({ latest: [report(1, at(1))] }) },
    });
    rerender({ d: dashboard({ latest: [report(2, at(2)), report(1, at(1))] }) });
    expect(result.current.map((f) => f.fresh)).toEqual([true, false]);
    rerender({ d: dashboard({ unit: township, latest: [report(5, at(5))] }) });
    expect(result.current.map((f) => [f.ticket.id, f.fresh])).toEqual([[5, false]]);
  });
});
