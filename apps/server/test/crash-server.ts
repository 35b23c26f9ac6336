/**
 * For crash tests: a database that outlives a process (PGlite on disk in a temp directory, or a new
 * database on the PostgreSQL server named by TEST_DATABASE_URL), a small county prepared in-process,
 * and the real server (`wangge serve`) as a child process that the test can kill -9 and start again.
 */
import type { UnitCreate } from '@wangge/contracts';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig, repoRoot } from '../src/config.ts';
import { openDatabase, type Db } from '../src/db/client.ts';
import { createRuntime } from '../src/main.ts';
import { systemActor } from '../src/modules/access/actor.ts';
import { createUser, square, TEST_PASSWORD } from './factories.ts';

export interface DurableDatabase {
  kind: 'pglite' | 'postgres';
  /** The server's WANGGE_DATA_DIR (PGlite lives in `<dir>/pglite`; files go under it on both). */
  dataDir: string;
  keyFile: string;
  url: string | undefined;
  open(): Promise<Db>;
  cleanup(): Promise<void>;
}

export async function durableDatabase(): Promise<DurableDatabase> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'wangge-crash-'));
  const keyFile = path.join(dataDir, 'keys', 'field-keys.json');
  const removeDir = () => rmSync(dataDir, { recursive: true, force: true });
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl)
    return {
      kind: 'pglite',
      dataDir,
      keyFile,
      url: undefined,
      open: () => openDatabase({ dataDir }),
      cleanup: async () => removeDir(),
    };
  const name = `wangge_crash_${randomBytes(6).toString('hex')}`;
  const admin = async (statement: string) => {
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(statement);
    await c.end();
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    kind: 'postgres',
    dataDir,
    keyFile,
    url: url.toString(),
    open: () => openDatabase({ databaseUrl: url.toString(), dataDir, poolMax: 3 }),
    cleanup: async () => {
      removeDir();
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}

export const REPORTER = 'crashreporter';

/** County → township → village → grid with polygons, the default categories, and a grid worker who reports. */
export async function prepareCounty(d: DurableDatabase) {
  const db = await d.open();
  const config = loadConfig(
    {},
    {
      logLevel: 'silent',
      dataDir: d.dataDir,
      keyFile: d.keyFile,
      databaseUrl: d.url,
      seedOnEmpty: false,
      jobsEnabled: false,
      webDist: path.join(import.meta.dirname, 'no-web-dist'),
    },
  );
  const rt = await createRuntime(config, { db });
  try {
    const { units, maps } = rt.services;
    const unit = (parentId: number | null, kind: UnitCreate['kind'], name: string, code?: string) =>
      units.create(systemActor, { parentId, kind, name, ...(code ? { code } : {}) });
    const county = await unit(null, 'county', '测试县', '430624');
    const township = await unit(county.id, 'township', '东塘镇', '430624101000');
    const village = await unit(township.id, 'village', '东塘村', '430624101001');
    const grid = await unit(village.id, 'grid', '第1网格');
    for (const [u, size] of [
      [county, 2],
      [township, 1],
      [village, 0.5],
      [grid, 0.25],
    ] as const)
      await maps.setGeometry(systemActor, u.id, square(112, 28, size));
    const category = await rt.db.db
      .selectFrom('ticket_category')
      .select('id')
      .where('code', '=', 'dispute.neighbour')
      .executeTakeFirstOrThrow();
    const user = await createUser(rt.db, {
      username: REPORTER,
      displayName: '网格员',
      role: 'gridWorker',
      unitId: grid.id,
      now: new Date(),
    });
    return { gridId: grid.id, categoryId: category.id, userId: user.id };
  } finally {
    await rt.close();
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export interface ChildServer {
  url: string;
  child: ChildProcess;
  /** The end of what the server wrote to stderr/stdout, for failure messages. */
  output(): string;
  /** Resolves when the process has exited (with its signal or code). */
  exited: Promise<string>;
}

/** Starts `wangge serve` on the durable database and waits until /readyz answers 200. */
export async function startChild(d: DurableDatabase, timeoutMs = 40_000): Promise<ChildServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    WANGGE_DATA_DIR: d.dataDir,
    WANGGE_KEY_FILE: d.keyFile,
    WANGGE_PORT: String(port),
    WANGGE_HOST: '127.0.0.1',
    WANGGE_JOBS: 'false',
    WANGGE_SEED_ON_EMPTY: 'false',
    WANGGE_LOG_LEVEL: 'warn',
    WANGGE_WEB_DIST: path.join(import.meta.dirname, 'no-web-dist'),
  };
  delete env.DATABASE_URL;
  if (d.url) env.DATABASE_URL = d.url;
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', 'serve'], {
    cwd: repoRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const keep = (b: Buffer) => (out = (out + b.toString()).slice(-8000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? `code ${code}`)));
  let gone: string | undefined;
  void exited.then((how) => (gone = how));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (gone) throw new Error(`server exited (${gone}) before it was ready:\n${out}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server not ready after ${timeoutMs} ms:\n${out}`);
    }
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return { url, child, output: () => out, exited };
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Stops a child: SIGTERM (a clean close) or SIGKILL, and waits for it to exit. */
export async function stopChild(s: ChildServer | undefined, signal: 'SIGTERM' | 'SIGKILL' = 'SIGTERM'): Promise<string> {
  if (!s || s.child.exitCode !== null || s.child.signalCode !== null) return 'already exited';
  s.child.kill(signal);
  const timer = setTimeout(() => s.child.kill('SIGKILL'), 15_000);
  try {
    return await s.exited;
  } finally {
    clearTimeout(timer);
  }
}

/** A signed-in client over real HTTP: session cookie and CSRF token, as the web app sends them. */
export async function httpLogin(url: string, username = REPORTER, password = TEST_PASSWORD) {
  const res = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie()[0]!.split(';')[0]!;
  const me = (await res.json()) as { csrfToken: string; stage: string };
  if (me.stage !== 'active') throw new Error(`login stage ${me.stage}`);
  return { cookie, csrf: me.csrfToken };
}
export type HttpSession = Awaited<ReturnType<typeof httpLogin>>;
