/** The deadline sweep every minute, and forgetting day-old idempotency keys every hour. Both idempotent. */
import { Type } from 'typebox';
import { defineJob } from '../../jobs/queue.ts';
import type { SupervisionService } from './supervision.service.ts';
import type { TicketsService } from './tickets.service.ts';

export const ticketSweepJob = (supervision: SupervisionService) =>
  defineJob({
    name: 'tickets.sweep',
    payload: Type.Object({}),
    cron: '* * * * *',
    expireInSeconds: 300,
    handler: async () => {
      await supervision.sweep();
    },
  });

export const idempotencyPurgeJob = (tickets: TicketsService) =>
  defineJob({
    name: 'tickets.idempotency-purge',
    payload: Type.Object({}),
    cron: '17 * * * *',
    handler: async () => {
      await tickets.purgeIdempotencyKeys();
    },
  });
