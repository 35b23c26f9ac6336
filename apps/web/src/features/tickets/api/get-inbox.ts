/** The inbox (待办): one box of what waits for the user, and the counts of every box. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { InboxBox, InboxCounts, PageOf, TicketSummary } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export const INBOX_PAGE_SIZE = 50;

export function getInbox(box: InboxBox, page: number, signal?: AbortSignal): Promise<PageOf<TicketSummary>> {
  return api.get<PageOf<TicketSummary>>('/api/v1/tickets/inbox', {
    signal,
    query: { box, limit: INBOX_PAGE_SIZE, offset: (page - 1) * INBOX_PAGE_SIZE },
  });
}

export const inboxQueryOptions = (box: InboxBox, page: number) =>
  queryOptions({
    queryKey: ['tickets', 'inbox', box, page],
    queryFn: ({ signal }) => getInbox(box, page, signal),
    placeholderData: keepPreviousData,
  });

export function useInbox(box: InboxBox, page: number) {
  return useQuery(inboxQueryOptions(box, page));
}

export function getInboxCounts(signal?: AbortSignal): Promise<InboxCounts> {
  return api.get<InboxCounts>('/api/v1/tickets/inbox/counts', { signal });
}

export const inboxCountsQueryOptions = () =>
  queryOptions({ queryKey: ['tickets', 'inbox', 'counts'], queryFn: ({ signal }) => getInboxCounts(signal) });

export function useInboxCounts() {
  return useQuery(inboxCountsQueryOptions());
}
