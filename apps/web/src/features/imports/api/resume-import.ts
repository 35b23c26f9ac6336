/** Resumes a stalled or failed import after its last committed batch; the job's polling then follows it. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportJob } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';

export function resumeImport(id: number): Promise<ImportJob> {
  return api.post<ImportJob>(`/api/v1/people/imports/${id}/resume`);
}

export function useResumeImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resumeImport,
    onSuccess: (job) => {
      queryClient.setQueryData(['imports', 'job', job.id], job);
      void queryClient.invalidateQueries({ queryKey: ['imports', 'job', job.id] });
      void queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
    },
  });
}
