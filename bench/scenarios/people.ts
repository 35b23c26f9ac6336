/**
 * people (issue 5): importing people and finding them.
 * - Import of a generated CSV (valid, distinct ID numbers; validation, SM4 encryption and blind
 *   indexes included) through the importer, beside raw COPY of the rows it produced, with the
 *   importer's peak RSS: on PostgreSQL `wangge import people` in a child process (its VmHWM), on
 *   PGlite the job in this process (the whole process's RSS). Default: 100,000 rows on each
 *   database; --full: 608,096 on PostgreSQL and the same as .xlsx.
 * - Name search and exact ID-number lookup through the API (p95) beside the same queries in raw SQL.
 */
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import pg from 'pg';
import type { Runtime } from '../../apps/server/src/main.ts';
import { makeIdNumber } from '../../apps/server/src/lib/id-number.ts';
import { systemActor } from '../../apps/server/src/modules/access/actor.ts';
import { copyTables, databases, freshPglite, freshPostgres, type BenchDb } from '../lib/db.ts';
import { percentile, sample, timed } from '../lib/measure.ts';
import { benchRuntime, signIn } from '../lib/runtime.ts';
import { row, type Ctx, type Row, type Scenario } from '../lib/types.ts';

const HEAD = '姓名,公民身份号码,性别,出生日期,民族,联系电话,人口类型,所属单元编码,关爱标识,居住地址';
const SURNAMES = [...'李王张刘陈杨黄赵周吴徐孙胡朱高林何郭马罗'];
const GIVEN = [...'伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂华建国志春梅红德胜金凤玉海燕'];

/** The rows one at a time, so the file is written without holding them all (the RSS is the importer's). */
function* rowsFor(n: number, unitCodes: string[]): Generator<string[]> {
  for (let i = 0; i < n; i++) {
    // Distinct numbers: 999 sequences per birth date, birth dates walking from 1930.
    const day = Math.floor(i / 499);
    const birth = new Date(Date.UTC(1930, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
    const male = i % 2 === 0;
    const id = makeIdNumber('430624', birth, (i % 499) * 2 + (male ? 1 : 2));
    const name = SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7) % GIVEN.length]! + (i % 3 ? GIVEN[(i * 13) % GIVEN.length]! : '');
    yield [
      name,
      id,
      male ? '男' : '女',
      birth,
      '汉族',
      i % 5 ? `139${String(i).padStart(8, '0')}` : '',
      i % 10 ? '户籍人口' : '流动人口',
      unitCodes[i % unitCodes.length]!,
      i % 17 ? '' : '留守老人',
      `东塘镇${i % 50}组${i % 97}号`,
    ];
  }
}

type ImportResult = { inserted: number; rejected: number };

/** PGlite (one process only): the import job in this process; peak RSS of the whole process. */
async function inProcess(runtime: Runtime, file: string, unitId: number) {
  let rss = process.memoryUsage().rss;
  const watch = setInterval(() => (rss = Math.max(rss, process.memoryUsage().rss)), 100);
  const { ms, result } = await timed(async () => {
    const job = await runtime.services.peopleImport.create(systemActor, {
      filePath: file,
      fileName: path.basename(file),
      unitId,
      mode: 'insert',
    });
    return runtime.services.peopleImport.run(job.id);
  });
  clearInterval(watch);
  return { seconds: ms / 1000, rss: rss / 2 ** 20, result: result as ImportResult };
}

/**
 * PostgreSQL: `wangge import people FILE` as an administrator runs it, in a child process, so the
 * memory figure is the importer's own (VmHWM, the peak RSS the kernel recorded) and not this bench
 * process's. The time is the job's (started → finished), without the process start.
 */
