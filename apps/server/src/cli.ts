/**
 * The `wangge` command: serve, migrate, seed. Run through `npm run wangge -- <command>` or
 * `npx wangge <command>`; both use the project's Node 24.
 */
import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { openDatabase } from './db/client.ts';
import { migrateToLatest } from './db/migrate.ts';
import { version } from './http/version.ts';
import { startServer } from './main.ts';

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

const program = new Command('wangge')
  .description('Wangge (网格) grid governance platform')
  .version(version)
  .showHelpAfterError();

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

await program.parseAsync(process.argv);
