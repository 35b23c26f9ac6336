/**
 * The `wangge` command: serve, migrate, seed. Run through `npm run wangge -- <command>` or
 * `npx wangge <command>`; both use the project's Node 24.
 */
import { copyFileSync, writeFileSync } from 'node:fs';
import v8 from 'node:v8';
import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { openDatabase, type Db } from './db/client.ts';
import { migrateToLatest } from './db/migrate.ts';
import { version } from './http/version.ts';
import { FieldCrypto, loadOrCreateKeyRing } from './lib/field-crypto.ts';
import { systemClock } from './lib/clock.ts';
import { startServer } from './main.ts';
import { seedDemo } from './modules/demo/demo.seed.ts';
import { demoTicketCount, seedDemoTickets } from './modules/demo/tickets.seed.ts';
import { reencryptAll } from './modules/keys/rotation.ts';
import { importDivisions, loadCountyDivisions } from './modules/units/division-import.ts';
import { unitsRepo } from './modules/units/units.repo.ts';
import { systemActor } from './modules/access/actor.ts';
import { registerImportCommands } from './cli-import.ts';
import { createServices } from './services.ts';

// After a full collection V8 lets the heap grow to up to 4× what survived it before collecting
// again. A bulk import's batches live just long enough to be promoted, so the process sat on a few
// hundred MB of dead batches. Twice is plenty: `wangge import people` of 608,096 rows peaked at
// 379 MB instead of 570 MB, in the same time (docs/PERFORMANCE.md). Set before any command runs.
v8.setFlagsFromString('--heap-growing-percent=100');

function config(overrides: Partial<Config> = {}): Config {
  try {
    return loadConfig(process.env, overrides);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
}

const port = (raw: string) => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError('expected a port number');
  return n;
};

const program = new Command('wangge').description('Wangge (网格) grid governance platform').version(version).showHelpAfterError();

