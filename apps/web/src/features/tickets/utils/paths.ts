/** The URLs of the 事件 module; other modules (the command center) link here through these. */
export const TICKETS_PATH = '/tickets';
export const TICKET_LIST_PATH = '/tickets/list';
export const NEW_TICKET_PATH = '/tickets/new';

export const ticketPath = (id: number) => `/tickets/${id}`;

/** The list with filters, e.g. `ticketListPath({ light: 'red', state: 'open' })`. */
export function ticketListPath(filters: Record<string, string | number | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined && value !== '') params.set(key, String(value));
  const qs = params.toString();
  return qs ? `${TICKET_LIST_PATH}?${qs}` : TICKET_LIST_PATH;
}
