/** Intake over real HTTP beside a bare insert route. */
import { sql, type Kysely } from 'kysely';
import type { Runtime } from '../../../apps/server/src/main.ts';
import { Random } from '../../../apps/server/src/modules/demo/random.ts';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Database } from '../../../apps/server/src/db/types.ts';
import { bareApp, loadPair, pacedPair, slowSpans, type LoadResult, type PacedLoad } from '../../lib/measure.ts';
import { withCpuProfile } from '../../lib/profile.ts';
import { statementRecorder } from '../../lib/recorder.ts';
import { signInAs } from '../../lib/runtime.ts';
import { row, type Ctx, type Row } from '../../lib/types.ts';
import { n } from './common.ts';

/**
 * The open loop's stalls in the log (the spans of reports over 50 ms, from the first report due),
 * and with BENCH_INTAKE_TRACE=<file.csv> every timed request of both sides (when it was due, its
 * latency) to set beside PostgreSQL's log or a CPU trace.
 */
function logStalls(ctx: Ctx, paced: PacedLoad, base: PacedLoad) {
  const t0 = Math.min(paced.trace[0]?.[0] ?? Infinity, base.trace[0]?.[0] ?? Infinity);
  for (const [label, side] of [
    ['intake', paced],
    ['bare', base],
  ] as const) {
    const spans = slowSpans(side.trace, 50);
    // The ten longest, in the order they came.
    const longest = [...spans].sort((x, y) => y.requests - x.requests).slice(0, 10);
    const shown = spans
      .filter((s) => longest.includes(s))
      .map((s) => `+${((s.at - t0) / 1000).toFixed(2)} s ${s.requests}× ≤${s.worst.toFixed(0)} ms`);
    const over = spans.reduce((a, s) => a + s.requests, 0);
    ctx.log(
      `${label}: ${over} reports over 50 ms in ${spans.length} spans${spans.length ? `; the longest: ${shown.join(', ')}` : ''}`,
    );
  }
  const file = process.env.BENCH_INTAKE_TRACE;
  if (!file) return;
  const lines = [
    ...paced.trace.map(([d, ms]) => `intake,${new Date(d).toISOString()},${ms.toFixed(2)}`),
    ...base.trace.map(([d, ms]) => `bare,${new Date(d).toISOString()},${ms.toFixed(2)}`),
  ];
  writeFileSync(file, `side,due,latency_ms\n${lines.join('\n')}\n`);
  ctx.log(`trace of ${lines.length} requests written to ${file}`);
}

/** The kernel's dirty and in-writeback page cache, where /proc/meminfo tells (Linux), for the log. */
function pageCache(): string {
  try {
    const info = readFileSync('/proc/meminfo', 'utf8');
    const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(info)?.[1] ?? NaN);
    return `; page cache dirty ${n(Math.round(kb('Dirty') / 1024))} MB, in writeback ${n(Math.round(kb('Writeback') / 1024))} MB`;
  } catch {
    return '';
  }
}

/**
 * A CHECKPOINT before each measured load, as pgbench advises: what the setup wrote (the county
 * copied, a million tickets COPYed, the sweeps) is on disk before the load starts, so its
 * writeback does not land in the load's commits. Measured without it: 1.2 GB of dirty page cache
 * written back during the load held the group commits' fsyncs for 300–800 ms, CPUs idle.
 */
async function settle(ctx: Ctx, db: Kysely<Database>) {
  const started = performance.now();
  await sql`checkpoint`.execute(db);
  ctx.log(`checkpoint before the load: ${((performance.now() - started) / 1000).toFixed(1)} s${pageCache()}`);
}

async function pointsInGrids(runtime: Runtime, count: number): Promise<{ lng: number; lat: number }[]> {
  const grids = await runtime.db.db
    .selectFrom('unit')
    .select(['id', 'geometry'])
    .where('kind', '=', 'grid')
    .where('geometry', 'is not', null)
    .execute();
  const r = new Random(7);
  const out: { lng: number; lat: number }[] = [];
  for (let tries = 0; out.length < count && tries < count * 4 && grids.length; tries++) {
    const g = r.pick(grids).geometry as { type: string; coordinates: number[][][] | number[][][][] };
    const ring = (
      g.type === 'MultiPolygon' ? (g.coordinates as number[][][][])[0]![0]! : (g.coordinates as number[][][])[0]!
    ).slice(0, -1);
    const lng = ring.reduce((a, p) => a + p[0]!, 0) / ring.length;
    const lat = ring.reduce((a, p) => a + p[1]!, 0) / ring.length;
    if ((await runtime.services.maps.locator.locate(lng, lat)) !== null) out.push({ lng, lat });
  }
  return out;
}

