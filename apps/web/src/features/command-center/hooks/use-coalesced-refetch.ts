/**
 * Turns a burst of live events into few refreshes: the first event schedules one refetch after
 * `delay` ms, later events before it runs ride along, and while a request is in flight another
 * one is only noted and runs after it. At most one request in flight, at most one timer pending.
 */
import { useCallback, useEffect, useRef } from 'react';

export function useCoalescedRefetch(refetch: () => Promise<unknown>, delay = 500): () => void {
  const latest = useRef(refetch);
  latest.current = refetch;
  const state = useRef({
    timer: undefined as ReturnType<typeof setTimeout> | undefined,
    inFlight: false,
    again: false,
    live: true,
  });

  const run = useCallback(() => {
    const s = state.current;
    s.timer = undefined;
    if (!s.live) return;
    if (s.inFlight) {
      s.again = true;
      return;
    }
    s.inFlight = true;
    void latest.current().finally(() => {
      s.inFlight = false;
      if (s.again && s.live) {
        s.again = false;
        s.timer ??= setTimeout(run, delay);
      }
    });
  }, [delay]);

  const trigger = useCallback(() => {
    const s = state.current;
    if (!s.live) return;
    if (s.inFlight) s.again = true;
    else s.timer ??= setTimeout(run, delay);
  }, [run, delay]);

  useEffect(() => {
    const s = state.current;
    s.live = true;
    return () => {
      s.live = false;
      clearTimeout(s.timer);
      s.timer = undefined;
    };
  }, []);

  return trigger;
}
