/**
 * Quality battery R1 and R3 across a crash: the real server (`wangge serve`, a child process) takes
 * concurrent ticket reports over HTTP, some with an Idempotency-Key (one transaction each), some
 * without (group commit, lib/batcher.ts), some replaying an earlier key, and is killed with SIGKILL
 * mid-load. Started again on the same database it must hold every acknowledged (201) report exactly
 * once, nothing twice, a first timeline entry and a notification per ticket, and summaries equal to a
 * recount; each report left without an answer, replayed with its key, ends as exactly one ticket.
 * On PGlite on disk (the default) or a fresh PostgreSQL database with TEST_DATABASE_URL.
 * CRASH_SEED=n replays a run (the seed is in every failure message).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadReports, postReport, type Sent } from './crash-load.ts';
import {
  durableDatabase,
  httpLogin,
  prepareCounty,
  startChild,
  stopChild,
  type ChildServer,
  type DurableDatabase,
} from './crash-server.ts';

const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 1_000_000));
const at = `(CRASH_SEED=${seed})`;

let d: DurableDatabase;
let server: ChildServer | undefined;
let county: Awaited<ReturnType<typeof prepareCounty>>;

beforeAll(async () => {
  d = await durableDatabase();
  county = await prepareCounty(d);
}, 60_000);

afterAll(async () => {
  await stopChild(server, 'SIGKILL');
  await d?.cleanup();
});

describe(`kill -9 under write load ${at}`, () => {
  let sent: Sent[] = [];
  const acked = () => sent.filter((s) => s.status === 201);
  const unanswered = () => sent.filter((s) => s.status === undefined);
  const answeredTitles = () => new Set(acked().map((s) => s.title));

  it('acknowledges reports until the server is killed mid-load', async () => {
    server = await startChild(d);
    const session = await httpLogin(server.url);
    const victim = server;
    const load = await loadReports({
      url: server.url,
      session,
      county,
      seed,
      kill: () => victim.child.kill('SIGKILL'),
    });
    sent = load.sent;
    expect(await victim.exited).toBe('SIGKILL');
    server = undefined;
    console.info(
      `crash ${d.kind} ${at}: ${sent.length} sent, ${acked().length} acknowledged, ${load.inFlightAtKill} in flight at the kill, ` +
        `${unanswered().length} without an answer, ${sent.length - new Set(sent.map((s) => s.title)).size} same-key retries during the load ` +
        `(${sent.filter((s) => s.status === 409).length} answered 409)`,
    );
    // Only 201s (fresh or replayed) and, for a twin racing its original, 409 are acceptable answers.
    const refused = sent.filter((s) => s.status !== undefined && s.status !== 201 && s.status !== 409);
    expect(
      refused.map(({ title, key, status, code }) => ({ title, key, status, code })),
      at,
    ).toEqual([]);
    // A replayed answer is the original's ticket.
    for (const s of acked().filter((x) => x.key)) {
      const twin = acked().find((x) => x.key === s.key && x.id !== s.id);
      expect(twin, `${at} key ${s.key} answered with two tickets`).toBeUndefined();
    }
    expect(acked().length).toBeGreaterThanOrEqual(load.threshold);
  }, 60_000);

  it('holds every acknowledged report exactly once after the restart', async () => {
    server = await startChild(d);
    const session = await httpLogin(server.url);
    const get = (p: string) => fetch(`${server!.url}${p}`, { headers: { cookie: session.cookie } });
    const ids = [...new Set(acked().map((s) => s.id!))];
    for (const id of ids) {
      const res = await get(`/api/v1/tickets/${id}`);
      expect(res.status, `${at} acknowledged ticket ${id}`).toBe(200);
      const t = (await res.json()) as { title: string };
      expect(acked().find((s) => s.id === id)!.title).toBe(t.title);
    }
    const { total } = (await (await get('/api/v1/tickets?limit=1')).json()) as { total: number };
    const maybe = new Set(unanswered().map((s) => s.title));
    for (const t of answeredTitles()) maybe.delete(t);
    expect(total, at).toBeGreaterThanOrEqual(ids.length);
    expect(total, at).toBeLessThanOrEqual(ids.length + maybe.size);
    console.info(
      `crash ${d.kind} ${at}: ${ids.length} acknowledged tickets found, ${total - ids.length} committed without an answer`,
    );
  }, 60_000);

  it('makes each unanswered report, replayed 1–10 times at once with its key, exactly one ticket', async () => {
    const session = await httpLogin(server!.url);
    const keyed = unanswered().filter((s) => s.key && !sent.some((x) => x.key === s.key && x.status === 201));
    const byKey = new Map(keyed.map((s) => [s.key!, s]));
    const replays = [...byKey.values()].flatMap((s, i) => Array.from({ length: 1 + ((seed + i * 7) % 10) }, () => s));
    // And a few acknowledged ones: a retry after the crash gets the first answer back.
    const retried = acked()
      .filter((s) => s.key)
      .slice(0, 5);
    const answers = await Promise.all([...replays, ...retried].map((s) => postReport(server!.url, session, s.body, s.key)));
    for (const [i, s] of [...replays, ...retried].entries()) {
      const a = answers[i]!;
      expect([201, 409], `${at} replay of ${s.key}: ${a.status}`).toContain(a.status);
      if (a.status === 201) {
        expect(a.title).toBe(s.title);
        const first =
          sent.find((x) => x.key === s.key && x.status === 201) ?? answers.find((x, j) => j < i && x.title === s.title);
        if (first?.id !== undefined) expect(a.id, `${at} key ${s.key}`).toBe(first.id);
      }
    }
    for (const s of byKey.values())
      expect(
        answers.some((a) => a.status === 201 && a.title === s.title),
        `${at} ${s.key}`,
      ).toBe(true);
    console.info(
      `crash ${d.kind} ${at}: ${byKey.size} unanswered keys replayed ${replays.length} times, ${retried.length} answered retried`,
    );

    const reused = acked().find((s) => s.key) ?? sent.find((s) => s.key)!;
    const other = await postReport(server!.url, session, { ...reused.body, title: `${reused.title}（改）` }, reused.key);
    expect(other.status, at).toBe(422);
    expect(other.code).toBe('idempotency_key_reused');
  }, 60_000);

  it('leaves the database clean: no duplicates, a timeline and a notice per ticket, summaries equal to a recount', async () => {
    expect(await stopChild(server)).not.toBe('SIGKILL');
    server = undefined;
    const db = await d.open();
    try {
      const q = async <R>(text: string, values: unknown[] = []) => (await db.raw.query<R>(text, values)).rows;
      const tickets = await q<{ id: number; title: string }>('select id, title from ticket order by id');
      const byTitle = new Map<string, number[]>();
      for (const t of tickets) byTitle.set(t.title, [...(byTitle.get(t.title) ?? []), t.id]);
      expect(
        [...byTitle].filter(([, list]) => list.length > 1),
        `${at} duplicated reports`,
      ).toEqual([]);
      for (const s of acked()) expect(byTitle.get(s.title), `${at} ${s.title}`).toEqual([s.id]);
      for (const s of sent.filter((x) => x.key)) expect(byTitle.get(s.title)?.length, `${at} keyed ${s.key}`).toBe(1);
      const unkeyedLost = unanswered().filter((s) => !s.key && !byTitle.has(s.title)).length;
      expect(tickets.length, at).toBe(new Set(sent.map((s) => s.title)).size - unkeyedLost);

      const keys = await q<{ key: string; status: number; id: number }>(
        `select key, status, (response->>'id')::int as id from idempotency_key where user_id = $1`,
        [county.userId],
      );
      expect(
        keys.filter((k) => k.status !== 200 || !tickets.some((t) => t.id === k.id)),
        `${at} idempotency rows`,
      ).toEqual([]);
      expect(keys.length).toBe(new Set(sent.filter((s) => s.key).map((s) => s.key)).size);

      const orphans = await q(`
        select t.id from ticket t
        where (select count(*) from ticket_event e where e.ticket_id = t.id and e.seq = 1 and e.op = 'report') <> 1
           or not exists (select 1 from ticket_notification n where n.ticket_id = t.id and n.kind = 'assigned')`);
      expect(orphans, `${at} tickets without their first timeline entry or notice`).toEqual([]);
      const recount = (table: string, key: string, depth: number) =>
        q(`
          with r as (
            select ((received_at at time zone 'UTC') + interval '8 hours')::date as day,
                   subpath(unit_path, 0, least(nlevel(unit_path), ${depth})) as area_path, ${key === 'c' ? 'category_id,' : ''}
                   count(*)::int as received, count(*) filter (where state in ('reported','accepted','assigned','inProgress'))::int as open
            from ticket group by 1, 2${key === 'c' ? ', 3' : ''})
          select * from r full join ${table} s using (day, area_path${key === 'c' ? ', category_id' : ''})
          where r.received is distinct from s.received or r.open is distinct from s.open`);
      expect(await recount('ticket_stat', 'c', 2), `${at} ticket_stat`).toEqual([]);
      expect(await recount('ticket_stat_village', '', 3), `${at} ticket_stat_village`).toEqual([]);
      const month = await q<{ n: number; m: number }>(
        'select (select count(*) from ticket)::int as n, (select coalesce(sum(received), 0) from ticket_stat_month)::int as m',
      );
      expect(month[0]!.m, `${at} ticket_stat_month`).toBe(month[0]!.n);
    } finally {
      await db.close();
    }
  }, 60_000);
});
