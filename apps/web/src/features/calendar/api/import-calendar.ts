/** Stores a year from a JSON or CSV file (format in contracts' CalendarImport); the file is sent as text. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CalendarImport, CalendarYear } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export function importCalendar(input: CalendarImport): Promise<CalendarYear> {
  return api.post<CalendarYear>('/api/v1/calendar/import', input);
}

/** Reads a chosen file and imports it; the format follows the file name (.json, else CSV). */
export async function importCalendarFile(file: File): Promise<CalendarYear> {
  const content = await file.text();
  return importCalendar({ format: /\.json$/i.test(file.name) ? 'json' : 'csv', content });
}

export function useImportCalendar() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: importCalendarFile,
    meta: { silentError: true },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['calendar'] }),
  });
}
