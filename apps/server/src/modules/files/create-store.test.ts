import path from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.ts';
import { createFileStore } from './create-store.ts';
import { LocalDiskStore } from './file-store.ts';
import { S3Store } from './s3-store.ts';

const s3Env = {
  WANGGE_FILE_STORE: 's3',
  WANGGE_S3_ENDPOINT: 'https://oss.example.cn',
  WANGGE_S3_BUCKET: 'wangge',
  WANGGE_S3_ACCESS_KEY_ID: 'AK',
  WANGGE_S3_SECRET_ACCESS_KEY: 'SK',
};

describe('file store configuration', () => {
  it('defaults to the local disk under the data directory, 20 MB per file', () => {
    const c = loadConfig({ WANGGE_DATA_DIR: '/srv/wangge' });
    expect(c).toMatchObject({ uploadMaxMb: 20, fileStore: 'local' });
    const store = createFileStore(c);
    expect(store).toBeInstanceOf(LocalDiskStore);
    expect((store as LocalDiskStore).root).toBe('/srv/wangge/files');
    expect(
      (createFileStore({ ...c, dataDir: 'memory://' }) as LocalDiskStore).root.startsWith(path.join(tmpdir(), 'wangge-files-')),
    ).toBe(true);
  });

  it('builds an S3 store when every S3 key is set, and names the missing one otherwise', () => {
    expect(createFileStore(loadConfig(s3Env))).toBeInstanceOf(S3Store);
    expect(() => loadConfig({ ...s3Env, WANGGE_S3_BUCKET: '' })).toThrow(/WANGGE_S3_BUCKET: required when WANGGE_FILE_STORE=s3/);
    expect(() => loadConfig({ ...s3Env, WANGGE_S3_ENDPOINT: 'https://oss.example.cn/bucket' })).toThrow(/WANGGE_S3_ENDPOINT/);
    expect(() => loadConfig({ WANGGE_FILE_STORE: 'ftp' })).toThrow(/WANGGE_FILE_STORE: expected one of local, s3/);
    expect(() => loadConfig({ WANGGE_UPLOAD_MAX_MB: '0' })).toThrow(/WANGGE_UPLOAD_MAX_MB/);
  });
});
