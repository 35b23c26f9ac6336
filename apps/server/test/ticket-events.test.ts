/**
 * The live ticket stream over a real listening server: a client reconnecting with Last-Event-ID gets
 * the events it missed, in order and once, then the live ones; never a ticket outside its scope.
 */
import http from 'node:http';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from './factories.ts';
import { testRuntime, type TestRuntime } from './runtime.ts';
import { inGrid, op, report, send, ticketWorld, type TicketWorld } from './ticket-fixtures.ts';

let rt: TestRuntime;
let w: TicketWorld;
let port: number;

beforeAll(async () => {
  rt = await testRuntime();
  w = await ticketWorld(rt);
  await rt.app.listen({ port: 0, host: '127.0.0.1' });
  port = (rt.app.server.address() as { port: number }).port;
});
afterAll(() => rt?.close());

interface Frame {
  id: number;
  event: string;
  data: { kind: string; ticket: { id: number; title: string; state: string }; light: string | null; forYou: boolean };
}

/** An open event stream, read with a plain HTTP request; frames without data (retry, pings) are skipped. */
class EventStream {
  readonly frames: Frame[] = [];
  #buffer = '';
  #waiters: (() => void)[] = [];
  private constructor(private readonly req: http.ClientRequest) {}

  static open(c: Client, opts: { lastEventId?: number | string; query?: string } = {}) {
    return new Promise<{ status: number; contentType: string; stream: EventStream }>((resolve, reject) => {
      const headers: Record<string, string> = { cookie: c.cookie };
      if (opts.lastEventId !== undefined) headers['last-event-id'] = String(opts.lastEventId);
      const req = http.get({ host: '127.0.0.1', port, path: `/api/v1/tickets/events${opts.query ?? ''}`, headers });
      const stream = new EventStream(req);
      req.on('error', (e) => reject(e));
      req.on('response', (res) => {
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => stream.#read(chunk));
        res.on('error', () => undefined); // destroyed by close()
        resolve({ status: res.statusCode!, contentType: String(res.headers['content-type']), stream });
      });
    });
  }

  #read(chunk: string) {
    this.#buffer += chunk;
    for (let end = this.#buffer.indexOf('\n\n'); end >= 0; end = this.#buffer.indexOf('\n\n')) {
      const lines = this.#buffer.slice(0, end).split('\n');
      this.#buffer = this.#buffer.slice(end + 2);
      const field = (name: string) => lines.find((l) => l.startsWith(`${name}: `))?.slice(name.length + 2);
      const data = field('data');
      if (data !== undefined) this.frames.push({ id: Number(field('id')), event: field('event') ?? '', data: JSON.parse(data) });
    }
    for (const wake of this.#waiters.splice(0)) wake();
  }

  /** Resolves once `until` holds for the frames so far; a stream that stays silent fails the test after 5 s. */
  async waitFor(until: (frames: Frame[]) => boolean, what: string): Promise<Frame[]> {
    const giveUp = Date.now() + 5000;
    while (!until(this.frames)) {
      if (Date.now() > giveUp) throw new Error(`no ${what} in ${JSON.stringify(this.frames)}`);
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve);
        setTimeout(resolve, 250).unref();
      });
    }
    return this.frames;
  }

  close() {
    this.req.destroy();
  }
}

const lastNotificationId = async () =>
  Number(
    (
      await rt.db.db
        .selectFrom('ticket_notification')
        .select((eb) => eb.fn.max('id').as('id'))
        .executeTakeFirstOrThrow()
    ).id ?? 0,
  );
const notificationIds = async (ticketId: number) =>
  (await rt.db.db.selectFrom('ticket_notification').select('id').where('ticket_id', '=', ticketId).orderBy('id').execute()).map(
    (r) => Number(r.id),
  );

async function reportAs(c: Client, title: string, location = inGrid) {
  const r = await report(c, { title, description: '推送测试', categoryId: w.cat('policy').id, channel: 'gridWorker', location });
  if (r.status !== 201) throw new Error(`report → ${r.status}: ${JSON.stringify(r.body)}`);
  return r.body;
}

