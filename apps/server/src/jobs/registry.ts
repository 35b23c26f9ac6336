/**
 * Every job definition the server runs, gathered from the modules. A module exports its jobs from
 * `<module>.jobs.ts`; add them here.
 */
import type { Logger } from 'pino';
import type { Db } from '../db/client.ts';
import type { Clock } from '../lib/clock.ts';
import type { JobDefinition } from './queue.ts';

export interface JobDeps {
  db: Db;
  clock: Clock;
  log: Logger;
}

export function allJobs(_deps: JobDeps): JobDefinition[] {
  return [];
}