async function cli(url: string, file: string, unitCode: string, scratch: string) {
  const cliPath = path.join(import.meta.dirname, '../../apps/server/src/cli.ts');
  const child = spawn(process.execPath, ['--import', 'tsx', cliPath, 'import', 'people', file, '--unit', unitCode], {
    env: { ...process.env, DATABASE_URL: url, WANGGE_DATA_DIR: scratch, WANGGE_KEY_FILE: path.join(scratch, 'keys.json') },
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let hwmKb = 0;
  const poll = setInterval(() => {
    try {
      hwmKb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? hwmKb);
    } catch {
      // exited between two polls: the last reading stands (VmHWM only grows)
    }
  }, 50);
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(poll);
  if (code !== 0) throw new Error(`wangge import people exited with ${code}: ${out.slice(0, 300)}`);
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    const job = await pool.query<{ s: number }>(
      `select extract(epoch from finished_at - started_at)::float8 as s from import_job order by id desc limit 1`,
    );
    return { seconds: job.rows[0]!.s, rss: hwmKb / 1024, result: JSON.parse(out) as ImportResult };
  } finally {
    await pool.end();
  }
}

async function importOnce(
  b: BenchDb,
  ctx: Ctx,
  n: number,
  format: 'csv' | 'xlsx',
  scratch: string,
): Promise<{ seconds: number; rss: number; copySeconds: number; rows: number }> {
  const runtime = await benchRuntime(b, 0.01);
  try {
    const units = (await runtime.db.db.selectFrom('unit').select('code').where('kind', '=', 'householdGroup').execute()).map(
      (u) => u.code,
    );
    const file = path.join(scratch, `people-${n}.${format}`);
    ctx.log(`${b.label}: writing ${n} rows as ${format}`);
    if (format === 'csv') {
      const out = createWriteStream(file);
      out.write(`${HEAD}\n`);
      for (const r of rowsFor(n, units)) if (!out.write(`${r.join(',')}\n`)) await once(out, 'drain');
      await new Promise((res, rej) => out.end((err?: Error | null) => (err ? rej(err) : res(null))));
    } else {
      const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
      const ws = wb.addWorksheet('people');
      ws.addRow(HEAD.split(',')).commit();
      for (const r of rowsFor(n, units)) ws.addRow(r).commit();
      ws.commit();
      await wb.commit();
    }
    const before = await runtime.db.db
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const county = await runtime.db.db
      .selectFrom('unit')
      .select(['id', 'code'])
      .where('kind', '=', 'county')
      .executeTakeFirstOrThrow();
    ctx.log(`${b.label}: importing ${n} rows (${format})${b.db.pglite ? '' : ', `wangge import people` in a child process'}`);
    const { seconds, rss, result } =
      b.db.pglite || !b.url ? await inProcess(runtime, file, county.id) : await cli(b.url, file, county.code, scratch);
    if (result.inserted !== n || result.rejected !== 0) throw new Error(`import: ${JSON.stringify(result)}`);
    // Baseline: COPY the very rows the import produced into a fresh database.
    const target = b.db.pglite ? await freshPglite() : await freshPostgres(ctx.pgUrl!);
    try {
      // The imported rows, without foreign keys (the fresh database has no units) but with every index.
      await sql`create table person_copy (like person including defaults including indexes)`.execute(runtime.db.db);
      await sql`insert into person_copy select * from person order by id desc limit ${n}`.execute(runtime.db.db);
      await sql`create table person_copy (like person including defaults including indexes)`.execute(target.db.db);
      const copy = await timed(() => copyTables(runtime.db, target.db, ['person_copy']));
      return { seconds, rss, copySeconds: copy.ms / 1000, rows: n + before.n };
    } finally {
      await target.cleanup();
    }
  } finally {
    await runtime.close();
  }
}

