/**
 * Every job definition the server runs, gathered from the modules. A module exports its jobs from
 * `<module>.jobs.ts`; add them here.
 */
import { auditSealJob } from '../modules/audit/audit.jobs.ts';
import { dayFiguresJob } from '../modules/dashboard/dashboard.jobs.ts';
import { filesCleanupJob } from '../modules/files/files.jobs.ts';
import { importJob, importPurgeJob } from '../modules/imports/import.jobs.ts';
import { idempotencyPurgeJob, ticketSweepJob } from '../modules/tickets/tickets.jobs.ts';
import type { Services } from '../services.ts';
import type { JobDefinition } from './queue.ts';

export function allJobs(services: Services): JobDefinition[] {
  return [
    auditSealJob(services.audit),
    importJob(services.peopleImport),
    importPurgeJob(services.peopleImport, '41 3 * * *'),
    importJob(services.houseImport),
    importPurgeJob(services.houseImport, '43 3 * * *'),
    filesCleanupJob(services.files),
    ticketSweepJob(services.supervision),
    idempotencyPurgeJob(services.tickets),
    dayFiguresJob(services.dashboard),
  ];
}
