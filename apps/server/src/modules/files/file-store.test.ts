import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, describe, expect, it } from 'vitest';
import { checkKey, LocalDiskStore, newKey } from './file-store.ts';

const root = mkdtempSync(path.join(tmpdir(), 'wg-store-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const store = new LocalDiskStore(root);

describe('LocalDiskStore', () => {
  it('stores under sharded directories and reads back whole or by range', async () => {
    const key = newKey();
    expect(key).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{2}\/[0-9a-f]{32}$/);
    await store.put(key, Buffer.from('网格照片 bytes'));
    expect(await store.exists(key)).toBe(true);
    expect(await text(await store.get(key))).toBe('网格照片 bytes');
    expect(await text(await store.get(key, { start: 13, end: 17 }))).toBe('bytes');
  });

  it('writes through a temp file: a failed write leaves neither the object nor the temp file', async () => {
    const key = newKey();
    const failing = new Readable({
      read() {
        this.push(Buffer.from('half'));
        this.destroy(new Error('client went away'));
      },
    });
    await expect(store.put(key, failing)).rejects.toThrow('client went away');
    expect(await store.exists(key)).toBe(false);
    expect(readdirSync(path.join(root, '.tmp'))).toEqual([]);
  });

  it('replaces an object atomically and deletes idempotently', async () => {
    const key = newKey();
    await store.put(key, Readable.from([Buffer.from('one')]));
    await store.put(key, Buffer.from('two'));
    expect(await text(await store.get(key))).toBe('two');
    await store.delete(key);
    await store.delete(key);
    expect(await store.exists(key)).toBe(false);
    await expect(store.get(key)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('refuses keys that would leave its directory', () => {
    for (const bad of ['../etc/passwd', 'a/../../b', '/abs', 'a//b', '.tmp/x', 'a/./b', ''])
      expect(() => checkKey(bad), bad).toThrow(/Invalid file key/);
    expect(checkKey('ab/cd/ef.display')).toBe('ab/cd/ef.display');
  });
});
