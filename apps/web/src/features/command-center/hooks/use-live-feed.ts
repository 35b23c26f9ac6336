/**
 * The feed of one unit across refreshes of its dashboard (see utils/feed.ts). Another unit starts
 * a new feed; the same unit's next snapshot is merged, its new reports marked fresh.
 */
import { useState } from 'react';
import type { Dashboard } from '@wangge/contracts';
import { FEED_CAP, mergeFeed, type FeedItem } from '../utils/feed.ts';

interface FeedState {
  unitId: number | null;
  source: Dashboard | null;
  items: FeedItem[];
}

export function useLiveFeed(data: Dashboard | undefined, cap = FEED_CAP): FeedItem[] {
  const [feed, setFeed] = useState<FeedState>({ unitId: null, source: null, items: [] });
  if (data && data !== feed.source) {
    // Derived from the query's data while rendering (React's pattern for state that follows props).
    const initial = feed.unitId !== data.unit.id;
    const items = mergeFeed(initial ? [] : feed.items, data.latest, initial, cap);
    setFeed({ unitId: data.unit.id, source: data, items });
    return items;
  }
  return feed.items;
}
