/** Supervision notices (督办函) in a unit's subtree, newest first, one page at a time. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { PageOf, SupervisionLevel, SupervisionNotice } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export interface NoticeFilter {
  within?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  level?: SupervisionLevel | undefined;
  ticketId?: number | undefined;
  limit: number;
  offset: number;
}

export function getNotices(filter: NoticeFilter, signal?: AbortSignal): Promise<PageOf<SupervisionNotice>> {
  return api.get<PageOf<SupervisionNotice>>('/api/v1/supervision/notices', { signal, query: { ...filter } });
}

export const noticesQueryOptions = (filter: NoticeFilter) =>
  queryOptions({
    queryKey: ['supervision', 'notices', filter],
    queryFn: ({ signal }) => getNotices(filter, signal),
    placeholderData: keepPreviousData,
  });

export function useNotices(filter: NoticeFilter) {
  return useQuery(noticesQueryOptions(filter));
}
