/**
 * The full ID number or phone of one person. Each call is audited on the server, so the answer is
 * never cached: it lives only in the component that asked (see RevealableValue).
 */
import { useMutation } from '@tanstack/react-query';
import { api } from '@/shared/api/client.ts';

export type RevealableField = 'idNumber' | 'phone';

const endpoint: Record<RevealableField, string> = { idNumber: 'reveal-id-number', phone: 'reveal-phone' };

export function revealPersonField({ personId, field }: { personId: number; field: RevealableField }): Promise<{ value: string }> {
  return api.post<{ value: string }>(`/api/v1/people/${personId}/${endpoint[field]}`);
}

export function useRevealPersonField() {
  // gcTime 0: the mutation cache must not keep the full number after the component lets it go.
  return useMutation({ mutationFn: revealPersonField, gcTime: 0 });
}
