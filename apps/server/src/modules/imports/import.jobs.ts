/**
 * The jobs of an import kind: `<kind>.import` runs one import (safe to run twice: a finished job is
 * left alone, a crashed one resumes); `<kind>.import.purge` ends the retention of finished ones.
 */
import { Type } from 'typebox';
import { defineJob } from '../../jobs/queue.ts';
import type { ImportService } from './import.service.ts';

export const importJob = (service: ImportService) =>
  defineJob({
    name: `${service.kind.name}.import`,
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
export const importPurgeJob = (service: ImportService, cron: string) =>
  defineJob({
    name: `${service.kind.name}.import.purge`,
    payload: Type.Object({}, { additionalProperties: false }),
    cron,
    handler: async () => {
      await service.purge();
    },
  });
