/** Seals new audit records into the HMAC chain every minute. Idempotent: a second run finds nothing. */
import { Type } from 'typebox';
import { defineJob } from '../../jobs/queue.ts';
import type { AuditService } from './audit.service.ts';

export const auditSealJob = (audit: AuditService) =>
  defineJob({
    name: 'audit.seal',
    payload: Type.Object({}),
    cron: '* * * * *',
    handler: async () => {
      while ((await audit.seal()) > 0);
    },
  });
