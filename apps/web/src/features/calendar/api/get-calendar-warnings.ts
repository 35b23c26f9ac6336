/** Years the system needs soon without an official calendar: deadlines there are counted Monday–Friday. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CalendarWarnings } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export function getCalendarWarnings(signal?: AbortSignal): Promise<CalendarWarnings> {
  return api.get<CalendarWarnings>('/api/v1/calendar/warnings', { signal });
}

export const calendarWarningsQueryOptions = () =>
  queryOptions({
    queryKey: ['calendar', 'warnings'],
    queryFn: ({ signal }) => getCalendarWarnings(signal),
    // Shown on every page to the system administrator: asked again at most every 10 minutes.
    staleTime: 10 * 60_000,
  });

export function useCalendarWarnings() {
  return useQuery(calendarWarningsQueryOptions());
}
