/** Ends an assignment; it stays in the person's history. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Assignment } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export interface EndAssignmentInput {
  id: number;
  endsOn?: string;
  reason?: string;
}

export function endAssignment({ id, ...body }: EndAssignmentInput): Promise<Assignment> {
  return api.post<Assignment>(`/api/v1/assignments/${id}/end`, body);
}

export function useEndAssignment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: endAssignment,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ['roster'] }),
        queryClient.invalidateQueries({ queryKey: ['staff'] }),
        queryClient.invalidateQueries({ queryKey: ['units'] }),
      ]),
  });
}
