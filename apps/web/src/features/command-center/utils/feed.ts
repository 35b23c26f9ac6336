/**
 * The live feed: the newest reports of a unit, merged from each refresh of the dashboard. A report
 * not seen before goes on top, marked fresh (it flashes once as it appears, a CSS animation, so
 * no timer); the list never grows past its cap, so a wall screen can run for days.
 */
import type { Dashboard } from '@wangge/contracts';

export type LatestReport = Dashboard['latest'][number];

export interface FeedItem extends LatestReport {
  /** Arrived while the screen was open (not part of the first load). */
  fresh: boolean;
}

export const FEED_CAP = 30;

const newestFirst = (a: LatestReport, b: LatestReport) =>
  b.receivedAt < a.receivedAt ? -1 : b.receivedAt > a.receivedAt ? 1 : b.ticket.id - a.ticket.id;

/**
 * `initial`: the first snapshot of this unit; its reports are what was already there, not news.
 * A report already in the feed is updated (its light and state change) and keeps its mark.
 */
export function mergeFeed(
  current: readonly FeedItem[],
  latest: readonly LatestReport[],
  initial: boolean,
  cap = FEED_CAP,
): FeedItem[] {
  const merged = new Map<number, FeedItem>(current.map((item) => [item.ticket.id, item]));
  for (const report of latest) {
    const before = merged.get(report.ticket.id);
    merged.set(report.ticket.id, { ...report, fresh: before ? before.fresh : !initial });
  }
  return [...merged.values()].sort(newestFirst).slice(0, cap);
}
