/** Intake over real HTTP beside a bare insert route. */
import { sql } from 'kysely';
import type { Runtime } from '../../../apps/server/src/main.ts';
import { Random } from '../../../apps/server/src/modules/demo/random.ts';
import { bareApp, loadPair } from '../../lib/measure.ts';
import { statementRecorder } from '../../lib/recorder.ts';
import { signInAs } from '../../lib/runtime.ts';
import { row, type Ctx, type Row } from '../../lib/types.ts';
import { n } from './common.ts';

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
  const connections = 10;
  ctx.log(`autocannon: ${connections} connections, ${seconds} s on each, alternating 2-second chunks`);
  const h = { ...headers, 'content-type': 'application/json' };
  try {
    const [app, base] = await loadPair(
      { app: runtime.app, paths: ['/api/v1/tickets'], headers: h, method: 'POST', body },
      { app: bare, paths: ['/bare/insert'], headers: h, method: 'POST', body },
      { seconds, connections, chunks: seconds / 2 },
    );
    for (let i = 0; inFlight > 0 && i < 300; i++) await new Promise((res) => setTimeout(res, 100));
    service.report = report;
    const after = await db
      .selectFrom('ticket')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('reported_by', '=', userId)
      .executeTakeFirstOrThrow();
    const inserted = Number(after.n) - Number(before.n);
    ctx.log(
      `intake: ${n(app.ok)} 201s received, ${n(created)} returned by report(), ${n(inserted)} tickets inserted, ${app.non2xx} non-2xx, ${app.errors} errors; ` +
        `bare: ${n(base.ok)} inserted, ${base.non2xx} non-2xx`,
    );
    const { writes, duplicateLookups } = runtime.services.tickets.intakeGroups;
    ctx.log(
      `grouped writes: ${n(writes.items)} reports in ${n(writes.groups)} statements (largest ${writes.largest}, ${writes.retriedAlone} retried alone); ` +
        `duplicate lookups: ${n(duplicateLookups.items)} in ${n(duplicateLookups.groups)} statements`,
    );
    const rate = app.ok / app.seconds;
    const label = `POST /api/v1/tickets, county dispatcher, ${connections} connections`;
    const bareLabel = 'bare route: one INSERT on the same pool, alternating';
    return [
      row(
        `${label}: throughput`,
        rate,
        'tickets/s',
        { label: bareLabel, value: base.ok / base.seconds },
        {
          text: `≥ 1,000/s${ctx.full ? '' : ' at --full'}`,
          pass: ctx.full ? rate >= 1000 : null,
        },
      ),
      row(
        `${label}: p99 latency`,
        app.p99,
        'ms',
        { label: bareLabel, value: base.p99 },
        {
          text: `≤ 50 ms${ctx.full ? '' : ' at --full'}`,
          pass: ctx.full ? app.p99 <= 50 : null,
        },
      ),
      row(
        `${label}: tickets inserted (${n(app.ok)} 201s received; the rest in flight when a chunk stopped)`,
        inserted,
        'tickets',
        { label: '201s the route answered (report() returned)', value: created },
        {
          text: 'inserted = 201s answered, no error',
          pass: inserted === created && app.ok <= created && app.errors === 0 && app.non2xx === 0,
        },
      ),
    ];
  } finally {
    await bare.close();
  }
}
