/**
 * Tickets: intake with its 13710 deadlines, bad input, idempotency, the full loop from a grid
 * worker's report through escalation to evaluation, the state machine's refusals, departments.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../src/lib/id-number.ts';
import { api } from './factories.ts';
import { jpegWithGps } from './file-samples.ts';
import { testRuntime, type TestRuntime } from './runtime.ts';
import { inGrid, neighbourDispute, op, report, send, ticketWorld, type TicketWorld } from './ticket-fixtures.ts';

let rt: TestRuntime;
let w: TicketWorld;

beforeAll(async () => {
  rt = await testRuntime();
  w = await ticketWorld(rt);
});
afterAll(() => rt?.close());

const count = async () =>
  Number(
    (
      await rt.db.db
        .selectFrom('ticket')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('intake', () => {
  it('places a grid worker’s report in the grid, hands it to the grid, and counts 13710 by the Civil Code', async () => {
    // The test clock stands at Wednesday 2026-09-30 09:00 China time.
    const res = await report(w.users.worker, neighbourDispute(w, { reporter: { name: '张三', phone: '13912345678' } }));
    expect(res.status).toBe(201);
    const t = res.body;
    expect(t.code).toMatch(/^SJ20260930\d{7}$/);
    expect(t.state).toBe('reported');
    expect(t.unit.id).toBe(w.grid.id);
    expect(t.holder).toMatchObject({ level: 'grid', name: '第1网格' });
    expect(t.reporter).toEqual({ name: '张三', phoneMasked: '139****5678' });
    expect(JSON.stringify(t)).not.toContain('13912345678');
    const due = Object.fromEntries(t.deadlines.map((d: { stage: string; dueAt: string }) => [d.stage, d.dueAt]));
    // 1 WD → 2026-10-08 24:00, 3 WD → 2026-10-10 24:00 (an adjusted Saturday), 7 WD → 2026-10-15 24:00 (UTC+8).
    expect(due).toEqual({
      accept: '2026-10-08T16:00:00.000Z',
      feedback: '2026-10-10T16:00:00.000Z',
      resolve: '2026-10-15T16:00:00.000Z',
    });
    expect(t.light).toBe('green');
    expect(t.allowedOperations).toEqual(expect.arrayContaining(['accept', 'selfResolve', 'reject']));
    expect(t.calendarWarning).toBeNull();
    // The answer to the report (built in memory) is the ticket as read back.
    expect((await api(w.users.worker, 'GET', `/api/v1/tickets/${t.id}`)).body).toEqual(t);
  });

  it("links the household and people involved, and lists a person's and a household's tickets", async () => {
    const household = (
      await api(w.users.village, 'POST', '/api/v1/households', { unitId: w.grid.id, address: '东塘村七组5号', headName: '孙立' })
    ).body;
    const person = async (name: string, seq: number) =>
      (
        await api(w.users.village, 'POST', '/api/v1/people', {
          unitId: w.grid.id,
          name,
          idNumber: makeIdNumber('430624', '1968-08-08', seq),
          residenceType: 'registered',
          householdId: household.id,
        })
      ).body.id as number;
    const [sun, neighbour] = [await person('孙立', 11), await person('周邻', 13)];
    const about = (await report(w.users.worker, neighbourDispute(w, { householdId: household.id, personIds: [sun] }))).body;
    expect(about).toMatchObject({ household: { id: household.id, headName: '孙立' }, people: [{ id: sun, name: '孙立' }] });
    const both = (await report(w.users.worker, neighbourDispute(w, { personIds: [sun, neighbour] }))).body;
    const ids = async (qs: string) =>
      (await api(w.users.worker, 'GET', `/api/v1/tickets?${qs}`)).body.items.map((t: { id: number }) => t.id).sort();
    expect(await ids(`personId=${sun}`)).toEqual([about.id, both.id].sort());
    expect(await ids(`personId=${neighbour}`)).toEqual([both.id]);
    expect(await ids(`householdId=${household.id}`)).toEqual([about.id]);
    // Still scoped: the same filter as someone who cannot see the grid finds nothing.
    expect((await api(w.users.village2, 'GET', `/api/v1/tickets?personId=${sun}`)).body.total).toBe(0);
  });

  it('gives a major category one month, moved to a working day', async () => {
    const t = (
      await report(w.users.village, {
        title: '宅基地边界争议',
        description: '两户宅基地边界不清',
        categoryId: w.cat('dispute.land').id,
        channel: 'walkIn',
        unitId: w.village.id,
        fields: { parties: 2, areaMu: 0.3 },
      })
    ).body;
    expect(t.holder.level).toBe('village');
    expect(t.deadlines.find((d: { stage: string }) => d.stage === 'resolve').dueAt).toBe('2026-10-30T16:00:00.000Z');
  });

  it('refuses bad input with the reason, and stores nothing', async () => {
    const before = await count();
    const bad = [
      [{ ...neighbourDispute(w), categoryId: 99999 }, 400, '/body/categoryId'],
      [{ ...neighbourDispute(w), fields: { parties: 1 } }, 400, '/body/fields/parties'],
      [{ ...neighbourDispute(w), fields: {} }, 400, '/body/fields/parties'],
      [{ ...neighbourDispute(w), fields: { parties: 2, colour: 'red' } }, 400, '/body/fields/colour'],
      [{ ...neighbourDispute(w), location: { lng: 100, lat: 20 } }, 422, '/body/location'],
      [{ ...neighbourDispute(w), location: undefined }, 400, '/body/location'],
      [{ ...neighbourDispute(w), channel: 'pigeon' }, 400, '/body/channel'],
      [{ ...neighbourDispute(w), secret: 1 }, 400, '/body/secret'],
      [{ ...neighbourDispute(w), householdId: 99999 }, 400, '/body/householdId'],
    ] as const;
    for (const [body, status, path] of bad) {
      const res = await report(w.users.worker, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    }
    expect(await count()).toBe(before);
  });

  it('answers 404 for a unit outside the reporter’s area', async () => {
    const res = await report(w.users.worker, { ...neighbourDispute(w), location: undefined, unitId: w.village2.id });
    expect(res.status).toBe(404);
  });

  it('makes a retried report one ticket, and refuses the key with another body', async () => {
    const before = await count();
    const first = await report(w.users.worker, neighbourDispute(w, { title: '重复提交测试' }), 'phone-retry-0001');
    const again = await report(w.users.worker, neighbourDispute(w, { title: '重复提交测试' }), 'phone-retry-0001');
    expect(first.status).toBe(201);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(first.body.id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const other = await report(w.users.worker, neighbourDispute(w, { title: '另一件事' }), 'phone-retry-0001');
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency_key_reused');
    expect(await count()).toBe(before + 1);
  });

  // PGlite has one connection: its transactions never overlap, so no request is ever in flight
  // beside its twin there (the twin runs after and replays, as the test above shows).
  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'answers 409 idempotency_key_in_flight while the first request with a key is still being processed, then replays',
    async () => {
      const before = await count();
      const key = 'phone-in-flight-0001';
      const body = neighbourDispute(w, { title: '仍在处理的上报' });
      // The first request "in progress": its transaction holds the (user, key) lock.
      const held = await rt.db.pool!.connect();
      try {
        await held.query('begin');
        await held.query(`select pg_advisory_xact_lock(hashtextextended($1, 0))`, [`${w.users.worker.userId}:${key}`]);
        const twin = await report(w.users.worker, body, key);
        expect([twin.status, twin.body.code]).toEqual([409, 'idempotency_key_in_flight']);
        expect(twin.headers['content-type']).toContain('application/problem+json');
        expect(await count()).toBe(before);
      } finally {
        await held.query('commit');
        held.release();
      }
      // Several at once: one ticket; every 201 names it, the rest are told to retry.
      const answers = await Promise.all(Array.from({ length: 6 }, () => report(w.users.worker, body, key)));
      expect(answers.every((a) => a.status === 201 || (a.status === 409 && a.body.code === 'idempotency_key_in_flight'))).toBe(
        true,
      );
      const ids = new Set(answers.filter((a) => a.status === 201).map((a) => a.body.id));
      const retried = await report(w.users.worker, body, key);
      expect(retried.status).toBe(201);
      expect(ids.size <= 1 && (ids.size === 0 || ids.has(retried.body.id))).toBe(true);
      expect(await count()).toBe(before + 1);
    },
  );

  it('writes reports that arrive together as one group, each caller getting its own ticket', async () => {
    const before = await count();
    const titles = Array.from({ length: 8 }, (_, i) => `同时上报的第${i + 1}件事`);
    const res = await Promise.all(titles.map((title) => report(w.users.worker, neighbourDispute(w, { title }))));
    expect(res.map((r) => r.status)).toEqual(titles.map(() => 201));
    expect(res.map((r) => r.body.title)).toEqual(titles);
    const ids = res.map((r) => r.body.id as number);
    expect(new Set(ids).size).toBe(8);
    expect(new Set(res.map((r) => r.body.code)).size).toBe(8);
    expect(await count()).toBe(before + 8);
    // Grouped: fewer writes than reports, and every ticket has its first timeline entry and notice.
    expect(rt.services.tickets.intakeGroups.writes.largest).toBeGreaterThan(1);
    const events = await rt.db.db.selectFrom('ticket_event').select(['ticket_id', 'op']).where('ticket_id', 'in', ids).execute();
    expect(
      events
        .filter((e) => e.op === 'report')
        .map((e) => e.ticket_id)
        .sort(),
    ).toEqual([...ids].sort());
    const notices = await rt.db.db.selectFrom('ticket_notification').select('ticket_id').where('ticket_id', 'in', ids).execute();
    expect(notices).toHaveLength(8);
    for (const r of res) expect((await api(w.users.worker, 'GET', `/api/v1/tickets/${r.body.id}`)).body.title).toBe(r.body.title);
  });

  it('flags a possible duplicate nearby, for a person to confirm, and never merges', async () => {
    const a = (await report(w.users.worker, neighbourDispute(w, { title: '路灯不亮引发口角' }))).body;
    const pre = await send(
      w.users.worker,
      'GET',
      `/api/v1/tickets/duplicates?categoryId=${w.cat('dispute.neighbour').id}&lng=${inGrid.lng}&lat=${inGrid.lat + 0.0003}`,
    );
    expect(pre.status).toBe(200);
    expect(pre.body.map((d: { id: number }) => d.id)).toContain(a.id);
    // The category's radius (100 m) holds to the metre east and south: 98 m is a candidate, 102 m is not.
    const deg = 180 / Math.PI / 6_371_000;
    for (const [m, expected] of [
      [98, true],
      [102, false],
    ] as const) {
      for (const [lng, lat] of [
        [inGrid.lng + (m * deg) / Math.cos((inGrid.lat * Math.PI) / 180), inGrid.lat],
        [inGrid.lng, inGrid.lat - m * deg],
      ]) {
        const url = `/api/v1/tickets/duplicates?categoryId=${w.cat('dispute.neighbour').id}&lng=${lng}&lat=${lat}`;
        const ids = (await send(w.users.worker, 'GET', url)).body.map((d: { id: number }) => d.id);
        expect(ids.includes(a.id), `${m} m to ${lng},${lat}`).toBe(expected);
      }
    }
    const b = (await report(w.users.worker, neighbourDispute(w, { location: { lng: inGrid.lng, lat: inGrid.lat + 0.0003 } })))
      .body;
    expect(b.possibleDuplicate).toBe(true);
    expect(b.possibleDuplicates.map((d: { id: number }) => d.id)).toContain(a.id);
    const rejected = await op(w.users.worker, b, 'reject', { reason: 'duplicate', duplicateOfId: a.id });
    expect(rejected.state).toBe('rejected');
    expect(rejected.duplicateOf.id).toBe(a.id);
    expect((await api(w.users.worker, 'GET', `/api/v1/tickets/${a.id}`)).body.state).toBe('reported');
  });
});

describe('the loop', () => {
  it('runs report → accept → escalate to village → township → start → feedback → resolve → verify → close → evaluate', async () => {
    let t = (await report(w.users.worker, neighbourDispute(w, { title: '灌溉水渠纠纷' }))).body;
    t = await op(w.users.worker, t, 'accept');
    t = await op(w.users.worker, t, 'escalate', { note: '涉及两个村民小组，网格无法调解' });
    expect(t.holder).toMatchObject({ level: 'village', name: '东塘村' });
    expect(t.state).toBe('accepted');
    // The grid no longer holds it; it still sees it (its area) but may not resolve it.
    const refused = await send(w.users.worker, 'POST', `/api/v1/tickets/${t.id}/start`, { version: t.version });
    expect(refused.status).toBe(403);
    expect(refused.body.allowed).toEqual([]);
    t = await op(w.users.village, t, 'escalate', { note: '需镇里协调水利站' });
    expect(t.holder.level).toBe('township');
    t = await op(w.users.township, t, 'start');
    t = await op(w.users.township, t, 'feedback', { note: '已约双方周五现场协商' });
    t = await op(w.users.township, t, 'resolve', { note: '已疏通水渠，双方签订协议' });
    expect(t.state).toBe('resolved');
    expect(t.handledLevel).toBe('township');
    t = await op(w.users.worker, t, 'verify', { passed: true, note: '现场核实已疏通' });
    t = await op(w.users.worker, t, 'close');
    expect(t.state).toBe('closed');
    expect(t.result).toBe('onTime');
    t = await op(w.users.worker, t, 'evaluate', { rating: 'satisfied', comment: '群众满意' });
    expect(t.state).toBe('evaluated');
    const timeline = (await api(w.users.worker, 'GET', `/api/v1/tickets/${t.id}/timeline`)).body;
    expect(timeline.map((e: { op: string }) => e.op)).toEqual([
      'report',
      'accept',
      'escalate',
      'escalate',
      'start',
      'feedback',
      'resolve',
      'verify',
      'close',
      'evaluate',
    ]);
    expect(timeline[2]).toMatchObject({ fromHolder: '第1网格', toHolder: '东塘村', note: '涉及两个村民小组，网格无法调解' });
    // Immutable: the database itself refuses to change a timeline entry.
    await expect(
      rt.db.db.updateTable('ticket_event').set({ note: 'x' }).where('ticket_id', '=', t.id).execute(),
    ).rejects.toThrow();
  });

  it('answers a stale version with 409 and the current state, a wrong state with 409 and what is allowed', async () => {
    const t = (await report(w.users.worker, neighbourDispute(w))).body;
    const accepted = await op(w.users.worker, t, 'accept');
    const stale = await send(w.users.worker, 'POST', `/api/v1/tickets/${t.id}/start`, { version: t.version });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'stale_version', currentVersion: accepted.version, currentState: 'accepted' });
    const wrong = await send(w.users.worker, 'POST', `/api/v1/tickets/${t.id}/close`, { version: accepted.version });
    expect(wrong.status).toBe(409);
    expect(wrong.body.code).toBe('transition_not_allowed');
    expect(wrong.body.allowed).toEqual(expect.arrayContaining(['start', 'assign', 'escalate']));
    expect((await api(w.users.worker, 'GET', `/api/v1/tickets/${t.id}`)).body.version).toBe(accepted.version);
  });

  it('makes a retried operation one effect', async () => {
    const t = (await report(w.users.worker, neighbourDispute(w))).body;
    const key = { 'idempotency-key': `accept-${t.id}` };
    const a = await send(w.users.worker, 'POST', `/api/v1/tickets/${t.id}/accept`, { version: t.version }, key);
    const b = await send(w.users.worker, 'POST', `/api/v1/tickets/${t.id}/accept`, { version: t.version }, key);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.body.version).toBe(a.body.version);
    const timeline = (await api(w.users.worker, 'GET', `/api/v1/tickets/${t.id}/timeline`)).body;
    expect(timeline.filter((e: { op: string }) => e.op === 'accept')).toHaveLength(1);
  });

  it('self-resolves on the spot (自办自结) at the grid', async () => {
    const t = (await report(w.users.worker, neighbourDispute(w))).body;
    const done = await op(w.users.worker, t, 'selfResolve', { note: '当场调解' });
    expect(done).toMatchObject({ state: 'closed', selfResolved: true, handledLevel: 'grid', result: 'onTime' });
  });

  it('returns, transfers and redoes with the counts kept', async () => {
    let t = (await report(w.users.worker, neighbourDispute(w))).body;
    t = await op(w.users.worker, t, 'accept');
    t = await op(w.users.worker, t, 'escalate');
    t = await op(w.users.village, t, 'return', { note: '属网格职责范围' });
    expect(t.holder.level).toBe('grid');
    expect(t.counts.returns).toBe(1);
    const before = await rt.db.db.selectFrom('ticket').select('dispatched_at').where('id', '=', t.id).executeTakeFirstOrThrow();
    expect(before.dispatched_at).toBeNull();
    t = await op(w.users.township, t, 'transfer', { toUnitId: w.village.id, note: '由村调委会处理' });
    expect(t.holder.name).toBe('东塘村');
    // 转办 hands it on: the response (受理交办) is given at the transfer.
    const after = await rt.db.db.selectFrom('ticket').select('dispatched_at').where('id', '=', t.id).executeTakeFirstOrThrow();
    expect(after.dispatched_at).toEqual(rt.clock.now());
    t = await op(w.users.village, t, 'start');
    t = await op(w.users.village, t, 'resolve');
    t = await op(w.users.worker, t, 'verify', { passed: false, note: '现场仍有积水' });
    expect(t.state).toBe('inProgress');
    t = await op(w.users.village, t, 'resolve');
    t = await op(w.users.worker, t, 'verify', { passed: true });
    t = await op(w.users.worker, t, 'close');
    t = await op(w.users.worker, t, 'evaluate', { rating: 'unsatisfied', comment: '反复出现' });
    expect(t).toMatchObject({ state: 'inProgress', counts: { redos: 1 } });
  });

  it('lets a grid escalate two levels only where the category allows it', async () => {
    let t = (await report(w.users.worker, neighbourDispute(w))).body;
    t = await op(w.users.worker, t, 'accept');
    const skip = await send(w.users.worker, 'POST', `/api/v1/tickets/${t.id}/escalate`, {
      version: t.version,
      toUnitId: w.township.id,
    });
    expect(skip.status).toBe(409);
    let fire = (
      await report(w.users.worker, {
        title: '仓库堆放易燃物',
        description: '存在火灾隐患',
        categoryId: w.cat('hazard.fire').id,
        channel: 'gridWorker',
        location: inGrid,
      })
    ).body;
    fire = await op(w.users.worker, fire, 'accept');
    fire = await op(w.users.worker, fire, 'escalate', { toUnitId: w.county.id, note: '重大隐患，直报县' });
    expect(fire.holder.level).toBe('county');
  });
});

describe('attachments', () => {
  it('links a photo to a report and a step, readable by those who see the ticket, GPS stripped', async () => {
    const { jpeg } = await jpegWithGps();
    const upload = async (c: typeof w.users.worker) => {
      const fd = new FormData();
      fd.append('file', new Blob([new Uint8Array(jpeg)], { type: 'image/jpeg' }), '现场照片.jpg');
      const req = new Request('http://local/', { method: 'POST', body: fd });
      const res = await c.app.inject({
        method: 'POST',
        url: '/api/v1/files',
        headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': req.headers.get('content-type')! },
        payload: Buffer.from(await req.arrayBuffer()),
      });
      expect(res.statusCode).toBe(201);
      return res.json()[0].id as number;
    };
    const photo = await upload(w.users.worker);
    let t = (await report(w.users.worker, neighbourDispute(w, { attachmentIds: [photo] }))).body;
    expect(t.attachments.map((a: { id: number }) => a.id)).toEqual([photo]);
    const second = await upload(w.users.worker);
    t = await op(w.users.worker, t, 'accept', { attachmentIds: [second], note: '补充照片' });
    const timeline = (await api(w.users.worker, 'GET', `/api/v1/tickets/${t.id}/timeline`)).body;
    expect(timeline[1].attachments.map((a: { id: number }) => a.id)).toEqual([second]);
    const file = (c: typeof w.users.worker) =>
      c.app.inject({ method: 'GET', url: `/api/v1/files/${photo}`, headers: { cookie: c.cookie } });
    const seen = await file(w.users.township);
    expect(seen.statusCode).toBe(200);
    expect(seen.rawPayload.includes(Buffer.from('Exif'))).toBe(false);
    expect((await file(w.users.village2)).statusCode).toBe(404);
    // A file already linked cannot be linked again.
    const reuse = await report(w.users.worker, neighbourDispute(w, { attachmentIds: [photo] }));
    expect(reuse.status).toBe(422);
  });
});

describe('departments', () => {
  it('sends a ticket to a county bureau, whose handlers alone among departments see it', async () => {
    let t = (
      await report(w.users.dispatcher, {
        title: '12345：自来水管爆裂',
        description: '市民来电反映主管道爆裂',
        categoryId: w.cat('infra.water').id,
        channel: 'hotline12345',
        location: inGrid,
        reporter: { name: '王女士', phone: '13700001111' },
      })
    ).body;
    expect((await send(w.users.handler, 'GET', `/api/v1/tickets/${t.id}`)).status).toBe(404);
    t = await op(w.users.dispatcher, t, 'assign', { toDepartmentId: w.departmentId });
    expect(t.holder).toMatchObject({ level: 'department', name: '县水利局' });
    const seen = await send(w.users.handler, 'GET', `/api/v1/tickets/${t.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.allowedOperations).toEqual(expect.arrayContaining(['start', 'return', 'requestExtension']));
    expect((await send(w.users.handler2, 'GET', `/api/v1/tickets/${t.id}`)).status).toBe(404);
    const list = (await send(w.users.handler, 'GET', '/api/v1/tickets')).body;
    expect(list.items.map((i: { id: number }) => i.id)).toEqual([t.id]);
    const inbox = (await send(w.users.handler, 'GET', '/api/v1/tickets/inbox?box=toHandle')).body;
    expect(inbox.items.map((i: { id: number }) => i.id)).toContain(t.id);
    t = await op(w.users.handler, { id: t.id, version: seen.body.version }, 'start');
    t = await op(w.users.handler, t, 'resolve');
    expect(t.handledLevel).toBe('department');
  });

  it('reveals a reporter’s phone only as an audited action', async () => {
    const t = (await report(w.users.worker, neighbourDispute(w, { reporter: { name: '李四', phone: '13688889999' } }))).body;
    expect((await send(w.users.worker, 'POST', `/api/v1/tickets/${t.id}/reporter-phone/reveal`)).status).toBe(403);
    const shown = await send(w.users.township, 'POST', `/api/v1/tickets/${t.id}/reporter-phone/reveal`);
    expect(shown.body).toEqual({ phone: '13688889999' });
    const audit = await rt.db.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'ticket.reporterPhone.reveal')
      .execute();
    expect(audit.length).toBe(1);
  });
});
