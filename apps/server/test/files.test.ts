/**
 * Attachments end to end: upload through multipart, type by content, photos served without their
 * EXIF/GPS while the uploader's original keeps it, access (404 like a missing file), linking rules
 * and the cleanup of abandoned uploads.
 */
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../src/modules/access/actor.ts';
import { systemActor } from '../src/modules/access/actor.ts';
import { filesCleanupJob } from '../src/modules/files/files.jobs.ts';
import { hashPassword } from '../src/modules/auth/passwords.ts';
import { elf, html, jpegWithGps, png, wav } from './file-samples.ts';
import { api, signIn, TEST_PASSWORD, type Client } from './factories.ts';
import { testRuntime, type TestRuntime } from './runtime.ts';

let rt: TestRuntime;
let worker: Client;
let other: Client;
let gridPath: string;

beforeAll(async () => {
  rt = await testRuntime({ uploadMaxMb: 1 });
  const county = await rt.services.units.create(systemActor, { parentId: null, kind: 'county', name: '测试县', code: '430624' });
  gridPath = (await rt.db.db.selectFrom('unit').select('path').where('id', '=', county.id).executeTakeFirstOrThrow()).path;
  worker = await signIn(rt, 'gridWorker', county.id);
  other = await signIn(rt, 'gridWorker', county.id);
});
afterAll(() => rt.close());

const actorOf = (c: Client): Actor => ({
  userId: c.userId,
  username: `u${c.userId}`,
  sessionId: null,
  grants: [],
  ip: null,
  requestId: null,
});

async function upload(c: Client, files: { name: string; bytes: Buffer; type?: string }[]) {
  const fd = new FormData();
  // The client's Content-Type is a lie on purpose: the server must not believe it.
  for (const f of files) fd.append('file', new Blob([new Uint8Array(f.bytes)], { type: f.type ?? 'image/jpeg' }), f.name);
  const req = new Request('http://local/', { method: 'POST', body: fd });
  const res = await rt.app.inject({
    method: 'POST',
    url: '/api/v1/files',
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, 'content-type': req.headers.get('content-type')! },
    payload: Buffer.from(await req.arrayBuffer()),
  });
  return { status: res.statusCode, body: res.json(), headers: res.headers };
}

const get = (c: Client, url: string, headers: Record<string, string> = {}) =>
  rt.app.inject({ method: 'GET', url, headers: { cookie: c.cookie, ...headers } });

