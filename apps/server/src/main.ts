/**
 * Composition root: config → database (migrated) → job queue → HTTP app. Used by `wangge serve`,
 * by the tests (with a ManualClock and a fresh database) and by the benchmarks.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Config } from './config.ts';
import { openDatabase, type Db } from './db/client.ts';
import { migrateToLatest } from './db/migrate.ts';
import { buildApp } from './http/app.ts';
import { PgBossQueue } from './jobs/pgboss-queue.ts';
import type { JobDefinition, JobQueue } from './jobs/queue.ts';
import { allJobs } from './jobs/registry.ts';
import { systemClock, type Clock } from './lib/clock.ts';
import { FieldCrypto, generateKeyRing, loadOrCreateKeyRing } from './lib/field-crypto.ts';
import { createLogger } from './lib/logger.ts';
import { seedDemo } from './modules/demo/demo.seed.ts';
import { demoTicketCount, seedDemoTickets } from './modules/demo/tickets.seed.ts';
import { createServices, type Services } from './services.ts';

export interface Runtime {
  config: Config;
  db: Db;
  clock: Clock;
  jobs: JobQueue;
  services: Services;
  crypto: FieldCrypto;
  app: FastifyInstance;
  log: Logger;
  close(): Promise<void>;
}

export interface RuntimeOptions {
  clock?: Clock;
  /** An already open database (tests); otherwise opened from config. */
  db?: Db;
  /** Extra job definitions (tests). */
  extraJobs?: JobDefinition[];
  /** Schema for pg-boss's tables (tests on a shared PostgreSQL). */
  jobSchema?: string;
}

export async function createRuntime(config: Config, opts: RuntimeOptions = {}): Promise<Runtime> {
  const log = createLogger(config.logLevel);
  const clock = opts.clock ?? systemClock;
  const db =
    opts.db ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolMax: config.dbPoolMax }));
  await migrateToLatest(db);
  const jobs = new PgBossQueue({
    db,
    databaseUrl: config.databaseUrl,
    log,
    work: config.jobsEnabled,
    ...(opts.jobSchema ? { schema: opts.jobSchema } : {}),
  });
  // In-memory databases (tests) get throwaway keys; otherwise the key file outside the database.
  const crypto = new FieldCrypto(config.dataDir === 'memory://' ? generateKeyRing() : loadOrCreateKeyRing(config.keyFile));
  const services = createServices(db, clock, crypto, config);
  await services.categories.ensureDefaults();
  services.ticketNotifier.log = log;
  const defs = allJobs(services);
  for (const def of [...defs, ...(opts.extraJobs ?? [])]) jobs.register(def);
  await jobs.start();
  for (const imports of [services.peopleImport, services.houseImport]) {
    const importJob = defs.find((d) => d.name === `${imports.kind.name}.import`)!;
    imports.enqueue = (importId, resume = false) => jobs.send(importJob, { importId, ...(resume ? { resume } : {}) });
  }
  const app = await buildApp({ config, db, clock, jobs, services });
  let closed = false;
  return {
    config,
    db,
    clock,
    jobs,
    services,
    crypto,
    app,
    log,
    close: async () => {
      if (closed) return;
      closed = true;
      await app.close();
      await jobs.stop();
      await db.close();
    },
  };
}

/** On an empty embedded database, load the small demo county so the first start shows a living county. */
async function seedIfEmpty(runtime: Runtime, crypto: FieldCrypto) {
  const { config, db, log } = runtime;
  if (!config.seedOnEmpty || db.kind !== 'pglite') return;
  const any = await db.db.selectFrom('unit').select('id').limit(1).executeTakeFirst();
  if (any) return;
  log.info(`Empty database: loading the demo county at scale ${config.demoScale}…`);
  const summary = await seedDemo(db, runtime.clock, crypto, { scale: config.demoScale, seed: 2026 });
  const { categories, calendar, supervision } = runtime.services;
  await categories.ensureDefaults();
  const count = demoTicketCount(config.demoScale);
  await seedDemoTickets(db, runtime.clock, await calendar.current(), categories, {
    count,
    days: 365,
    seed: 2026,
    timeline: true,
  });
  await supervision.sweep();
  // The demo passwords are shown once here and kept beside the database (mode 0600) for the newcomer.
  const file = path.join(config.dataDir, 'demo-accounts.txt');
  const lines = summary.accounts.map((a) => `${a.username.padEnd(12)} ${a.password}  ${a.role} @ ${a.unit}`);
  writeFileSync(file, `Wangge demo accounts (demo only; change or disable them in production)\n${lines.join('\n')}\n`, {
    mode: 0o600,
  });
  log.info(
    { units: summary.units, households: summary.households, staff: summary.staff },
    `demo county loaded; demo accounts in ${file}`,
  );
  for (const line of lines) log.info(`demo account: ${line}`);
}

export async function startServer(config: Config, opts: RuntimeOptions = {}): Promise<Runtime & { url: string }> {
  const runtime = await createRuntime(config, opts);
  await seedIfEmpty(runtime, runtime.crypto);
  const address = await runtime.app.listen({ host: config.host, port: config.port });
  return { ...runtime, url: address.replace('[::1]', '127.0.0.1') };
}
