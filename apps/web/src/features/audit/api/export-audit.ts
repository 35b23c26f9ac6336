/**
 * The audit records the filter selects, as a CSV file (at most 50,000; the export is audited).
 * Fetched, not linked, so a refusal shows as a message instead of a downloaded error page.
 */
import { useMutation } from '@tanstack/react-query';
import dayjs from 'dayjs';
import { fetchFile } from '@/shared/api/fetch-file.ts';
import { auditQuery, type AuditFilter } from './get-audit.ts';
import { saveFile } from '@/shared/utils/save-file.ts';

export async function exportAudit(filter: AuditFilter): Promise<Blob> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(auditQuery(filter))) if (value !== undefined) params.append(key, String(value));
  const qs = params.toString();
  return fetchFile(`/api/v1/audit/export${qs ? `?${qs}` : ''}`, 'text/csv');
}

export function useExportAudit() {
  return useMutation({
    mutationFn: exportAudit,
    gcTime: 0,
    onSuccess: (blob) => saveFile(blob, `audit-${dayjs().format('YYYYMMDD-HHmmss')}.csv`),
  });
}
