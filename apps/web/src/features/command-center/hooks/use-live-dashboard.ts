/**
 * A dashboard that keeps itself current: every ticket event in the shown unit's subtree (the whole
 * scope for the default view) refreshes it
 * (coalesced, one request at a time), and so does a stream that comes back after being lost (the
 * events in between were not replayed to a new stream).
 */
import { useEffect, useRef } from 'react';
import type { DashboardQuery } from '@wangge/contracts';
import { useDashboard } from '../api/get-dashboard.ts';
import { useCoalescedRefetch } from './use-coalesced-refetch.ts';
import { useTicketStream, type StreamStatus } from '@/shared/hooks/use-ticket-stream.ts';

/**
 * `streamWithin`: the unit whose subtree's events refresh the view (default: the shown unit; the
 * rotating wall passes null and keeps one stream of the viewer's whole scope across its units).
 */
export function useLiveDashboard(query: DashboardQuery, streamWithin: number | null | undefined = query.unitId) {
  const dashboard = useDashboard(query);
  const { refetch } = dashboard;
  const trigger = useCoalescedRefetch(() => refetch({ cancelRefetch: false }));
  const status = useTicketStream(trigger, { within: streamWithin ?? undefined, onReset: trigger });

  const previous = useRef<StreamStatus>(status);
  useEffect(() => {
    if (status === 'open' && previous.current === 'closed') trigger();
    previous.current = status;
  }, [status, trigger]);

  return { dashboard, status };
}
