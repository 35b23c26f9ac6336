/**
 * S3Store against a small S3 stand-in on 127.0.0.1 that checks every request's Signature V4 with
 * its own implementation of the algorithm (not aws4fetch's) and the signed payload hash.
 */
import { createHash, createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3Store, type S3Options } from './s3-store.ts';

const SECRET = 'test-secret-key';
const objects = new Map<string, Buffer>();
const seen: string[] = [];
let server: Server;
let opts: S3Options;

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');
const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest();

function signatureOk(req: IncomingMessage, body: Buffer): boolean {
  const auth =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
      String(req.headers.authorization),
    );
  if (!auth) return false;
  const [, , date, region, signed, signature] = auth as unknown as string[];
  const payload = String(req.headers['x-amz-content-sha256']);
  if (payload !== 'UNSIGNED-PAYLOAD' && payload !== sha256(body)) return false;
  const names = signed!.split(';');
  if (!names.includes('host') || !names.includes('x-amz-date')) return false;
  const canonical = [
    req.method,
    req.url!.split('?')[0],
    '',
    ...names.map((n) => `${n}:${String(req.headers[n]).trim().replace(/\s+/g, ' ')}`),
    '',
    signed,
    payload,
  ].join('\n');
  const scope = `${date}/${region}/s3/aws4_request`;
  const toSign = ['AWS4-HMAC-SHA256', String(req.headers['x-amz-date']), scope, sha256(canonical)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${SECRET}`, date!), region!), 's3'), 'aws4_request');
  return createHmac('sha256', key).update(toSign).digest('hex') === signature;
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = Buffer.concat(chunks);
    seen.push(`${req.method} ${req.url}`);
    if (!signatureOk(req, body)) {
      res.writeHead(403).end('<Error><Code>SignatureDoesNotMatch</Code></Error>');
      return;
    }
    const obj = objects.get(req.url!);
    if (req.method === 'PUT') {
      objects.set(req.url!, body);
      res.writeHead(200).end();
    } else if (req.method === 'DELETE') {
      objects.delete(req.url!);
      res.writeHead(204).end();
    } else if (!obj) res.writeHead(404).end('<Error><Code>NoSuchKey</Code></Error>');
    else if (req.method === 'HEAD') res.writeHead(200, { 'content-length': obj.length }).end();
    else {
      const m = /^bytes=(\d+)-(\d+)$/.exec(String(req.headers.range ?? ''));
      if (m) res.writeHead(206).end(obj.subarray(Number(m[1]), Number(m[2]) + 1));
      else res.writeHead(200).end(obj);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  opts = {
    endpoint: `http://127.0.0.1:${port}`,
    region: 'cn-central-1',
    bucket: 'wangge-files',
    accessKeyId: 'AKTEST',
    secretAccessKey: SECRET,
    pathStyle: true,
  };
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('S3Store', () => {
  it('puts, reads whole and by range, checks and deletes objects, every request signed', async () => {
    const store = new S3Store(opts);
    await store.put('ab/cd/abcd1', Readable.from([Buffer.from('语音'), Buffer.from(' note')]));
    expect(objects.get('/wangge-files/ab/cd/abcd1')?.toString()).toBe('语音 note');
    expect(await text(await store.get('ab/cd/abcd1'))).toBe('语音 note');
    expect(await text(await store.get('ab/cd/abcd1', { start: 7, end: 10 }))).toBe('note');
    expect(await store.exists('ab/cd/abcd1')).toBe(true);
    await store.delete('ab/cd/abcd1');
    await store.delete('ab/cd/abcd1');
    expect(await store.exists('ab/cd/abcd1')).toBe(false);
    await expect(store.get('ab/cd/abcd1')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(seen).toContain('PUT /wangge-files/ab/cd/abcd1');
  });

  it('fails with the service error code when the signature is wrong', async () => {
    const store = new S3Store({ ...opts, secretAccessKey: 'wrong' });
    await expect(store.put('ab/cd/x', Buffer.from('x'))).rejects.toThrow(/HTTP 403 SignatureDoesNotMatch/);
    expect(objects.has('/wangge-files/ab/cd/x')).toBe(false);
  });

  it('refuses keys that are not ours before sending anything', async () => {
    const store = new S3Store(opts);
    const before = seen.length;
    await expect(store.put('../other-bucket/x', Buffer.from('x'))).rejects.toThrow(/Invalid file key/);
    expect(seen.length).toBe(before);
  });
});
