/**
 * The people the filters select as a CSV or Excel file (masked, at most 50,000 rows, audited).
 * Fetched, not linked, so a refusal shows as a message instead of a downloaded error page.
 */
import { useMutation } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { fetchFile } from '@/shared/api/fetch-file.ts';
import { saveFile } from '@/shared/utils/save-file.ts';
import type { PeopleFilter } from './get-people.ts';

export type ExportFormat = 'csv' | 'xlsx';

export async function exportPeople({ filter, format }: { filter: PeopleFilter; format: ExportFormat }): Promise<Blob> {
  const params = new URLSearchParams({ format });
  for (const [key, value] of Object.entries(filter)) if (value !== undefined) params.append(key, String(value));
  return fetchFile(
    `/api/v1/people/export?${params.toString()}`,
    'text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  );
}

export function useExportPeople() {
  return useMutation({
    mutationFn: exportPeople,
    gcTime: 0,
    onSuccess: (blob, { format }) => saveFile(blob, `people-${dayjs().format('YYYYMMDD-HHmmss')}.${format}`),
  });
}