/** Reports a second offered in the open-loop run: BENCH_INTAKE_RATE, else the issue's 1,000. */
function offeredRate(): number {
  const asked = Number(process.env.BENCH_INTAKE_RATE);
  return Number.isInteger(asked) && asked > 0 && asked <= 5000 ? asked : 1000;
}

/** Connections the open-loop run may open: enough that 1,000/s at 50 ms never waits for one. */
const PACED_CONNECTIONS = 100;

/** Closed-loop clients (each sends its next report when answered): BENCH_INTAKE_CONNECTIONS, else 10 and 20. */
function concurrencies(): number[] {
  const asked = (process.env.BENCH_INTAKE_CONNECTIONS ?? '')
    .split(',')
    .map((x) => Number(x.trim()))
    .filter((x) => Number.isInteger(x) && x > 0 && x <= 200);
  return asked.length ? asked : [10, 20];
}

export async function intake(ctx: Ctx, runtime: Runtime, county: { id: number }): Promise<Row[]> {
  const db = runtime.db.db;
  const { userId, headers } = await signInAs(runtime, 'countyDispatcher', county.id);
  const cats = await db
    .selectFrom('ticket_category')
    .select(['id', 'code'])
    .where('code', 'in', ['policy', 'dispute.neighbour'])
    .execute();
  const policy = cats.find((c) => c.code === 'policy')!.id;
  const neighbour = cats.find((c) => c.code === 'dispute.neighbour')!.id;
  const grids = (
    await db.selectFrom('unit').select('id').where('kind', '=', 'grid').where('status', '=', 'active').execute()
  ).map((g) => g.id);
  const points = await pointsInGrids(runtime, 500);
  ctx.log(`intake as a county dispatcher: ${n(grids.length)} grids by unitId, ${points.length} points inside grids`);
  const r = new Random(99);
  let seq = 0;
  const body = () => {
    const i = seq++;
    const dispute = i % 2 === 1;
    const place = i % 4 < 2 || points.length === 0 ? { unitId: r.pick(grids) } : { location: r.pick(points) };
    return JSON.stringify({
      title: `${dispute ? '邻里因排水沟发生纠纷' : '咨询医保缴费政策'}（压测 ${i}）`,
      description: '压测生成的上报，内容仅用于性能测量。',
      categoryId: dispute ? neighbour : policy,
      channel: 'gridWorker',
      ...place,
      ...(dispute ? { fields: { parties: 2 } } : {}),
    });
  };
  // Probe one request first: a 4xx here is a wrong body, not a slow server.
  const recorder = statementRecorder(runtime.db.pool!);
  recorder.on = true;
  const probe = await runtime.app.inject({
    method: 'POST',
    url: '/api/v1/tickets',
    headers: { ...headers, 'content-type': 'application/json' },
    payload: body(),
  });
  recorder.on = false;
  if (probe.statusCode !== 201) throw new Error(`POST /api/v1/tickets: ${probe.statusCode} ${probe.body.slice(0, 300)}`);
  const statements = recorder.take().map((x) => x.text.replace(/\s+/g, ' ').trim().slice(0, 48));
  ctx.log(`one report sends ${statements.length} statements: ${statements.join(' | ')}`);

  await sql`create table bench_bare_insert (id bigserial primary key, title text not null, body jsonb not null)`.execute(db);
  const bare = await bareApp({ pool: runtime.db.pool!, table: 'bench_bare_insert' });
  // Server side: each report() that returns is a 201 the route sends. autocannon closes its sockets
  // at the end of each chunk, so the reports in flight then are committed but never received.
  const service = runtime.services.tickets;
  const report = service.report.bind(service);
  let inFlight = 0;
  let created = 0;
  service.report = async (...args) => {
    inFlight++;
    try {
      const r = await report(...args);
      created++;
      return r;
    } finally {
      inFlight--;
    }
  };
  const before = await db
    .selectFrom('ticket')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('reported_by', '=', userId)
    .executeTakeFirstOrThrow();
  const seconds = ctx.full ? 20 : 10;
  const h = { ...headers, 'content-type': 'application/json' };
  const levels = concurrencies();
  const rate = offeredRate();
  ctx.log(
    `autocannon: ${levels.join(', ')} connections, ${seconds} s each; then an open loop, ${n(rate)} reports/s offered for ` +
      `${seconds} s (≤ ${PACED_CONNECTIONS} connections); each alternating 2-second chunks with the bare route`,
  );
  try {
    const runs: { connections: number; app: LoadResult; base: LoadResult }[] = [];
    for (const connections of levels) {
      await settle(ctx, db);
      const [app, base] = await loadPair(
        { app: runtime.app, paths: ['/api/v1/tickets'], headers: h, method: 'POST', body },
        { app: bare, paths: ['/bare/insert'], headers: h, method: 'POST', body },
        { seconds, connections, chunks: seconds / 2 },
      );
      ctx.log(
        `${connections} connections: ${n(Math.round(app.rps))} tickets/s, p99 ${app.p99} ms; bare ${n(Math.round(base.rps))}/s, p99 ${base.p99} ms`,
      );
      runs.push({ connections, app, base });
    }
    await settle(ctx, db);
    // After the closed-loop runs: the server's code is warm. BENCH_INTAKE_PROFILE=<file.cpuprofile>
    // profiles the server's main thread during this run (both sides of the pair).
    const [paced, pacedBase] = await withCpuProfile(process.env.BENCH_INTAKE_PROFILE, () =>
      pacedPair(
        { app: runtime.app, paths: ['/api/v1/tickets'], headers: h, method: 'POST', body },
        { app: bare, paths: ['/bare/insert'], headers: h, method: 'POST', body },
        { rate, seconds, connections: PACED_CONNECTIONS, chunks: seconds / 2 },
      ),
    );
    ctx.log(
      `open loop: ${n(paced.rps)} answered/s, p50 ${paced.p50.toFixed(1)} ms, p99 ${paced.p99.toFixed(1)} ms, last answer ` +
        `${(paced.drain * 1000).toFixed(0)} ms after the last request; bare p99 ${pacedBase.p99.toFixed(1)} ms`,
    );
    logStalls(ctx, paced, pacedBase);
    for (let i = 0; inFlight > 0 && i < 300; i++) await new Promise((res) => setTimeout(res, 100));
    service.report = report;
    const after = await db
      .selectFrom('ticket')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('reported_by', '=', userId)
      .executeTakeFirstOrThrow();
    const inserted = Number(after.n) - Number(before.n);
    const sum = (f: (r: (typeof runs)[number]) => number) => runs.reduce((a, r) => a + f(r), 0);
    const received = sum((r) => r.app.ok) + paced.ok;
    const failed = sum((r) => r.app.errors + r.app.non2xx) + paced.errors + paced.non2xx;
    ctx.log(
      `intake: ${n(received)} 201s received, ${n(created)} returned by report(), ${n(inserted)} tickets inserted, ${failed} non-2xx or errors; ` +
        `bare: ${n(sum((r) => r.base.ok))} inserted, ${sum((r) => r.base.non2xx)} non-2xx`,
    );
    const { writes, duplicateLookups } = runtime.services.tickets.intakeGroups;
    ctx.log(
      `grouped writes: ${n(writes.items)} reports in ${n(writes.groups)} statements (largest ${writes.largest}, ${writes.retriedAlone} retried alone); ` +
        `duplicate lookups: ${n(duplicateLookups.items)} in ${n(duplicateLookups.groups)} statements`,
    );
    // The issue's figure: 1,000 reports a second taken with p99 ≤ 50 ms. Reports come from many
    // phones, each on its own schedule, so the load is open: sent when due, timed from then.
    const offered = `POST /api/v1/tickets, county dispatcher, ${n(rate)} reports/s offered (open loop)`;
    const pacedLabel = `bare route at the same rate, alternating`;
    const judged = ctx.full && rate >= 1000;
    const rows: Row[] = [
      row(
        `${offered}: answered per second`,
        paced.rps,
        'tickets/s',
        { label: pacedLabel, value: pacedBase.rps },
        {
          text: `≥ 1,000/s, every report answered${ctx.full ? '' : ' at --full'}`,
          pass: judged ? paced.rps >= 1000 && paced.errors === 0 && paced.non2xx === 0 : null,
        },
      ),
      row(
        `${offered}: p99 latency, from when each report was due`,
        paced.p99,
        'ms',
        { label: pacedLabel, value: pacedBase.p99 },
        { text: `≤ 50 ms${ctx.full ? '' : ' at --full'}`, pass: judged ? paced.p99 <= 50 : null },
      ),
    ];
    const bareLabel = 'bare route: one INSERT on the same pool, alternating';
    for (const { connections, app, base } of runs) {
      const label = `POST /api/v1/tickets, county dispatcher, ${connections} connections`;
      rows.push(
        row(`${label}: throughput`, app.ok / app.seconds, 'tickets/s', { label: bareLabel, value: base.ok / base.seconds }),
        row(`${label}: p99 latency`, app.p99, 'ms', { label: bareLabel, value: base.p99 }),
      );
    }
    rows.push(
      row(
        `POST /api/v1/tickets: tickets inserted (${n(received)} 201s received; the rest in flight when a chunk stopped)`,
        inserted,
        'tickets',
        { label: '201s the route answered (report() returned)', value: created },
        { text: 'inserted = 201s answered, no error', pass: inserted === created && received <= created && failed === 0 },
      ),
    );
    return rows;
  } finally {
    await bare.close();
  }
}
