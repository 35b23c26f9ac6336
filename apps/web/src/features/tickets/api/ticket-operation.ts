/**
 * One step of the closed loop: POST /api/v1/tickets/:id/<op> with the version the user saw. The
 * answer is the ticket after the step; a stale version (409) or a refused step (409/403) means
 * someone else moved it: the ticket is fetched again so the user sees what they may do now.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { OperationBody, Ticket, TicketOperation } from '@wangge/contracts';
import { api, isApiError } from '@/shared/api/client.ts';

export interface OperationRequest<O extends TicketOperation = TicketOperation> {
  id: number;
  op: O;
  body: OperationBody<O>;
  /** One per submission of the modal: a resend after a lost answer is one step. */
  key: string;
}

export function performOperation({ id, op, body, key }: OperationRequest): Promise<Ticket> {
  return api.post<Ticket>(`/api/v1/tickets/${id}/${op}`, body, { headers: { 'Idempotency-Key': key } });
}

/** The ticket changed or the step is no longer the user's to take. */
export function isOutdated(error: unknown): boolean {
  return (
    isApiError(error) &&
    (error.code === 'stale_version' ||
      error.code === 'transition_not_allowed' ||
      (error.status === 403 && error.code === 'forbidden'))
  );
}

export function useTicketOperation() {
  const queryClient = useQueryClient();
  const refresh = (id: number) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['tickets', 'detail', id] }),
      queryClient.invalidateQueries({ queryKey: ['tickets', 'timeline', id] }),
      queryClient.invalidateQueries({ queryKey: ['tickets', 'inbox'] }),
      queryClient.invalidateQueries({ queryKey: ['tickets', 'list'] }),
    ]);
  return useMutation({
    mutationFn: performOperation,
    meta: { silentError: true },
    onSuccess: (ticket, { id }) => {
      queryClient.setQueryData(['tickets', 'detail', id], ticket);
      return refresh(id);
    },
    onError: (error, { id }) => (isOutdated(error) ? refresh(id) : undefined),
  });
}
