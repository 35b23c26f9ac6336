/** Tickets in the user's scope, filtered, sorted and paged (the 全部事件 list). */
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { HandlingLevel, Light, PageOf, TicketChannel, TicketState, TicketSummary } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export type TicketSort = '-receivedAt' | 'receivedAt' | 'dueAt' | '-updatedAt';
export type TicketStateFilter = TicketState | 'open' | 'done';
export const TicketResults = ['onTime', 'overdue'] as const;
export type TicketResult = (typeof TicketResults)[number];
/** Evaluated tickets with this rating, or with `any` rating. */
export const TicketEvaluations = ['satisfied', 'basically', 'unsatisfied', 'any'] as const;
export type TicketEvaluation = (typeof TicketEvaluations)[number];

export interface TicketFilter {
  within?: number | undefined;
  state?: TicketStateFilter | undefined;
  light?: Light | undefined;
  categoryId?: number | undefined;
  channel?: TicketChannel | undefined;
  level?: HandlingLevel | undefined;
  q?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  supervised?: boolean | undefined;
  /** Finished tickets resolved within or after their deadline. */
  result?: TicketResult | undefined;
  /** Resolved on the spot by the grid worker who reported it (自办自结). */
  selfResolved?: boolean | undefined;
  evaluation?: TicketEvaluation | undefined;
  /** Tickets naming this person among the people involved. */
  personId?: number | undefined;
  /** Tickets about this household. */
  householdId?: number | undefined;
}

export interface TicketQuery extends TicketFilter {
  sort?: TicketSort | undefined;
  limit: number;
  offset: number;
}

export function getTickets(query: TicketQuery, signal?: AbortSignal): Promise<PageOf<TicketSummary>> {
  return api.get<PageOf<TicketSummary>>('/api/v1/tickets', { signal, query: { ...query } });
}

export const ticketsQueryOptions = (query: TicketQuery) =>
  queryOptions({
    queryKey: ['tickets', 'list', query],
    queryFn: ({ signal }) => getTickets(query, signal),
    placeholderData: keepPreviousData,
  });

export function useTickets(query: TicketQuery) {
  return useQuery(ticketsQueryOptions(query));
}