export const people: Scenario = {
  name: 'people',
  description: 'people import (CSV/.xlsx, 100,000 rows; --full 608,096) vs COPY; name search and ID lookup p95',
  async run(ctx: Ctx) {
    const out: Row[] = [];
    const scratch = mkdtempSync(path.join(tmpdir(), 'wangge-bench-import-'));
    try {
      for await (const b of databases(ctx.pgUrl)) {
        try {
          const n = ctx.full && !b.db.pglite ? 608_096 : 100_000;
          const r = await importOnce(b, ctx, n, 'csv', scratch);
          const target = b.db.pglite
            ? { text: '100,000 in ≤ 30 s', pass: r.seconds <= 30 }
            : n === 608_096
              ? { text: '≤ 20 s, ≤ 600 MB', pass: r.seconds <= 20 && r.rss <= 600 }
              : null;
          out.push(
            row(
              `${b.label}: import ${n.toLocaleString('en')} people (CSV)`,
              r.seconds,
              's',
              { label: 'raw COPY of the same rows (s)', value: r.copySeconds },
              target,
            ),
          );
          out.push(
            row(
              `${b.label}: import peak RSS (${b.db.pglite ? 'whole bench process' : 'the wangge import process'})`,
              r.rss,
              'MB',
            ),
          );
        } finally {
          await b.cleanup();
        }
      }
      if (ctx.full && ctx.pgUrl) {
        const b = await freshPostgres(ctx.pgUrl);
        try {
          const r = await importOnce(b, ctx, 608_096, 'xlsx', scratch);
          out.push(
            row(
              'PostgreSQL: import 608,096 people (.xlsx)',
              r.seconds,
              's',
              { label: 'raw COPY of the same rows (s)', value: r.copySeconds },
              { text: '≤ 60 s', pass: r.seconds <= 60 },
            ),
          );
        } finally {
          await b.cleanup();
        }
      }
      // Search on the demo county: the full county with --full, a fifth of it otherwise.
      for await (const b of databases(ctx.pgUrl)) {
        try {
          const scale = ctx.full && !b.db.pglite ? 1 : 0.1;
          ctx.log(`${b.label}: demo county at scale ${scale} for search`);
          const runtime = await benchRuntime(b, scale);
          try {
            const headers = await signIn(runtime);
            const county = await runtime.db.db
              .selectFrom('unit')
              .select('id')
              .where('kind', '=', 'county')
              .executeTakeFirstOrThrow();
            const picks = await runtime.db.db
              .selectFrom('person')
              .select(['name', 'id_number_enc', 'id_number_bidx'])
              .orderBy(sql`random()`)
              .limit(200)
              .execute();
            const names = picks.map((p) => [...p.name].slice(-2).join(''));
            const ids = picks.map((p) => runtime.crypto.decrypt(p.id_number_enc));
            const s = await sample(
              {
                name: (i) =>
                  runtime.app.inject({
                    url: `/api/v1/people?within=${county.id}&q=${encodeURIComponent(names[i % names.length]!)}&limit=20`,
                    headers,
                  }),
                nameSql: (i) =>
                  sql`select id, name from person where name_grams @> ${sql.val([names[i % names.length]!])}::text[] and name like ${`%${names[i % names.length]}%`} order by name limit 20`.execute(
                    runtime.db.db,
                  ),
                id: (i) => runtime.app.inject({ url: `/api/v1/people?idNumber=${ids[i % ids.length]}`, headers }),
                idSql: (i) =>
                  sql`select id from person where id_number_bidx = ${picks[i % picks.length]!.id_number_bidx}`.execute(
                    runtime.db.db,
                  ),
              },
              200,
              20,
              60,
            );
            const label = `${b.label} (${scale === 1 ? 'full county' : `scale ${scale}`})`;
            const p95 = (k: keyof typeof s) => percentile(s[k], 95);
            out.push(
              row(
                `${label}: name search p95`,
                p95('name'),
                'ms',
                { label: 'raw SQL of the page (p95)', value: p95('nameSql') },
                scale === 1 ? { text: '≤ 20 ms', pass: p95('name') <= 20 } : null,
              ),
            );
            out.push(
              row(
                `${label}: exact ID-number lookup p95`,
                p95('id'),
                'ms',
                { label: 'raw SQL by blind index (p95)', value: p95('idSql') },
                scale === 1 ? { text: '≤ 5 ms', pass: p95('id') <= 5 } : null,
              ),
            );
          } finally {
            await runtime.close();
          }
        } finally {
          await b.cleanup();
        }
      }
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
    return out;
  },
};
