/** The audit log, newest first, filtered by time, action prefix, result and user. Reading it is itself audited. */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { AuditEntry, PageOf } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export type AuditResult = AuditEntry['result'];

export interface AuditFilter {
  /** ISO date-times. */
  from?: string | undefined;
  to?: string | undefined;
  /** A prefix: `auth.` finds every sign-in record. */
  action?: string | undefined;
  result?: AuditResult | undefined;
  userId?: number | undefined;
}

/** The filter as query parameters, shared with the CSV export. */
export const auditQuery = (filter: AuditFilter) => ({
  from: filter.from,
  to: filter.to,
  action: filter.action || undefined,
  result: filter.result,
  userId: filter.userId,
});

export function getAudit(filter: AuditFilter, page: { limit: number; offset: number }, signal?: AbortSignal) {
  return api.get<PageOf<AuditEntry>>('/api/v1/audit', { signal, query: { ...auditQuery(filter), ...page } });
}

export const auditQueryOptions = (filter: AuditFilter, page: { limit: number; offset: number }) =>
  queryOptions({
    queryKey: ['audit', 'list', filter, page],
    queryFn: ({ signal }) => getAudit(filter, page, signal),
    placeholderData: keepPreviousData,
    // Each read writes an audit record; refetching on every focus would fill the log with reads.
    refetchOnWindowFocus: false,
  });

export function useAudit(filter: AuditFilter, page: { limit: number; offset: number }) {
  return useQuery(auditQueryOptions(filter, page));
}
