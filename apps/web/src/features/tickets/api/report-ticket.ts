/**
 * Reporting a ticket (收), and the possible duplicates of a report before it is sent. The report
 * carries an Idempotency-Key chosen once per submission, so a retry on a weak signal is one ticket.
 */
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Ticket, TicketCreate, TicketRef } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export function reportTicket({ input, key }: { input: TicketCreate; key: string }): Promise<Ticket> {
  return api.post<Ticket>('/api/v1/tickets', input, { headers: { 'Idempotency-Key': key } });
}

export function useReportTicket() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: reportTicket,
    // The form puts field errors beside their fields.
    meta: { silentError: true },
    onSuccess: (ticket) => {
      queryClient.setQueryData(['tickets', 'detail', ticket.id], ticket);
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ['tickets', 'inbox'] }),
        queryClient.invalidateQueries({ queryKey: ['tickets', 'list'] }),
      ]);
    },
  });
}

export interface DuplicateQuery {
  categoryId: number;
  lng?: number | undefined;
  lat?: number | undefined;
  householdId?: number | undefined;
}

export type PossibleDuplicate = TicketRef & { distanceM: number | null };

export function getDuplicates(query: DuplicateQuery, signal?: AbortSignal): Promise<PossibleDuplicate[]> {
  return api.get<PossibleDuplicate[]>('/api/v1/tickets/duplicates', { signal, query: { ...query } });
}

export const duplicatesQueryOptions = (query: DuplicateQuery | undefined) =>
  queryOptions({
    queryKey: ['tickets', 'duplicates', query],
    queryFn: ({ signal }) => getDuplicates(query!, signal),
    enabled: query !== undefined,
  });

export function useDuplicates(query: DuplicateQuery | undefined) {
  return useQuery(duplicatesQueryOptions(query));
}
