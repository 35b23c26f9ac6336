/**
 * The traffic of the wall scenario: reports arriving at a steady rate, each carried through the
 * closed loop by the people who would do it (accept, start, feedback, resolve by the grid's worker;
 * verify, close, evaluate by a county dispatcher), all through the API (app.inject, the whole HTTP
 * stack with sessions, CSRF and idempotency keys). Time is the server's ManualClock, moved by the
 * scenario in step with the page's clock; each operation is due some simulated seconds after the
 * last one of its ticket.
 */
import { randomUUID } from 'node:crypto';
import type { TicketOperation, UserRoleName } from '@wangge/contracts';
import { Random } from '../../../apps/server/src/modules/demo/random.ts';
import { createAccount, E2E_PASSWORD } from '../../../e2e/support/session.ts';
import type { TestServer } from '../../../e2e/support/server.ts';

/**
 * The common reports held by the grid (radius 0: no duplicate search). Village and township
 * officials sign in with a second factor, so the loop stays with the grid's worker.
 */
const CATEGORIES = ['policy', 'proxy', 'legal', 'baseData'];

/** Who does each step after the report: the holder's staff, then the county dispatcher. */
const LOOP: { op: TicketOperation; by: 'holder' | 'dispatcher'; body?: Record<string, unknown> }[] = [
  { op: 'accept', by: 'holder' },
  { op: 'start', by: 'holder' },
  { op: 'feedback', by: 'holder', body: { note: '已联系当事人，正在办理。' } },
  { op: 'resolve', by: 'holder', body: { note: '已办结。' } },
  { op: 'verify', by: 'dispatcher', body: { passed: true } },
  { op: 'close', by: 'dispatcher' },
  { op: 'evaluate', by: 'dispatcher', body: { rating: 'satisfied' } },
];

interface Session {
  username: string;
  headers: Record<string, string>;
}

interface Open {
  id: number;
  version: number;
  holderUnitId: number;
  /** Index into LOOP of the next operation. */
  next: number;
  dueAt: number;
}

export interface TrafficCounts {
  reports: number;
  operations: number;
  closedLoops: number;
  errors: number;
}

export class Traffic {
  readonly counts: TrafficCounts = { reports: 0, operations: 0, closedLoops: 0, errors: 0 };
  readonly #server: TestServer;
  readonly #r = new Random(2026);
  readonly #sessions = new Map<string, Promise<Session>>();
  readonly #open: Open[] = [];
  #nextReportAt: number;
  #reportSeq = 0;

  private constructor(
    server: TestServer,
    private readonly county: number,
    private readonly places: number[],
    private readonly categories: number[],
    /** Simulated ms between two reports. */
    private readonly reportEvery: number,
  ) {
    this.#server = server;
    this.#nextReportAt = server.clock.now().getTime();
  }

  /** Reports at `perHour` (simulated), placed at random among these grids (of the rotation's units). */
  static async create(server: TestServer, county: number, grids: number[], perHour: number): Promise<Traffic> {
    const cats = await server.runtime.db.db.selectFrom('ticket_category').select('id').where('code', 'in', CATEGORIES).execute();
    return new Traffic(
      server,
      county,
      grids,
      cats.map((c) => c.id),
      3_600_000 / perHour,
    );
  }

  get openTickets(): number {
    return this.#open.length;
  }

