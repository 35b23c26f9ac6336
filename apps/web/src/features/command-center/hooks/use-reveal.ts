/**
 * Whether the rest of a page may render: false for the first render that has data, then true in a
 * transition right after, so the key figures are painted before the map, lists and charts are
 * built (a cold load spends its first second on the shell; the figures should not wait for more).
 */
import { startTransition, useEffect, useState } from 'react';

export function useReveal(ready: boolean): boolean {
  const [revealed, setRevealed] = useState(false);
  useEffect(() => {
    if (ready && !revealed) startTransition(() => setRevealed(true));
  }, [ready, revealed]);
  return revealed;
}
