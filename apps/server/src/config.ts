/**
 * Configuration: read once at start from environment variables and an optional JSON file,
 * validated key by key. An invalid value stops the start with a message naming the key.
 * Every key is documented in docs/CONFIG.md; keep the two in step.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface Config {
  host: string;
  port: number;
  dataDir: string;
  keyFile: string;
  databaseUrl: string | undefined;
  dbPoolMax: number;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  bodyLimit: number;
  webDist: string;
  seedOnEmpty: boolean;
  demoScale: number;
  jobsEnabled: boolean;
  trustProxy: boolean;
  mapTileUrl: string | undefined;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  sessionCacheSeconds: number;
  cookieSecure: boolean;
  importMaxMb: number;
  /** Days an import's rejected rows (and its error report) are kept after it finishes. */
  importRetentionDays: number;
  uploadMaxMb: number;
  fileStore: 'local' | 's3';
  s3Endpoint: string | undefined;
  s3Region: string;
  s3Bucket: string | undefined;
  s3AccessKeyId: string | undefined;
  s3SecretAccessKey: string | undefined;
  s3PathStyle: boolean;
}

export class ConfigError extends Error {
  constructor(
    readonly key: string,
    message: string,
  ) {
    super(`Invalid configuration ${key}: ${message}`);
  }
}

type Source = Record<string, string | undefined>;
interface KeyDef<T> {
  env: string;
  file: keyof Config;
  fallback: () => T;
  parse: (raw: string, key: string) => T;
}

const int = (min: number, max: number) => (raw: string, key: string) => {
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(key, `expected an integer from ${min} to ${max}, got "${raw}"`);
  }
  return n;
};
const bool = (raw: string, key: string) => {
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(key, `expected true or false, got "${raw}"`);
};
const text = (raw: string, key: string) => {
  if (raw.trim() === '') throw new ConfigError(key, 'must not be empty');
  return raw;
};
const dir = (raw: string, key: string) => path.resolve(repoRoot, text(raw, key));
const url = (raw: string, key: string) => {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(key, 'not a valid URL');
  }
  if (!/^postgres(ql)?:$/.test(parsed.protocol)) {
    throw new ConfigError(key, 'expected a postgres:// or postgresql:// URL');
  }
  return raw;
};
const share = (raw: string, key: string) => {
  const n = Number(raw);
  if (!(n > 0 && n <= 1)) throw new ConfigError(key, `expected a number in (0, 1], got "${raw}"`);
  return n;
};
const tileUrl = (raw: string, key: string) => {
  if (!/^(https?:\/\/|\/)/.test(raw) || !raw.includes('{z}'))
    throw new ConfigError(key, 'expected an http(s) or /path URL template with {z}, {x} and {y}');
  return raw;
};
const httpUrl = (raw: string, key: string) => {
  if (!/^https?:\/\/[^/\s]+\/?$/.test(raw))
    throw new ConfigError(key, `expected an http(s)://host[:port] URL without a path, got "${raw}"`);
  return raw.replace(/\/$/, '');
};
const oneOf =
  <T extends string>(...allowed: T[]) =>
  (raw: string, key: string): T => {
    if (!(allowed as string[]).includes(raw)) throw new ConfigError(key, `expected one of ${allowed.join(', ')}, got "${raw}"`);
    return raw as T;
  };
const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const level = (raw: string, key: string) => {
  if (!(levels as readonly string[]).includes(raw)) {
    throw new ConfigError(key, `expected one of ${levels.join(', ')}, got "${raw}"`);
  }
  return raw as Config['logLevel'];
};

