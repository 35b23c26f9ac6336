/**
 * Where attachment bytes live, behind one small interface: the local disk (default) or an
 * S3-compatible bucket (s3-store.ts). Keys are opaque, made by the files service
 * (`ab/cd/<uuid>[.display|.thumb]`); a store never interprets them beyond refusing path tricks.
 */
import { randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** An inclusive byte range, as in an HTTP Range header. */
export interface ByteRange {
  start: number;
  end: number;
}

export interface FileStore {
  /** Writes the whole object or nothing: a reader never sees half a file. */
  put(key: string, data: Readable | Buffer): Promise<void>;
  /** The object's bytes (or a range of them); fails with code 'ENOENT' when the key is missing. */
  get(key: string, range?: ByteRange): Promise<Readable>;
  /** Removes the object; a missing key is not an error (deletes are retried by jobs). */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

const KEY = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/i;

export function checkKey(key: string): string {
  if (!KEY.test(key) || key.split('/').some((p) => p === '..' || p === '.')) throw new Error(`Invalid file key "${key}"`);
  return key;
}

/** A new key, sharded over two directory levels so no directory grows past a few thousand entries. */
export function newKey(): string {
  const id = randomUUID().replace(/-/g, '');
  return `${id.slice(0, 2)}/${id.slice(2, 4)}/${id}`;
}

export function notFound(key: string): Error {
  return Object.assign(new Error(`No stored file ${key}`), { code: 'ENOENT' });
}

/** Files under one directory; writes go to a temp file in the same file system, then rename. */
export class LocalDiskStore implements FileStore {
  private readonly tmp: string;

  constructor(readonly root: string) {
    this.tmp = path.join(root, '.tmp');
  }

  private file(key: string) {
    return path.join(this.root, checkKey(key));
  }

  async put(key: string, data: Readable | Buffer): Promise<void> {
    const target = this.file(key);
    await mkdir(path.dirname(target), { recursive: true });
    await mkdir(this.tmp, { recursive: true });
    const temp = path.join(this.tmp, randomUUID());
    try {
      await pipeline(Buffer.isBuffer(data) ? Readable.from([data]) : data, createWriteStream(temp, { mode: 0o640 }));
      await rename(temp, target);
    } catch (err) {
      await unlink(temp).catch(() => {});
      throw err;
    }
  }

  async get(key: string, range?: ByteRange): Promise<Readable> {
    const file = this.file(key);
    // Opening first makes a missing file fail here, not later inside the HTTP reply.
    const stream = createReadStream(file, range ? { start: range.start, end: range.end } : {});
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', reject);
    });
    return stream;
  }

  async delete(key: string): Promise<void> {
    await rm(this.file(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    return stat(this.file(key)).then(
      (s) => s.isFile(),
      () => false,
    );
  }
}

/** The local store's directory: `<dataDir>/files`, or a per-process temp directory for in-memory test databases. */
export function localFilesDir(dataDir: string): string {
  return dataDir === 'memory://' ? path.join(tmpdir(), `wangge-files-${process.pid}`) : path.join(dataDir, 'files');
}
