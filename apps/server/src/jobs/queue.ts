/**
 * Background work. A job is a name, a payload schema and an idempotent handler; a definition may
 * carry a cron schedule. The queue is pg-boss on both databases: on PostgreSQL through its own
 * pool, on PGlite through pg-boss's PGlite adapter (same SQL, same tables, same semantics).
 */
import type { Static, TSchema } from 'typebox';
import Value from 'typebox/value';
import { AppError } from '../lib/errors.ts';

export interface JobContext {
  jobId: string;
  /** How many times this job has been tried before (0 on the first run). */
  retryCount: number;
}

export interface JobDefinition<S extends TSchema = TSchema> {
  name: string;
  payload: S;
  /** Must be safe to run twice for the same payload: jobs are delivered at least once. */
  handler: (payload: Static<S>, ctx: JobContext) => Promise<void>;
  /** Cron expression (UTC) for scheduled jobs; the payload is then `{}`. */
  cron?: string;
  retryLimit?: number;
  /** Seconds before a running job is considered lost and retried. */
  expireInSeconds?: number;
}

export function defineJob<S extends TSchema>(def: JobDefinition<S>): JobDefinition<S> {
  return def;
}

export interface SendOptions {
  startAfter?: Date;
}

export interface JobQueue {
  register(def: JobDefinition): void;
  start(): Promise<void>;
  send<S extends TSchema>(def: JobDefinition<S>, payload: Static<S>, opts?: SendOptions): Promise<string | null>;
  /** Waits until every queued job of this name has finished (tests and CLI). */
  drain(name: string, timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

export function checkPayload(def: JobDefinition, payload: unknown): void {
  if (!Value.Check(def.payload, payload)) {
    const errors = [...Value.Errors(def.payload, payload)].map((e) => ({ path: e.instancePath || '/', message: e.message }));
    throw AppError.badRequest(`Invalid payload for job ${def.name}`, errors);
  }
}
