/** Removes unlinked uploads older than a day, every hour. Idempotent: a second run finds nothing. */
import { Type } from 'typebox';
import { defineJob } from '../../jobs/queue.ts';
import type { FilesService } from './files.service.ts';

export const filesCleanupJob = (files: FilesService) =>
  defineJob({
    name: 'files.cleanup',
    payload: Type.Object({}),
    cron: '17 * * * *',
    handler: async () => {
      await files.removeStale();
    },
  });
