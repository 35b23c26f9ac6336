/**
 * A whole server for integration tests: fresh database, migrations, pg-boss, HTTP app (driven with
 * app.inject), and a ManualClock the test moves by hand.
 */
import path from 'node:path';
import { loadConfig, type Config } from '../src/config.ts';
import { ManualClock } from '../src/lib/clock.ts';
import { createRuntime, type Runtime, type RuntimeOptions } from '../src/main.ts';
import { freshDatabase } from './database.ts';

export interface TestRuntime extends Runtime {
  clock: ManualClock;
}

export async function testRuntime(overrides: Partial<Config> = {}, opts: RuntimeOptions = {}): Promise<TestRuntime> {
  const tdb = await freshDatabase();
  const config = loadConfig(
    {},
    {
      logLevel: 'silent',
      dataDir: 'memory://',
      databaseUrl: tdb.url,
      seedOnEmpty: false,
      webDist: path.join(import.meta.dirname, 'no-web-dist'),
      ...overrides,
    },
  );
  const clock = new ManualClock('2026-09-30T01:00:00Z');
  const runtime = await createRuntime(config, { clock, db: tdb.db, ...opts });
  const close = runtime.close;
  return {
    ...runtime,
    clock,
    close: async () => {
      await close();
      await tdb.cleanup();
    },
  };
}
