/** Replaces a year's holidays and adjusted workdays (system administrator); the server audits it. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CalendarYear, CalendarYearPut } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export type CalendarYearSave = CalendarYearPut & { year: number };

export function saveCalendarYear({ year, ...days }: CalendarYearSave): Promise<CalendarYear> {
  return api.put<CalendarYear>(`/api/v1/calendar/years/${year}`, days);
}

export function useSaveCalendarYear() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveCalendarYear,
    // The editor lists the server's reasons beside the calendar.
    meta: { silentError: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['calendar'] }),
  });
}