const rowCount = async () =>
  Number(
    (
      await rt.db.db
        .selectFrom('attachment')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('upload and serving', () => {
  it('serves a photo without its EXIF and GPS, upright, while the original keeps them for the uploader', async () => {
    const { jpeg, app1 } = await jpegWithGps(6);
    const res = await upload(worker, [{ name: '现场照片.jpg', bytes: jpeg }]);
    expect(res.status).toBe(201);
    const [info] = res.body;
    expect(info).toMatchObject({
      name: '现场照片.jpg',
      mime: 'image/jpeg',
      kind: 'image',
      size: jpeg.length,
      width: 48,
      height: 64,
    });
    const row = await rt.db.db.selectFrom('attachment').selectAll().where('id', '=', info.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ uploaded_by: worker.userId, owner_type: null, has_display_copy: true });
    expect(row.sha256).toBe(createHash('sha256').update(jpeg).digest('hex'));

    const shown = await get(worker, `/api/v1/files/${info.id}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.headers).toMatchObject({ 'content-type': 'image/jpeg', 'x-content-type-options': 'nosniff' });
    expect(shown.headers['content-security-policy']).toMatch(/default-src 'none'.*sandbox/);
    expect(shown.headers['content-disposition']).toBe(
      `inline; filename="____.jpg"; filename*=UTF-8''%E7%8E%B0%E5%9C%BA%E7%85%A7%E7%89%87.jpg`,
    );
    const meta = await sharp(shown.rawPayload).metadata();
    expect(meta).toMatchObject({ width: 48, height: 64 });
    expect(meta.exif).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
    expect(shown.rawPayload.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);
    expect(shown.rawPayload.includes(app1.subarray(10))).toBe(false);

    const thumb = await get(worker, `/api/v1/files/${info.id}/thumbnail`);
    expect(thumb.headers['content-type']).toBe('image/webp');
    expect((await sharp(thumb.rawPayload).metadata()).exif).toBeUndefined();

    const original = await get(worker, `/api/v1/files/${info.id}/original`);
    expect(original.statusCode).toBe(200);
    expect(original.headers['content-disposition']).toMatch(/^attachment;/);
    expect(original.rawPayload.equals(jpeg)).toBe(true);
    expect(original.rawPayload.includes(app1)).toBe(true);
    const audited = await rt.db.db
      .selectFrom('audit_log')
      .select(['action', 'user_id'])
      .where('action', '=', 'file.original')
      .where('object_id', '=', String(info.id))
      .execute();
    expect(audited).toEqual([{ action: 'file.original', user_id: worker.userId }]);
  });

  it('answers a repeated read with 304 and serves ranges of audio', async () => {
    const voice = wav();
    const [info] = (await upload(worker, [{ name: 'voice.wav', bytes: voice, type: 'audio/wav' }])).body;
    expect(info).toMatchObject({ kind: 'audio', mime: 'audio/wav' });
    const first = await get(worker, `/api/v1/files/${info.id}`);
    expect(first.headers['accept-ranges']).toBe('bytes');
    const again = await get(worker, `/api/v1/files/${info.id}`, { 'if-none-match': String(first.headers.etag) });
    expect(again.statusCode).toBe(304);
    const part = await get(worker, `/api/v1/files/${info.id}`, { range: 'bytes=0-11' });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe(`bytes 0-11/${voice.length}`);
    expect(part.rawPayload.equals(voice.subarray(0, 12))).toBe(true);
    expect((await get(worker, `/api/v1/files/${info.id}/thumbnail`)).statusCode).toBe(404);
  });

  it('takes a PNG named .jpg as the PNG it is', async () => {
    const res = await upload(worker, [{ name: 'renamed.jpg', bytes: await png() }]);
    expect(res.status).toBe(201);
    expect(res.body[0]).toMatchObject({ mime: 'image/png', kind: 'image', width: 20, height: 10 });
    expect((await get(worker, `/api/v1/files/${res.body[0].id}`)).headers['content-type']).toBe('image/png');
  });

  it('refuses an HTML page or a program named .jpg, naming the file, and stores nothing of the upload', async () => {
    const before = await rowCount();
    for (const [name, bytes] of [
      ['page.jpg', html()],
      ['tool.jpg', elf()],
    ] as const) {
      const res = await upload(worker, [
        { name: 'fine.png', bytes: await png() },
        { name, bytes },
      ]);
      expect(res.status).toBe(415);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({ code: 'unsupported_media_type', file: name });
      expect(res.body.detail).toContain(name);
    }
    expect(await rowCount()).toBe(before);
  });

  it('refuses a file over uploadMaxMb with 413', async () => {
    const res = await upload(worker, [
      { name: 'big.jpg', bytes: Buffer.concat([(await jpegWithGps()).jpeg, Buffer.alloc(1_100_000)]) },
    ]);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'payload_too_large', file: 'big.jpg' });
    expect(res.body.detail).toContain('1 MB');
  });

  it('takes multipart only here, and only multipart here', async () => {
    const json = await api(worker, 'POST', '/api/v1/files', { file: 'x' });
    expect(json.status).toBe(415);
    const fd = new FormData();
    fd.append('name', 'x');
    const req = new Request('http://local/', { method: 'POST', body: fd });
    const elsewhere = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/households',
      headers: { cookie: worker.cookie, 'x-csrf-token': worker.csrf, 'content-type': req.headers.get('content-type')! },
      payload: Buffer.from(await req.arrayBuffer()),
    });
    expect(elsewhere.statusCode).toBe(415);
  });

  it('needs a finished sign-in', async () => {
    const unit = await rt.db.db.selectFrom('unit').select('id').executeTakeFirstOrThrow();
    const user = await rt.db.db
      .insertInto('user_account')
      .values({
        username: 'half-signed',
        display_name: 'x',
        unit_id: unit.id,
        password_hash: await hashPassword(TEST_PASSWORD),
        must_change_password: false,
        created_at: rt.clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await rt.db.db
      .insertInto('role_grant')
      .values({ user_id: user.id, role: 'villageOfficial', unit_id: unit.id, granted_by: null, granted_at: rt.clock.now() })
      .execute();
    const login = await rt.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'half-signed', password: TEST_PASSWORD },
    });
    expect(login.json().stage).toBe('totpEnrollRequired');
    const half = {
      cookie: String(login.headers['set-cookie']).split(';')[0]!,
      csrf: login.json().csrfToken,
      userId: user.id,
    } as Client;
    expect((await upload(half, [{ name: 'a.png', bytes: await png() }])).body.code).toBe('sign_in_incomplete');
    expect((await rt.app.inject({ method: 'GET', url: '/api/v1/files/1' })).statusCode).toBe(401);
  });
});

describe('access and linking', () => {
  it("hides another user's unlinked upload exactly like a missing one, and audits the refusal", async () => {
    const [info] = (await upload(worker, [{ name: 'mine.png', bytes: await png() }])).body;
    const theirs = await get(other, `/api/v1/files/${info.id}`);
    const missing = await get(other, '/api/v1/files/999999');
    expect(theirs.statusCode).toBe(404);
    expect(missing.statusCode).toBe(404);
    const strip = (b: Record<string, unknown>) => ({ ...b, detail: undefined, instance: undefined, requestId: undefined });
    expect(strip(theirs.json())).toEqual(strip(missing.json()));
    expect((await get(other, `/api/v1/files/${info.id}/original`)).statusCode).toBe(404);
    const denied = await rt.db.db
      .selectFrom('audit_log')
      .select('result')
      .where('action', '=', 'access.denied')
      .where('object_type', '=', 'attachment')
      .where('object_id', '=', String(info.id))
      .where('user_id', '=', other.userId)
      .execute();
    expect(denied.length).toBe(2);
  });

  it('links only the actor’s own unlinked uploads, once; the owner then decides who reads', async () => {
    const files = rt.services.files;
    files.registerOwner('test.note', async (actor, ownerId) => ownerId === 7 && actor.userId === other.userId);
    const mine = (
      await upload(worker, [
        { name: 'a.png', bytes: await png() },
        { name: 'b.wav', bytes: wav() },
      ])
    ).body;
    const theirs = (await upload(other, [{ name: 'c.png', bytes: await png() }])).body;
    const ids = mine.map((f: { id: number }) => f.id);
    const owner = { type: 'test.note', id: '7', unitPath: gridPath };

    const refused = await rt.db.db
      .transaction()
      .execute((tx) => files.link(tx, actorOf(worker), [...ids, theirs[0].id, 999999], owner))
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ status: 422, extra: { ids: [theirs[0].id, 999999] } });
    expect(await rt.db.db.selectFrom('attachment').select('owner_type').where('id', 'in', ids).execute()).toEqual([
      { owner_type: null },
      { owner_type: null },
    ]);

    const linked = await rt.db.db.transaction().execute((tx) => files.link(tx, actorOf(worker), ids, owner));
    expect(linked.map((f) => f.name)).toEqual(['a.png', 'b.wav']);
    const again = rt.db.db.transaction().execute((tx) => files.link(tx, actorOf(worker), [ids[0]], { ...owner, id: 8 }));
    await expect(again).rejects.toMatchObject({ status: 422, extra: { ids: [ids[0]] } });
    expect(
      await rt.db.db.selectFrom('attachment').select(['owner_id', 'unit_path']).where('id', '=', ids[0]).executeTakeFirst(),
    ).toEqual({
      owner_id: 7,
      unit_path: gridPath,
    });

    const lists = await files.listFor('test.note', [7, 8]);
    expect(lists.get(7)?.map((f) => f.id)).toEqual(ids);
    expect(lists.get(8)).toEqual([]);

    expect((await get(other, `/api/v1/files/${ids[0]}`)).statusCode).toBe(200);
    expect((await get(worker, `/api/v1/files/${ids[0]}`)).statusCode).toBe(404);
    expect((await get(other, `/api/v1/files/${ids[0]}/original`)).statusCode).toBe(404);
    expect((await get(worker, `/api/v1/files/${ids[0]}/original`)).statusCode).toBe(200);
  });
});

describe('cleanup of abandoned uploads', () => {
  it('removes unlinked uploads older than a day with their stored copies, keeps the rest, and runs twice safely', async () => {
    const files = rt.services.files;
    const [stale] = (await upload(worker, [{ name: 'stale.jpg', bytes: (await jpegWithGps()).jpeg }])).body;
    const keyOf = async (id: number) =>
      (await rt.db.db.selectFrom('attachment').select('store_key').where('id', '=', id).executeTakeFirstOrThrow()).store_key;
    const key = await keyOf(stale.id);
    const kept = await rt.db.db
      .selectFrom('attachment')
      .select(['id', 'store_key'])
      .where('owner_type', 'is not', null)
      .execute();
    expect(kept.length).toBeGreaterThan(0);
    const [fresh] = (await upload(worker, [{ name: 'fresh.png', bytes: await png() }])).body;
    // Uploaded 25 hours ago (moving the clock instead would end the sessions too).
    const dayAgo = new Date(rt.clock.now().getTime() - 25 * 60 * 60 * 1000);
    await rt.db.db.updateTable('attachment').set({ created_at: dayAgo }).where('id', '=', stale.id).execute();

    const job = filesCleanupJob(files);
    await rt.jobs.send(job, {});
    await rt.jobs.drain(job.name);
    expect(await rt.db.db.selectFrom('attachment').select('id').where('id', '=', stale.id).executeTakeFirst()).toBeUndefined();
    for (const k of [key, `${key}.display`, `${key}.thumb`]) expect(await files.store.exists(k)).toBe(false);
    expect(await files.store.exists(await keyOf(fresh.id))).toBe(true);
    for (const k of kept) expect(await files.store.exists(k.store_key)).toBe(true);
    const stillUnlinked = await rt.db.db.selectFrom('attachment').select('created_at').where('owner_type', 'is', null).execute();
    expect(stillUnlinked.every((r) => new Date(r.created_at) > dayAgo)).toBe(true);

    await job.handler({}, { jobId: 'again', retryCount: 0 });
    expect(await files.removeStale()).toBe(0);
    expect((await get(worker, `/api/v1/files/${fresh.id}`)).statusCode).toBe(200);
  });
});
