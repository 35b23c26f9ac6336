/** Seals what is pending, then recomputes the HMAC chain over the whole log and names the first record that no longer matches. */
import { useMutation } from '@tanstack/react-query';
import type { AuditVerifyResult } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export function verifyAudit(): Promise<AuditVerifyResult> {
  return api.post<AuditVerifyResult>('/api/v1/audit/verify');
}

export function useVerifyAudit() {
  return useMutation({ mutationFn: verifyAudit });
}
