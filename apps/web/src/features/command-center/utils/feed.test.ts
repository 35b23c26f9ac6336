import { describe, expect, it } from 'vitest';
import { report } from '../test/factories.ts';
import { mergeFeed } from './feed.ts';

const at = (minute: number) => `2026-09-30T01:${String(minute).padStart(2, '0')}:00.000Z`;

describe('the live feed', () => {
  it('starts with what is there, none of it fresh', () => {
    const feed = mergeFeed([], [report(2, at(2)), report(1, at(1))], true);
    expect(feed.map((f) => [f.ticket.id, f.fresh])).toEqual([
      [2, false],
      [1, false],
    ]);
  });

  it('puts a new report on top, fresh, and updates the ones it already shows', () => {
    const first = mergeFeed([], [report(1, at(1))], true);
    const next = mergeFeed(first, [report(3, at(3)), { ...report(1, at(1)), light: 'red' }], false);
    expect(next.map((f) => [f.ticket.id, f.fresh, f.light])).toEqual([
      [3, true, 'green'],
      [1, false, 'red'],
    ]);
  });

  it('never holds more than its cap, dropping the oldest', () => {
    let feed = mergeFeed([], [], true, 5);
    for (let i = 1; i <= 40; i++) feed = mergeFeed(feed, [report(i, at(i))], false, 5);
    expect(feed).toHaveLength(5);
    expect(feed.map((f) => f.ticket.id)).toEqual([40, 39, 38, 37, 36]);
  });
});
