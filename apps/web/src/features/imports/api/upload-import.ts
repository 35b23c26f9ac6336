/**
 * Starts an import of a kind (people, houses): the file goes up as multipart (unitId, mode, file)
 * to that kind's imports and the server answers 202 with the queued job. A wrong header row or a
 * file that is not CSV/Excel is a 400 whose detail (in Chinese) says what to fix; a file over the
 * limit is a 413.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportJob, ImportKindName } from '@wangge/contracts';
import { api } from '@/shared/api/client.ts';
import { importQueryOptions } from './get-import.ts';
import { recentImportsQueryOptions } from './get-imports.ts';
import { importsUrl } from '../utils/paths.ts';

export type ImportMode = 'insert' | 'upsert';

export interface UploadImportInput {
  kind: ImportKindName;
  file: File;
  unitId: number;
  mode: ImportMode;
}

export function uploadImport({ kind, file, unitId, mode }: UploadImportInput): Promise<ImportJob> {
  const form = new FormData();
  form.append('unitId', String(unitId));
  form.append('mode', mode);
  form.append('file', file, file.name);
  return api.post<ImportJob>(importsUrl(kind), form);
}

export function useUploadImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: uploadImport,
    // The wizard shows the server's reason beside the upload box.
    meta: { silentError: true },
    onSuccess: (job) => {
      queryClient.setQueryData(importQueryOptions(job.kind, job.id).queryKey, job);
      void queryClient.invalidateQueries({ queryKey: recentImportsQueryOptions(job.kind).queryKey });
    },
  });
}
