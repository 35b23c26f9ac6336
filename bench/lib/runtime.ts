/**
 * The project's whole server (createRuntime: migrations, pg-boss, Fastify app) on a benchmark
 * database, optionally with the demo county loaded. Quiet logs, no job workers, no web bundle.
 */
import path from 'node:path';
import { sql } from 'kysely';
import { loadConfig } from '../../apps/server/src/config.ts';
import { systemClock } from '../../apps/server/src/lib/clock.ts';
import { createRuntime, type Runtime } from '../../apps/server/src/main.ts';
import { seedDemo, type DemoSummary } from '../../apps/server/src/modules/demo/demo.seed.ts';
import type { BenchDb } from './db.ts';

export async function benchRuntime(
  b: BenchDb,
  demoScale: number | null,
): Promise<{ runtime: Runtime; demo: DemoSummary | null }> {
  const config = loadConfig(
    {},
    {
      logLevel: 'silent',
      dataDir: 'memory://',
      databaseUrl: b.url,
      seedOnEmpty: false,
      jobsEnabled: false,
      webDist: path.join(import.meta.dirname, 'no-web-dist'),
    },
  );
  const runtime = await createRuntime(config, { db: b.db });
  const demo =
    demoScale === null ? null : await seedDemo(runtime.db, systemClock, runtime.crypto, { scale: demoScale, seed: 2026 });
  // After a bulk load autovacuum analyzes within a minute or so; do it now so plans are the steady-state ones.
  if (demo) await sql`analyze`.execute(runtime.db.db);
  return { runtime, demo };
}