describe('live events: Last-Event-ID', () => {
  it('replays what a reconnecting client missed, in its scope only, then streams the live events once', async () => {
    const { worker, village2, dispatcher } = w.users;
    await reportAs(worker, '断线前');
    const before = await lastNotificationId();
    // While nobody listens: a report in the grid, accepted, escalated to the village; one in the other village.
    let a = await reportAs(worker, '断线期间：东塘');
    a = await op(worker, a, 'accept');
    a = await op(worker, a, 'escalate', { note: '需村里协调' });
    const b = await reportAs(village2, '断线期间：新塘', { lng: 112.7, lat: 28.2 });
    const aIds = await notificationIds(a.id);
    expect(aIds).toHaveLength(3);

    const { status, contentType, stream } = await EventStream.open(worker, { lastEventId: before });
    try {
      expect(status).toBe(200);
      expect(contentType).toContain('text/event-stream');
      const replayed = await stream.waitFor((f) => f.length >= 3, 'replay');
      expect(replayed.map((f) => f.id)).toEqual(aIds);
      expect(replayed.map((f) => [f.event, f.data.kind, f.data.ticket.id, f.data.forYou])).toEqual([
        ['ticket', 'assigned', a.id, true], // reported, held by the grid
        ['ticket', 'state', a.id, true], // accepted by the grid
        ['ticket', 'assigned', a.id, false], // escalated: now the village's
      ]);
      // Live after the replay: a new report arrives once, after the replayed ones.
      const c = await reportAs(worker, '重连之后');
      const all = await stream.waitFor((f) => f.some((x) => x.data.ticket.id === c.id), 'live report');
      expect(all.filter((f) => f.data.ticket.id === c.id)).toHaveLength(1);
      expect(all.map((f) => f.data.ticket.id)).not.toContain(b.id);
      const ids = all.map((f) => f.id);
      expect(ids).toEqual([...new Set(ids)].sort((x, y) => x - y));
    } finally {
      stream.close();
    }

    // The other village replays its own ticket and none of the grid's.
    const other = await EventStream.open(village2, { lastEventId: before });
    try {
      const frames = await other.stream.waitFor((f) => f.length >= 1, 'replay for the other village');
      expect(frames.map((f) => f.data.ticket.id)).toEqual([b.id]);
      expect(frames[0]!.data).toMatchObject({ kind: 'assigned', forYou: true, ticket: { title: '断线期间：新塘' } });
    } finally {
      other.stream.close();
    }

    // The county sees both villages; narrowed with ?within to one village, it replays that one's only.
    const county = await EventStream.open(dispatcher, { lastEventId: before, query: `?within=${w.village2.id}` });
    try {
      const frames = await county.stream.waitFor((f) => f.length >= 1, 'replay within the other village');
      expect(frames.map((f) => f.data.ticket.id)).toEqual([b.id]);
    } finally {
      county.stream.close();
    }
  });

  it('replays a viewer’s own missed events even behind more than 500 of another village’s', async () => {
    const { worker, village2, dispatcher } = w.users;
    const before = await lastNotificationId();
    // While nobody listens: 600 events on the other village's ticket, then the grid's own.
    const b = await reportAs(village2, '断线期间：新塘（多次变化）', { lng: 112.7, lat: 28.2 });
    await sql`insert into ticket_notification (ticket_id, kind, light, target_unit_id, target_department_id, at)
              select ${b.id}, 'light', 'yellow', ${w.village2.id}, null, now() from generate_series(1, 600)`.execute(rt.db.db);
    let a = await reportAs(worker, '断线期间：东塘（在后）');
    a = await op(worker, a, 'accept');
    const aIds = await notificationIds(a.id);
    expect(aIds).toHaveLength(2);
    expect(aIds[0]! - before).toBeGreaterThan(600);

    const own = await EventStream.open(worker, { lastEventId: before });
    try {
      const frames = await own.stream.waitFor((f) => f.length >= 2, 'the grid’s own events behind the other village’s');
      expect(frames.map((f) => f.id)).toEqual(aIds);
    } finally {
      own.stream.close();
    }
    // The county sees all 601 + 2; narrowed to the first village, it gets that village's two.
    const county = await EventStream.open(dispatcher, { lastEventId: before, query: `?within=${w.village.id}` });
    try {
      const frames = await county.stream.waitFor((f) => f.length >= 2, 'the village’s events behind the other village’s');
      expect(frames.map((f) => f.id)).toEqual(aIds);
    } finally {
      county.stream.close();
    }
    // Unnarrowed, the county's replay stops at 500, the oldest first; then the live events follow.
    const all = await EventStream.open(dispatcher, { lastEventId: before });
    try {
      await all.stream.waitFor((f) => f.length >= 500, 'the county’s first 500');
      const c = await reportAs(worker, '重连之后（县）');
      const frames = await all.stream.waitFor(
        (f) => f.some((x) => x.event === 'ticket' && x.data.ticket.id === c.id),
        'the live report',
      );
      // The 500 replayed, then a reset (more was missed than one replay holds), then the live one.
      expect(frames).toHaveLength(502);
      expect(frames[500]).toMatchObject({ event: 'reset', data: { reason: 'tooManyMissed' } });
      expect(new Set(frames.slice(0, 500).map((f) => f.data.ticket.id))).toEqual(new Set([b.id]));
    } finally {
      all.stream.close();
    }
  });

  it('sends nothing from before the stream opened without Last-Event-ID', async () => {
    const { worker } = w.users;
    await reportAs(worker, '连接之前');
    const { stream } = await EventStream.open(worker);
    try {
      const t = await reportAs(worker, '连接之后');
      const frames = await stream.waitFor((f) => f.length >= 1, 'the live report');
      expect(frames.map((f) => f.data.ticket.title)).toEqual(['连接之后']);
      expect(frames[0]!.id).toBe((await notificationIds(t.id))[0]);
    } finally {
      stream.close();
    }
  });

  it('refuses a malformed Last-Event-ID with problem+json, before any stream opens', async () => {
    const res = await send(w.users.worker, 'GET', '/api/v1/tickets/events', undefined, { 'last-event-id': 'abc' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
