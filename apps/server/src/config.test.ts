import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('gives documented defaults when nothing is set', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.host).toBe('127.0.0.1');
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir.endsWith('/data')).toBe(true);
  });

  it('names the offending variable when a value is invalid', () => {
    expect(() => loadConfig({ WANGGE_PORT: 'eighty' })).toThrow(/WANGGE_PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: expected a postgres/);
    expect(() => loadConfig({ WANGGE_LOG_LEVEL: 'loud' })).toThrow(ConfigError);
    expect(() => loadConfig({ WANGGE_SEED_ON_EMPTY: 'maybe' })).toThrow(/WANGGE_SEED_ON_EMPTY/);
  });

  it('reads a JSON file, with the environment taking precedence over it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wg-config-'));
    const file = path.join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ port: 4100, logLevel: 'warn' }));
    const c = loadConfig({ WANGGE_CONFIG_FILE: file, WANGGE_LOG_LEVEL: 'debug' });
    expect(c.port).toBe(4100);
    expect(c.logLevel).toBe('debug');
  });

  it('refuses unknown keys and non-object files, naming them', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wg-config-'));
    const file = path.join(dir, 'config.json');
    writeFileSync(file, JSON.stringify({ prot: 1 }));
    expect(() => loadConfig({ WANGGE_CONFIG_FILE: file })).toThrow(/prot: unknown key/);
    writeFileSync(file, '[1,2]');
    expect(() => loadConfig({ WANGGE_CONFIG_FILE: file })).toThrow(/WANGGE_CONFIG_FILE/);
  });
});
