/** Resumes a stalled or failed import after its last committed batch; the job's polling then follows it. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportJob } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';
import { importsUrl } from '../utils/paths.ts';
import { importQueryOptions } from './get-import.ts';
import { recentImportsQueryOptions } from './get-imports.ts';

export function resumeImport(job: Pick<ImportJob, 'kind' | 'id'>): Promise<ImportJob> {
  return api.post<ImportJob>(`${importsUrl(job.kind)}/${job.id}/resume`);
}

export function useResumeImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resumeImport,
    onSuccess: (job) => {
      const { queryKey } = importQueryOptions(job.kind, job.id);
      queryClient.setQueryData(queryKey, job);
      void queryClient.invalidateQueries({ queryKey });
      void queryClient.invalidateQueries({ queryKey: recentImportsQueryOptions(job.kind).queryKey });
    },
  });
}
