/** Hourly, at 55 minutes past (23:55 in China closes the day): the day figures of every unit. Idempotent. */
import { Type } from 'typebox';
import { defineJob } from '../../jobs/queue.ts';
import type { DashboardService } from './dashboard.service.ts';

export const dayFiguresJob = (dashboard: DashboardService) =>
  defineJob({
    name: 'dashboard.day-figures',
    payload: Type.Object({}, { additionalProperties: false }),
    cron: '55 * * * *',
    expireInSeconds: 600,
    handler: async () => {
      await dashboard.recordDay();
    },
  });
