/**
 * A dashboard that keeps itself current: every ticket event in the viewer's scope refreshes it
 * (coalesced, one request at a time), and so does a stream that comes back after being lost (the
 * events in between were not replayed to a new stream).
 */
import { useEffect, useRef } from 'react';
import type { DashboardQuery } from '@wangge/contracts';
import { useDashboard } from '../api/get-dashboard.ts';
import { useCoalescedRefetch } from './use-coalesced-refetch.ts';
import { useTicketStream, type StreamStatus } from './use-ticket-stream.ts';

export function useLiveDashboard(query: DashboardQuery) {
  const dashboard = useDashboard(query);
  const { refetch } = dashboard;
  const trigger = useCoalescedRefetch(() => refetch({ cancelRefetch: false }));
  const status = useTicketStream(trigger);

  const previous = useRef<StreamStatus>(status);
  useEffect(() => {
    if (status === 'open' && previous.current === 'closed') trigger();
    previous.current = status;
  }, [status, trigger]);

  return { dashboard, status };
}
