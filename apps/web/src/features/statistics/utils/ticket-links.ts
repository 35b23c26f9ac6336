/**
 * Links into the tickets list with the filters of a figure: the list (features/tickets) reads
 * the same query parameters, so a count on this page and the list behind it always agree.
 */
export interface TicketListFilter {
  within?: number | undefined;
  from?: string | undefined;
  to?: string | undefined;
  categoryId?: number | undefined;
  channel?: string | undefined;
  state?: 'open' | 'done' | undefined;
  light?: 'red' | undefined;
}

const ORDER: readonly (keyof TicketListFilter)[] = ['within', 'from', 'to', 'categoryId', 'channel', 'state', 'light'];

export function ticketListPath(filter: TicketListFilter): string {
  const params = new URLSearchParams();
  for (const key of ORDER) {
    const value = filter[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `/tickets/list?${qs}` : '/tickets/list';
}

export function ticketPath(id: number): string {
  return `/tickets/${id}`;
}