  /** One account per role and unit, signed in once and again when its session idles out. */
  #session(role: UserRoleName, unitId: number, fresh = false): Promise<Session> {
    const key = `${role}/${unitId}`;
    const known = this.#sessions.get(key);
    if (known && !fresh) return known;
    const signIn = async () => {
      const username = known ? (await known).username : (await createAccount(this.#server, role, unitId)).username;
      const res = await this.#server.runtime.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username, password: E2E_PASSWORD },
      });
      if (res.statusCode !== 200) throw new Error(`sign-in ${username}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      const cookie = String(res.headers['set-cookie']).split(';')[0]!;
      return { username, headers: { cookie, 'x-csrf-token': res.json<{ csrfToken: string }>().csrfToken } };
    };
    const p = signIn();
    this.#sessions.set(key, p);
    return p;
  }

  async #post(role: UserRoleName, unitId: number, url: string, body: unknown) {
    for (let attempt = 0; ; attempt++) {
      const s = await this.#session(role, unitId, attempt > 0);
      const res = await this.#server.runtime.app.inject({
        method: 'POST',
        url,
        headers: { ...s.headers, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        payload: JSON.stringify(body),
      });
      if (res.statusCode !== 401 || attempt > 0) return res;
    }
  }

  async #report(at: number): Promise<void> {
    const i = this.#reportSeq++;
    const res = await this.#post('countyDispatcher', this.county, '/api/v1/tickets', {
      title: `群众来电反映事项（墙面测量 ${i}）`,
      description: '测量生成的上报，内容仅用于性能测量。',
      categoryId: this.#r.pick(this.categories),
      channel: 'hotline12345',
      unitId: this.#r.pick(this.places),
    });
    if (res.statusCode !== 201) return this.#fail(`report: ${res.statusCode} ${res.body.slice(0, 200)}`);
    const t = res.json() as { id: number; version: number; holder: { level: string; unit: { id: number } | null } };
    this.counts.reports++;
    if (t.holder.level !== 'grid' || !t.holder.unit) return this.#fail(`ticket ${t.id} held at ${t.holder.level}`);
    this.#open.push({
      id: t.id,
      version: t.version,
      holderUnitId: t.holder.unit.id,
      next: 0,
      dueAt: at + this.#gap(),
    });
  }

  /** 20–120 simulated seconds between two steps of a ticket: a loop closes in 3–12 minutes. */
  #gap(): number {
    return this.#r.int(20, 120) * 1000;
  }

  async #operate(t: Open, at: number): Promise<void> {
    const step = LOOP[t.next]!;
    const [role, unit]: [UserRoleName, number] =
      step.by === 'holder' ? ['gridWorker', t.holderUnitId] : ['countyDispatcher', this.county];
    const res = await this.#post(role, unit, `/api/v1/tickets/${t.id}/${step.op}`, { version: t.version, ...step.body });
    if (res.statusCode !== 200) {
      this.#open.splice(this.#open.indexOf(t), 1);
      return this.#fail(`${step.op} of ${t.id}: ${res.statusCode} ${res.body.slice(0, 200)}`);
    }
    this.counts.operations++;
    t.version = (res.json() as { version: number }).version;
    t.next++;
    t.dueAt = at + this.#gap();
    if (t.next === LOOP.length) {
      this.counts.closedLoops++;
      this.#open.splice(this.#open.indexOf(t), 1);
    }
  }

  #fail(message: string): void {
    this.counts.errors++;
    if (this.counts.errors <= 5) process.stderr.write(`  … wall traffic: ${message}\n`);
  }

  /**
   * Everything due before `until` (simulated ms), `concurrency` requests at a time; the server's
   * clock stands at each task's due time when it is sent (never going back).
   */
  async runUntil(until: number, concurrency = 3): Promise<void> {
    const tasks: { at: number; run: () => Promise<void> }[] = [];
    while (this.#nextReportAt < until) {
      const at = this.#nextReportAt;
      tasks.push({ at, run: () => this.#report(at) });
      this.#nextReportAt += this.reportEvery;
    }
    for (const t of this.#open) if (t.dueAt < until) tasks.push({ at: t.dueAt, run: () => this.#operate(t, t.dueAt) });
    tasks.sort((a, b) => a.at - b.at);
    const clock = this.#server.clock;
    let next = 0;
    const worker = async () => {
      while (next < tasks.length) {
        const task = tasks[next++]!;
        if (task.at > clock.now().getTime()) clock.set(new Date(task.at));
        await task.run().catch((e: unknown) => this.#fail(String(e)));
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    clock.set(new Date(Math.max(until, clock.now().getTime())));
  }
}
