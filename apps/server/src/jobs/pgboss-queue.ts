/**
 * pg-boss behind the JobQueue interface. On PGlite, pg-boss talks to the same instance through its
 * PGlite adapter; PGlite runs one statement or transaction at a time, so pg-boss's work queues behind
 * the application's transactions instead of interleaving with them.
 */
import { PgBoss, fromPglite, type Job } from 'pg-boss';
import type { Db } from '../db/client.ts';
import type { Logger } from 'pino';
import { checkPayload, type JobDefinition, type JobQueue, type SendOptions } from './queue.ts';

export interface PgBossQueueOptions {
  db: Db;
  databaseUrl?: string | undefined;
  schema?: string;
  log: Logger;
  /** false: jobs can be sent but nothing is worked (CLI commands, tests that drive handlers). */
  work?: boolean;
  pollingIntervalSeconds?: number;
}

export class PgBossQueue implements JobQueue {
  readonly #defs = new Map<string, JobDefinition>();
  readonly #boss: PgBoss;
  #started = false;
  readonly #schema: string;

  constructor(private readonly opts: PgBossQueueOptions) {
    const schema = opts.schema ?? 'pgboss';
    this.#schema = schema;
    this.#boss = opts.db.pglite
      ? new PgBoss({ db: fromPglite(opts.db.pglite), backend: 'pglite', schema })
      : new PgBoss({ connectionString: opts.databaseUrl, schema, max: 4 });
    this.#boss.on('error', (err: unknown) => opts.log.error({ err }, 'job queue error'));
  }

  register(def: JobDefinition): void {
    if (this.#started) throw new Error(`register ${def.name} before start()`);
    this.#defs.set(def.name, def);
  }

  async start(): Promise<void> {
    await this.#boss.start();
    this.#started = true;
    for (const def of this.#defs.values()) {
      await this.#boss.createQueue(def.name, {
        retryLimit: def.retryLimit ?? 3,
        expireInSeconds: def.expireInSeconds ?? 15 * 60,
      });
      if (def.cron) await this.#boss.schedule(def.name, def.cron, {}, { tz: 'UTC' });
      if (this.opts.work === false) continue;
      await this.#boss.work(
        def.name,
        { pollingIntervalSeconds: this.opts.pollingIntervalSeconds ?? 2, batchSize: 1, includeMetadata: true },
        async (jobs: Job<object>[]) => {
          for (const job of jobs) {
            checkPayload(def, job.data);
            await def.handler(job.data as never, { jobId: job.id, retryCount: (job as { retryCount?: number }).retryCount ?? 0 });
          }
        },
      );
    }
  }

  async send(def: JobDefinition, payload: unknown, opts: SendOptions = {}): Promise<string | null> {
    checkPayload(def, payload);
    if (!this.#defs.has(def.name)) throw new Error(`job ${def.name} is not registered`);
    return this.#boss.send(def.name, payload as object, opts.startAfter ? { startAfter: opts.startAfter } : {});
  }

  async drain(name: string, timeoutMs = 30_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await this.opts.db.raw.query<{ n: number }>(
        `select count(*)::int as n from ${this.#schema}.job where name = $1 and state in ('created', 'retry', 'active')`,
        [name],
      );
      if ((rows[0]?.n ?? 0) === 0) return;
      if (Date.now() > until) throw new Error(`queue ${name} did not drain in ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async stop(): Promise<void> {
    if (!this.#started) return;
    this.#started = false;
    await this.#boss.stop({ graceful: true, timeout: 5_000, close: true });
  }
}
