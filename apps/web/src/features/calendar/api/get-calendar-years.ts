/** Every year that has a working calendar (with its days), and the years up to next year that have none. */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CalendarYearList } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export function getCalendarYears(signal?: AbortSignal): Promise<CalendarYearList> {
  return api.get<CalendarYearList>('/api/v1/calendar/years', { signal });
}

export const calendarYearsQueryOptions = () =>
  queryOptions({ queryKey: ['calendar', 'years'], queryFn: ({ signal }) => getCalendarYears(signal) });

export function useCalendarYears() {
  return useQuery(calendarYearsQueryOptions());
}