program
  .command('serve')
  .description('start the API and the web app (migrates first)')
  .option('-p, --port <port>', 'port to listen on (default WANGGE_PORT or 3000)', port)
  .option('--host <host>', 'address to bind (default WANGGE_HOST or 127.0.0.1)')
  .action(async (opts: { port?: number; host?: string }) => {
    const cfg = config({ ...(opts.port !== undefined ? { port: opts.port } : {}), ...(opts.host ? { host: opts.host } : {}) });
    const runtime = await startServer(cfg);
    runtime.log.info(`Wangge listening on ${runtime.url} (database: ${runtime.db.kind})`);
    const stop = async () => {
      await runtime.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

program
  .command('migrate')
  .description('apply pending database migrations and exit')
  .action(async () => {
    const cfg = config();
    const db = await openDatabase({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir });
    const applied = await migrateToLatest(db);
    console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
    await db.close();
  });

async function openMigrated() {
  const cfg = config();
  const db = await openDatabase({ databaseUrl: cfg.databaseUrl, dataDir: cfg.dataDir, poolMax: cfg.dbPoolMax });
  await migrateToLatest(db);
  return { cfg, db };
}

const scale = (raw: string) => {
  const n = Number(raw);
  if (!(n > 0 && n <= 1)) throw new InvalidArgumentError('expected a number in (0, 1]');
  return n;
};
const integer = (raw: string) => {
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new InvalidArgumentError('expected an integer');
  return n;
};

const seed = program.command('seed').description('load data');
seed
  .command('demo')
  .description(
    'build the demo county, Xiangyin (湘阴县, 430624): real townships and villages, synthetic grids, staff and households',
  )
  .option('--scale <share>', 'share of the full county (1 = 1,094 grids, ~184,000 households)', scale, 0.01)
  .option('--seed <n>', 'seed value: the same value gives the same county', integer, 2026)
  .option('--tickets <n>', 'tickets over the last year (default: a year of reports at this scale)', integer)
  .action(async (opts: { scale: number; seed: number; tickets?: number }) => {
    const { cfg, db } = await openMigrated();
    const crypto = new FieldCrypto(loadOrCreateKeyRing(cfg.keyFile));
    try {
      const summary = await seedDemo(db, systemClock, crypto, opts);
      const tickets = await seedTickets(db, cfg, crypto, {
        count: opts.tickets ?? demoTicketCount(opts.scale),
        days: 365,
        seed: opts.seed,
      });
      console.log(JSON.stringify({ ...summary, ...tickets }, null, 2));
    } finally {
      await db.close();
    }
  });
seed
  .command('tickets')
  .description('add generated tickets to a loaded county (the benchmark uses a million over three years)')
  .requiredOption('--count <n>', 'how many tickets', integer)
  .option('--days <n>', 'spread over the last n days', integer, 365)
  .option('--seed <n>', 'seed value', integer, 2026)
  .action(async (opts: { count: number; days: number; seed: number }) => {
    const { cfg, db } = await openMigrated();
    try {
      console.log(JSON.stringify(await seedTickets(db, cfg, new FieldCrypto(loadOrCreateKeyRing(cfg.keyFile)), opts), null, 2));
    } finally {
      await db.close();
    }
  });

async function seedTickets(db: Db, cfg: Config, crypto: FieldCrypto, opts: { count: number; days: number; seed: number }) {
  const services = createServices(db, systemClock, crypto, cfg);
  await services.categories.ensureDefaults();
  const cal = await services.calendar.current();
  const started = performance.now();
  const r = await seedDemoTickets(db, systemClock, cal, services.categories, { ...opts, timeline: opts.count <= 50_000 });
  const sweep = await services.supervision.sweep();
  return { ...r, notices: sweep.notices, seconds: Math.round((performance.now() - started) / 100) / 10 };
}

const units = program.command('units').description('the unit tree');
units
  .command('import')
  .description("load a county's townships and villages with their 12-digit division codes (2023 edition)")
  .requiredOption('--county <code>', '6-digit county code, e.g. 430624')
  .action(async (opts: { county: string }) => {
    const { cfg, db } = await openMigrated();
    try {
      const crypto = new FieldCrypto(loadOrCreateKeyRing(cfg.keyFile));
      const { units } = createServices(db, systemClock, crypto, cfg);
      const result = await importDivisions(await loadCountyDivisions(opts.county), {
        findByCode: (code) => unitsRepo.findByCode(db.db, code),
        create: (input) => units.create(systemActor, input),
        rename: (id, version, name) => units.update(systemActor, id, { version, name, reason: 'division code import' }),
      });
      console.log(JSON.stringify(result, null, 2));
    } finally {
      await db.close();
    }
  });

registerImportCommands(program, openMigrated);

const keys = program.command('keys').description('encryption keys of personal fields');
keys
  .command('rotate')
  .description('make a new current key and re-encrypt every encrypted field under it')
  .action(async () => {
    const { cfg, db } = await openMigrated();
    try {
      const ring = FieldCrypto.rotated(loadOrCreateKeyRing(cfg.keyFile));
      // Write the new ring first (old keys kept), so a crash mid-way leaves every value readable.
      copyFileSync(cfg.keyFile, `${cfg.keyFile}.${Date.now()}.bak`);
      writeFileSync(cfg.keyFile, JSON.stringify(ring, null, 2), { mode: 0o600 });
      const counts = await reencryptAll(db, new FieldCrypto(ring));
      console.log(JSON.stringify({ currentKey: ring.current, reencrypted: counts }, null, 2));
    } finally {
      await db.close();
    }
  });

const audit = program.command('audit').description('the audit log');
audit
  .command('verify')
  .description('seal new records, then recompute the seal chain and report the first broken link')
  .action(async () => {
    const { cfg, db } = await openMigrated();
    try {
      const { audit: service } = createServices(db, systemClock, new FieldCrypto(loadOrCreateKeyRing(cfg.keyFile)), cfg);
      await service.seal();
      const result = await service.verify();
      console.log(result.message);
      if (!result.ok) process.exitCode = 3;
    } finally {
      await db.close();
    }
  });

program.exitOverride();
try {
  await program.parseAsync(process.argv);
} catch (err) {
  const e = err as { code?: string; exitCode?: number; message?: string };
  if (e.code?.startsWith('commander.')) process.exit(e.exitCode ?? 1);
  console.error(e.message ?? String(err));
  process.exit(1);
}
