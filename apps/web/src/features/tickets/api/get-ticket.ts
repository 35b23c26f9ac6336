/** One ticket as the user sees it (deadlines, allowed operations…) and its immutable timeline. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Ticket, TicketEvent } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export function getTicket(id: number, signal?: AbortSignal): Promise<Ticket> {
  return api.get<Ticket>(`/api/v1/tickets/${id}`, { signal });
}

export const ticketQueryOptions = (id: number) =>
  queryOptions({
    queryKey: ['tickets', 'detail', id],
    queryFn: ({ signal }) => getTicket(id, signal),
    // What the user may do depends on the version they see: always ask again on return.
    staleTime: 0,
  });

export function useTicket(id: number) {
  return useQuery(ticketQueryOptions(id));
}

export function getTimeline(id: number, signal?: AbortSignal): Promise<TicketEvent[]> {
  return api.get<TicketEvent[]>(`/api/v1/tickets/${id}/timeline`, { signal });
}

export const timelineQueryOptions = (id: number) =>
  queryOptions({
    queryKey: ['tickets', 'timeline', id],
    queryFn: ({ signal }) => getTimeline(id, signal),
    staleTime: 0,
  });

export function useTimeline(id: number) {
  return useQuery(timelineQueryOptions(id));
}
