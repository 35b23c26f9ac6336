/** The inbox and county statistics, each beside its own SQL replayed and a baseline. */
import { sql } from 'kysely';
import type { ManualClock } from '../../../apps/server/src/lib/clock.ts';
import type { Runtime } from '../../../apps/server/src/main.ts';
import { endOfDay, startOfDay } from '../../../apps/server/src/modules/tickets/deadlines.ts';
import { bareApp, percentile, sample } from '../../lib/measure.ts';
import { statementRecorder, type Statement } from '../../lib/recorder.ts';
import { signIn, signInAs } from '../../lib/runtime.ts';
import { row, type Ctx, type Row } from '../../lib/types.ts';
import { DAY_MS, OPEN, explainMiss, n, ok, overTickets, replay } from './common.ts';

export async function inbox(ctx: Ctx, runtime: Runtime, county: { id: number }): Promise<Row[]> {
  const db = runtime.db.db;
  const busy = await sql<{ id: number; name: string; n: number }>`
    select u.id, u.name, count(*)::int as n from ticket t join unit u on u.id = t.holder_unit_id
    where u.kind = 'grid' and t.holder_department_id is null and t.state in ('accepted','assigned','inProgress')
    group by u.id, u.name order by n desc, u.id limit 1`.execute(db);
  const grid = busy.rows[0]!;
  const users = [
    { label: `grid worker (grid ${grid.id}, ${grid.n} open held)`, ...(await signInAs(runtime, 'gridWorker', grid.id)) },
    { label: 'county dispatcher', ...(await signInAs(runtime, 'countyDispatcher', county.id)) },
  ];
  const bare = await bareApp();
  const recorder = statementRecorder(runtime.db.pool!);
  const out: Row[] = [];
  const requests = 300;
  const maxSeconds = ctx.full ? 60 : 20;
  try {
    for (const u of users) {
      let list: Statement[] = [];
      let counts: Statement[] = [];
      let total = 0;
      let countsBody = '';
      const call = async (url: string) => {
        recorder.on = true;
        const res = await runtime.app.inject({ method: 'GET', url, headers: u.headers });
        recorder.on = false;
        ok(res, url);
        const sent = recorder.take().filter(overTickets);
        if (sent.length === 0) throw new Error(`${url}: no ticket statement recorded`);
        return { res, sent };
      };
      const s = await sample(
        {
          list: async () => {
            const r = await call('/api/v1/tickets/inbox?box=toHandle');
            list = r.sent;
            total = r.res.json<{ total: number }>().total;
          },
          listSql: () => replay(runtime, list),
          counts: async () => {
            const r = await call('/api/v1/tickets/inbox/counts');
            counts = r.sent;
            countsBody = r.res.body;
          },
          countsSql: () => replay(runtime, counts),
          bare: () => bare.inject({ method: 'GET', url: '/bare' }),
        },
        requests,
        20,
        maxSeconds,
      );
      ctx.log(`inbox of the ${u.label}: toHandle total ${total}, counts ${countsBody}; ${s.list.length} requests each`);
      const target = (p95: number) => ({ text: `p95 ≤ 20 ms${ctx.full ? '' : ' at --full'}`, pass: ctx.full ? p95 <= 20 : null });
      const p95 = (k: keyof typeof s) => percentile(s[k], 95);
      if (p95('list') > 20) await explainMiss(ctx, runtime, `inbox box=toHandle of the ${u.label}`, list);
      if (p95('counts') > 20) await explainMiss(ctx, runtime, `inbox/counts of the ${u.label}`, counts);
      out.push(
        row(
          `inbox box=toHandle, ${u.label} (${n(total)} tickets), p95 of ${s.list.length}`,
          p95('list'),
          'ms',
          { label: `its ticket SQL (${list.length} statements), replayed`, value: p95('listSql') },
          target(p95('list')),
        ),
        row(`inbox box=toHandle, ${u.label}, p95`, p95('list'), 'ms', {
          label: 'bare Fastify route (inject)',
          value: p95('bare'),
        }),
        row(
          `inbox/counts, ${u.label}, p95`,
          p95('counts'),
          'ms',
          { label: 'its ticket SQL, replayed', value: p95('countsSql') },
          target(p95('counts')),
        ),
      );
    }
  } finally {
    await bare.close();
  }
  return out;
}

