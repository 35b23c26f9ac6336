/** The reporter's full phone number: audited on the server per call, so never cached here. */
import { useMutation } from '@tanstack/react-query';
import { api } from '@/shared/api/client.ts';

export function revealReporterPhone(ticketId: number): Promise<{ phone: string }> {
  return api.post<{ phone: string }>(`/api/v1/tickets/${ticketId}/reporter-phone/reveal`);
}

export function useRevealReporterPhone() {
  return useMutation({ mutationFn: revealReporterPhone, gcTime: 0 });
}
