/**
 * Where each figure of the command center leads: the tickets list with the filters that count it
 * (features/tickets reads the same query parameters), its .xlsx export, and the dashboards of
 * other units. One place, so a figure and the list behind it never disagree.
 */
export interface TicketFilter {
  within?: number | undefined;
  state?: 'open' | 'done' | undefined;
  light?: 'red' | 'yellow' | undefined;
  categoryId?: number | undefined;
  channel?: string | undefined;
  level?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  result?: 'onTime' | 'overdue' | undefined;
  supervised?: boolean | undefined;
  selfResolved?: boolean | undefined;
  evaluation?: 'satisfied' | 'basically' | 'unsatisfied' | 'any' | undefined;
}

const ORDER: readonly (keyof TicketFilter)[] = [
  'within',
  'state',
  'light',
  'categoryId',
  'channel',
  'level',
  'from',
  'to',
  'result',
  'supervised',
  'selfResolved',
  'evaluation',
];

function query(filter: TicketFilter): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ORDER) {
    const value = filter[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  return params;
}

export function ticketListPath(filter: TicketFilter): string {
  const qs = query(filter).toString();
  return qs ? `/tickets/list?${qs}` : '/tickets/list';
}

/** The same list as an .xlsx download. */
export function ticketExportUrl(filter: TicketFilter): string {
  const params = query(filter);
  params.set('format', 'xlsx');
  return `/api/v1/tickets/export?${params.toString()}`;
}

export function ticketPath(id: number): string {
  return `/tickets/${id}`;
}

/** The monthly report (月报) of a unit as a .docx download. */
export function monthReportUrl(unitId: number, month: string): string {
  return `/api/v1/dashboard/report?${new URLSearchParams({ unitId: String(unitId), month }).toString()}`;
}

export interface DashboardView {
  wall?: boolean;
  /** YYYY-MM; omitted for the current month. */
  month?: string | undefined;
}

/** /command-center/:unitId? (the overview) or /command-center/wall/:unitId? (the wall, 大屏). */
export function dashboardPath(unitId: number | undefined, view: DashboardView = {}): string {
  const base = view.wall ? '/command-center/wall' : '/command-center';
  const path = unitId === undefined ? base : `${base}/${unitId}`;
  return view.month ? `${path}?month=${view.month}` : path;
}

/** The first and last day of a month (YYYY-MM). */
export function monthDays(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}