export async function statistics(
  ctx: Ctx,
  runtime: Runtime,
  county: { id: number; path: string },
  clock: ManualClock,
): Promise<Row[]> {
  const headers = await signIn(runtime);
  const cal = await runtime.services.calendar.current();
  const to = cal.localDay(clock.now());
  const from = cal.localDay(new Date(startOfDay(to).getTime() - 364 * DAY_MS));
  const url = `/api/v1/tickets/statistics?unitId=${county.id}&from=${from}&to=${to}&by=unit`;
  const rows = await sql<{
    n: number;
  }>`select count(*)::int as n from ticket where received_at >= ${startOfDay(from)} and received_at < ${endOfDay(to)}`.execute(
    runtime.db.db,
  );
  const inPeriod = rows.rows[0]!.n;
  const recorder = statementRecorder(runtime.db.pool!);
  let sent: Statement[] = [];
  let all = 0;
  let groups = 0;
  const raw = sql`
    select ltree2text(subpath(t.unit_path, nlevel(${county.path}::ltree), 1)) as child, count(*)::int as received,
           count(*) filter (where t.state = 'rejected')::int as rejected,
           count(*) filter (where t.state in ('closed','evaluated'))::int as closed,
           count(*) filter (where t.state in ('closed','evaluated') and t.result = 'onTime')::int as on_time,
           count(*) filter (where t.state in ${sql.raw(OPEN)})::int as open,
           count(*) filter (where t.evaluation = 'satisfied')::int as satisfied
    from ticket t
    where t.received_at >= ${startOfDay(from)} and t.received_at < ${endOfDay(to)}
      and t.unit_path <@ ${county.path}::ltree and nlevel(t.unit_path) > nlevel(${county.path}::ltree)
    group by 1`;
  const s = await sample(
    {
      api: async () => {
        recorder.on = true;
        const res = await runtime.app.inject({ method: 'GET', url, headers });
        recorder.on = false;
        ok(res, url);
        const taken = recorder.take();
        all = taken.length;
        sent = taken.filter((x) => /\bticket(_stat)?\b/.test(x.text) && !/user_account|role_grant|session/.test(x.text));
        groups = res.json<{ rows: unknown[] }>().rows.length;
      },
      replay: () => replay(runtime, sent),
      raw: () => raw.execute(runtime.db.db),
    },
    100,
    3,
    ctx.full ? 90 : 30,
  );
  ctx.log(
    `statistics ${from}..${to} (${n(inPeriod)} tickets received): ${groups} rows, ${all} statements sent, ${sent.length} replayed; ${s.api.length} requests`,
  );
  const p95 = percentile(s.api, 95);
  if (p95 > 200) await explainMiss(ctx, runtime, 'statistics', sent);
  const label = `statistics by unit, county, ${from}..${to} (${n(inPeriod)} tickets), p95 of ${s.api.length}`;
  return [
    row(
      label,
      p95,
      'ms',
      { label: 'raw GROUP BY child unit over the same rows (6 counts)', value: percentile(s.raw, 95) },
      {
        text: `p95 ≤ 200 ms${ctx.full ? '' : ' at --full'}`,
        pass: ctx.full ? p95 <= 200 : null,
      },
    ),
    row(`statistics by unit, county, p95`, p95, 'ms', {
      label: `its ticket SQL (${sent.length} statements), replayed`,
      value: percentile(s.replay, 95),
    }),
  ];
}

/** Points inside grids (the vertex mean of the outer ring, kept when locate() finds a unit there). */
