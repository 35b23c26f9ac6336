/**
 * A real server for browser tests: fresh database (PGlite, or PostgreSQL with TEST_DATABASE_URL),
 * the small demo county, the built web app, listening on a free loopback port.
 */
import path from 'node:path';
import { freshDatabase } from '../../apps/server/test/database.ts';
import { loadConfig, repoRoot } from '../../apps/server/src/config.ts';
import { ManualClock } from '../../apps/server/src/lib/clock.ts';
import { startServer, type Runtime } from '../../apps/server/src/main.ts';
import { seedDemo } from '../../apps/server/src/modules/demo/demo.seed.ts';

export interface TestServer {
  url: string;
  runtime: Runtime;
  clock: ManualClock;
  close(): Promise<void>;
}

export async function startTestServer(opts: { demoScale?: number } = {}): Promise<TestServer> {
  const tdb = await freshDatabase();
  const config = loadConfig(
    {},
    {
      port: 0,
      host: '127.0.0.1',
      logLevel: 'silent',
      dataDir: 'memory://',
      databaseUrl: tdb.url,
      seedOnEmpty: false,
      webDist: path.join(repoRoot, 'apps/web/dist'),
    },
  );
  const clock = new ManualClock('2026-09-30T01:00:00Z');
  const runtime = await startServer(config, { db: tdb.db, clock });
  if (opts.demoScale) await seedDemo(runtime.db, clock, runtime.crypto, { scale: opts.demoScale, seed: 2026 });
  return {
    url: runtime.url,
    runtime,
    clock,
    close: async () => {
      await runtime.close();
      await tdb.cleanup();
    },
  };
}