const keys: { [K in keyof Config]: KeyDef<Config[K]> } = {
  host: { env: 'WANGGE_HOST', file: 'host', fallback: () => '127.0.0.1', parse: text },
  port: { env: 'WANGGE_PORT', file: 'port', fallback: () => 3000, parse: int(0, 65535) },
  dataDir: { env: 'WANGGE_DATA_DIR', file: 'dataDir', fallback: () => path.join(repoRoot, 'data'), parse: dir },
  keyFile: {
    env: 'WANGGE_KEY_FILE',
    file: 'keyFile',
    fallback: () => path.join(repoRoot, 'data', 'keys', 'field-keys.json'),
    parse: dir,
  },
  databaseUrl: { env: 'DATABASE_URL', file: 'databaseUrl', fallback: () => undefined, parse: url },
  dbPoolMax: { env: 'WANGGE_DB_POOL_MAX', file: 'dbPoolMax', fallback: () => 10, parse: int(1, 200) },
  logLevel: { env: 'WANGGE_LOG_LEVEL', file: 'logLevel', fallback: () => 'info', parse: level },
  bodyLimit: { env: 'WANGGE_BODY_LIMIT', file: 'bodyLimit', fallback: () => 1_048_576, parse: int(1024, 104_857_600) },
  webDist: { env: 'WANGGE_WEB_DIST', file: 'webDist', fallback: () => path.join(repoRoot, 'apps/web/dist'), parse: dir },
  seedOnEmpty: { env: 'WANGGE_SEED_ON_EMPTY', file: 'seedOnEmpty', fallback: () => true, parse: bool },
  demoScale: { env: 'WANGGE_DEMO_SCALE', file: 'demoScale', fallback: () => 0.01, parse: share },
  jobsEnabled: { env: 'WANGGE_JOBS', file: 'jobsEnabled', fallback: () => true, parse: bool },
  trustProxy: { env: 'WANGGE_TRUST_PROXY', file: 'trustProxy', fallback: () => false, parse: bool },
  sessionIdleMinutes: {
    env: 'WANGGE_SESSION_IDLE_MINUTES',
    file: 'sessionIdleMinutes',
    fallback: () => 30,
    parse: int(1, 24 * 60),
  },
  sessionMaxHours: { env: 'WANGGE_SESSION_MAX_HOURS', file: 'sessionMaxHours', fallback: () => 12, parse: int(1, 24 * 7) },
  sessionCacheSeconds: {
    env: 'WANGGE_SESSION_CACHE_SECONDS',
    file: 'sessionCacheSeconds',
    fallback: () => 2,
    parse: int(0, 60),
  },
  importMaxMb: { env: 'WANGGE_IMPORT_MAX_MB', file: 'importMaxMb', fallback: () => 64, parse: int(1, 2048) },
  importRetentionDays: {
    env: 'WANGGE_IMPORT_RETENTION_DAYS',
    file: 'importRetentionDays',
    fallback: () => 14,
    parse: int(1, 365),
  },
  uploadMaxMb: { env: 'WANGGE_UPLOAD_MAX_MB', file: 'uploadMaxMb', fallback: () => 20, parse: int(1, 1024) },
  fileStore: { env: 'WANGGE_FILE_STORE', file: 'fileStore', fallback: () => 'local' as const, parse: oneOf('local', 's3') },
  s3Endpoint: { env: 'WANGGE_S3_ENDPOINT', file: 's3Endpoint', fallback: () => undefined, parse: httpUrl },
  s3Region: { env: 'WANGGE_S3_REGION', file: 's3Region', fallback: () => 'us-east-1', parse: text },
  s3Bucket: { env: 'WANGGE_S3_BUCKET', file: 's3Bucket', fallback: () => undefined, parse: text },
  s3AccessKeyId: { env: 'WANGGE_S3_ACCESS_KEY_ID', file: 's3AccessKeyId', fallback: () => undefined, parse: text },
  s3SecretAccessKey: { env: 'WANGGE_S3_SECRET_ACCESS_KEY', file: 's3SecretAccessKey', fallback: () => undefined, parse: text },
  s3PathStyle: { env: 'WANGGE_S3_PATH_STYLE', file: 's3PathStyle', fallback: () => true, parse: bool },
  cookieSecure: { env: 'WANGGE_COOKIE_SECURE', file: 'cookieSecure', fallback: () => false, parse: bool },
  mapTileUrl: { env: 'WANGGE_MAP_TILE_URL', file: 'mapTileUrl', fallback: () => undefined, parse: tileUrl },
};

function readFile(file: string): Record<string, unknown> {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError('WANGGE_CONFIG_FILE', `cannot read ${file}: ${(err as Error).message}`);
  }
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    const known = new Set<string>(Object.keys(keys));
    for (const k of Object.keys(parsed)) {
      if (!known.has(k)) throw new ConfigError(`${file}: ${k}`, 'unknown key');
    }
    return parsed as Record<string, unknown>;
  } catch (err) {
    if (err instanceof ConfigError) throw err;
    throw new ConfigError('WANGGE_CONFIG_FILE', `${file} is not a JSON object: ${(err as Error).message}`);
  }
}

/** Environment wins over the file, the file over defaults; overrides (tests, CLI flags) win over all. */
export function loadConfig(env: Source = process.env, overrides: Partial<Config> = {}): Config {
  const file = env.WANGGE_CONFIG_FILE ? readFile(env.WANGGE_CONFIG_FILE) : {};
  const out: Record<string, unknown> = {};
  for (const [name, def] of Object.entries(keys) as [keyof Config, KeyDef<unknown>][]) {
    if (name in overrides) {
      out[name] = overrides[name];
      continue;
    }
    const fromEnv = env[def.env];
    const fromFile = file[def.file];
    if (fromEnv !== undefined && fromEnv !== '') out[name] = def.parse(fromEnv, def.env);
    else if (fromFile !== undefined && fromFile !== null) out[name] = def.parse(String(fromFile), `${def.file} (config file)`);
    else out[name] = def.fallback();
  }
  const config = out as unknown as Config;
  if (config.fileStore === 's3') {
    for (const k of ['s3Endpoint', 's3Bucket', 's3AccessKeyId', 's3SecretAccessKey'] as const)
      if (!config[k]) throw new ConfigError(keys[k].env, 'required when WANGGE_FILE_STORE=s3');
  }
  return config;
}

/** The variable each key is read from, for docs and error messages. */
export const configKeys = Object.fromEntries(Object.entries(keys).map(([k, d]) => [k, d.env])) as Record<keyof Config, string>;
