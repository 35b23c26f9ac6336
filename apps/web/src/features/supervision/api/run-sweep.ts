/**
 * Runs the deadline sweep now (dispatchers): lights change and new notices are issued at once
 * instead of at the next minute's run. Notices, the circular and statistics are read again after.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SweepResult } from '@wangge/contracts';
import type { Static } from 'typebox';
import { api } from '@/shared/api/client.ts';

export type SweepOutcome = Static<typeof SweepResult>;

export function runSweep(): Promise<SweepOutcome> {
  return api.post<SweepOutcome>('/api/v1/supervision/sweep');
}

export function useRunSweep() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: runSweep,
    onSuccess: async () => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['supervision'] }),
        queryClient.invalidateQueries({ queryKey: ['statistics', 'figures'] }),
      ]);
    },
  });
}
