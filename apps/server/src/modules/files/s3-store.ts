/**
 * An S3-compatible bucket as the file store (MinIO, Ceph, cloud object storage), through aws4fetch:
 * Signature V4 over Node's fetch, no SDK. Objects are sent whole with their SHA-256 as the signed
 * payload hash, so the service rejects a body altered on the way; uploads are small (uploadMaxMb).
 * Tested against a local fake that checks the signature, not against a real service (docs/CONFIG.md).
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { AwsClient } from 'aws4fetch';
import { checkKey, notFound, type ByteRange, type FileStore } from './file-store.ts';

export interface S3Options {
  /** `https://host[:port]`, no path. */
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `endpoint/bucket/key` (MinIO and most self-hosted services) or `bucket.endpoint/key` (virtual-hosted). */
  pathStyle: boolean;
}

async function collect(data: Readable | Buffer): Promise<Buffer> {
  if (Buffer.isBuffer(data)) return data;
  const chunks: Buffer[] = [];
  for await (const chunk of data) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

export class S3Store implements FileStore {
  private readonly client: AwsClient;
  private readonly base: string;

  constructor(opts: S3Options) {
    this.client = new AwsClient({
      accessKeyId: opts.accessKeyId,
      secretAccessKey: opts.secretAccessKey,
      region: opts.region,
      service: 's3',
      retries: 3,
    });
    const url = new URL(opts.endpoint);
    if (!opts.pathStyle) url.host = `${opts.bucket}.${url.host}`;
    this.base = `${url.origin}${opts.pathStyle ? `/${encodeURIComponent(opts.bucket)}` : ''}`;
  }

  private url(key: string) {
    return `${this.base}/${checkKey(key)}`;
  }

  private async fail(res: Response, what: string): Promise<never> {
    const text = await res.text().catch(() => '');
    const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1] ?? '';
    throw new Error(`S3 ${what}: HTTP ${res.status} ${code}`.trim());
  }

  async put(key: string, data: Readable | Buffer): Promise<void> {
    const body = await collect(data);
    const res = await this.client.fetch(this.url(key), {
      method: 'PUT',
      body,
      headers: {
        'content-type': 'application/octet-stream',
        'x-amz-content-sha256': createHash('sha256').update(body).digest('hex'),
      },
    });
    if (!res.ok) await this.fail(res, `put ${key}`);
    await res.body?.cancel();
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    const res = await this.client.fetch(this.url(key), {
      method: 'GET',
      headers: range ? { range: `bytes=${range.start}-${range.end}` } : {},
    });
    if (res.status === 404) {
      await res.body?.cancel();
      throw notFound(key);
    }
    if (!res.ok || !res.body) return this.fail(res, `get ${key}`);
    return Readable.fromWeb(res.body as WebReadableStream<Uint8Array>);
  }

  async delete(key: string): Promise<void> {
    const res = await this.client.fetch(this.url(key), { method: 'DELETE' });
    if (!res.ok && res.status !== 404) await this.fail(res, `delete ${key}`);
    await res.body?.cancel();
  }

  async exists(key: string): Promise<boolean> {
    const res = await this.client.fetch(this.url(key), { method: 'HEAD' });
    await res.body?.cancel();
    if (res.status === 404) return false;
    if (!res.ok) return this.fail(res, `head ${key}`);
    return true;
  }
}
