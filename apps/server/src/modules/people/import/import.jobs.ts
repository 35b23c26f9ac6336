/** The background job that runs an import; safe to run twice (a finished job is left alone, a crashed one resumes). */
import { Type } from 'typebox';
import { defineJob } from '../../../jobs/queue.ts';
import type { PeopleImportService } from './import.service.ts';

export const peopleImportJob = (service: PeopleImportService) =>
  defineJob({
    name: 'people.import',
    payload: Type.Object(
      { importId: Type.Integer({ minimum: 1 }), resume: Type.Optional(Type.Boolean()) },
      { additionalProperties: false },
    ),
    retryLimit: 2,
    expireInSeconds: 60 * 60,
    // A retry after a crash or an unexpected error, or a resume asked for, goes on after the last committed batch.
    handler: async ({ importId, resume }, ctx) => {
      await service.run(importId, undefined, { resume: resume === true || ctx.retryCount > 0 });
    },
  });

/** Daily: ends the retention of finished imports (their rejected rows and any file left). */
export const peopleImportPurgeJob = (service: PeopleImportService) =>
  defineJob({
    name: 'people.import.purge',
    payload: Type.Object({}, { additionalProperties: false }),
    cron: '41 3 * * *',
    handler: async () => {
      await service.purge();
    },
  });
