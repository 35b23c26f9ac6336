/**
 * Starts setting up TOTP: a new secret as QR code and text. A query rather than a mutation so a
 * remount (React StrictMode, a re-render) reuses the one answer instead of minting a second
 * secret that would silently replace the one already scanned. Nothing keeps it once closed.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/shared/api/client.ts';

export interface TotpEnrollment {
  secret: string;
  otpauthUrl: string;
  qrDataUrl: string;
}

export function enrollTotp(): Promise<TotpEnrollment> {
  // No abort signal: cancelling a started enrolment would only provoke a second one.
  return api.post<TotpEnrollment>('/api/v1/auth/totp/enroll');
}

export const totpEnrollmentQueryOptions = () =>
  queryOptions({
    queryKey: ['auth', 'totpEnrollment'],
    queryFn: enrollTotp,
    staleTime: Infinity,
    gcTime: 0,
    retry: false,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

export function useTotpEnrollment() {
  return useQuery(totpEnrollmentQueryOptions());
}
