/** S6 (no plaintext ID numbers or phones at rest), S7 (masking), key rotation. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/client.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { systemClock } from '../src/lib/clock.ts';
import { FieldCrypto, generateKeyRing } from '../src/lib/field-crypto.ts';
import { seedDemo } from '../src/modules/demo/demo.seed.ts';
import { reencryptAll } from '../src/modules/keys/rotation.ts';
import { onPostgres } from './database.ts';
import { api, signIn } from './factories.ts';
import { testRuntime, type TestRuntime } from './runtime.ts';

const PHONE = /(?<![0-9])1[3-9][0-9]{9}(?![0-9])/g;
const ID_NUMBER = /(?<![0-9])[1-9][0-9]{5}(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9])/g;

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

let rt: TestRuntime;
beforeAll(async () => {
  rt = await testRuntime();
});
afterAll(() => rt.close());

describe('S6 encryption at rest', () => {
  it('leaves no plaintext phone or ID number in a dump of a seeded database', async () => {
    const summary = await seedDemo(rt.db, rt.clock, rt.crypto, { scale: 0.01, seed: 3 });
    expect(summary.staff).toBeGreaterThan(500);
    let dump: string;
    if (onPostgres) {
      const url = (rt.config.databaseUrl as string).replace('postgres://', 'postgresql://');
      dump = execFileSync('pg_dump', ['--no-owner', url], { maxBuffer: 512 * 1024 * 1024 }).toString('latin1');
    } else {
      // The embedded database: dump every table as text, the way an export or backup would see it.
      const tables = await rt.db.raw.query<{ t: string }>(`select tablename as t from pg_tables where schemaname = 'public'`);
      const parts: string[] = [];
      for (const { t } of tables.rows) parts.push(JSON.stringify((await rt.db.raw.query(`select * from ${t}`)).rows));
      dump = parts.join('\n');
    }
    expect(dump.length).toBeGreaterThan(100_000);
    expect(dump.match(PHONE) ?? []).toEqual([]);
    expect(dump.match(ID_NUMBER) ?? []).toEqual([]);
    // Masked phones are there (138****1234), the plaintext is not.
    expect(dump).toMatch(/1[3-9][0-9]\*{4}[0-9]{4}/);
  });

  it.skipIf(onPostgres)('leaves none in the embedded database files on disk either', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wg-s6-'));
    const db = await openDatabase({ dataDir: dir });
    await migrateToLatest(db);
    const crypto = new FieldCrypto(generateKeyRing());
    await seedDemo(db, systemClock, crypto, { scale: 0.005, seed: 4 });
    // The seeded phones in plaintext: what must not be on disk. (Unit codes are long public digit
    // strings; index pages can hold 11 of their digits between non-digit bytes, which the pattern
    // alone would take for a phone.)
    const stored = await db.db.selectFrom('staff').select('phone_enc').execute();
    const phones = new Set(stored.map((s) => crypto.decrypt(s.phone_enc!)));
    const codes = (await db.db.selectFrom('unit').select('code').execute()).map((u) => u.code);
    await db.close();
    expect(phones.size).toBeGreaterThan(100);
    const hits = filesUnder(dir).flatMap((f) => readFileSync(f).toString('latin1').match(PHONE) ?? []);
    expect(hits.filter((h) => phones.has(h))).toEqual([]);
    // Whatever else matched the pattern is a piece of a unit code, not a phone.
    expect(hits.filter((h) => !codes.some((c) => c.includes(h)))).toEqual([]);
  });
});

describe('S7 masking and reveal', () => {
  it('answers phones masked, and reveals the full value only through the audited action', async () => {
    const county = (await rt.db.db.selectFrom('unit').select('id').where('kind', '=', 'county').executeTakeFirstOrThrow()).id;
    const official = await signIn(rt, 'townshipOfficial', county);
    const page = await api(official, 'GET', '/api/v1/staff?limit=100');
    expect(page.body.items.length).toBeGreaterThan(50);
    expect(JSON.stringify(page.body).match(PHONE) ?? []).toEqual([]);
    const roster = await api(official, 'GET', `/api/v1/roster?within=${county}&limit=200`);
    expect(JSON.stringify(roster.body).match(PHONE) ?? []).toEqual([]);
    const one = page.body.items[0];
    expect(one.phone).toMatch(/^1[3-9][0-9]\*{4}[0-9]{4}$/);
    const revealed = await api(official, 'POST', `/api/v1/staff/${one.id}/reveal-phone`);
    expect(revealed.body.value).toMatch(/^1[3-9][0-9]{9}$/);
    expect(revealed.body.value.slice(-4)).toBe(one.phone.slice(-4));
  });
});

describe('key rotation', () => {
  it('re-encrypts every value under the new key; every value still reads the same', async () => {
    const all = await rt.db.db.selectFrom('staff').select(['id', 'phone_enc']).orderBy('id').execute();
    const original = all.map((s) => rt.crypto.decrypt(s.phone_enc));
    const rotated = new FieldCrypto(FieldCrypto.rotated(rt.crypto.keyRing));
    expect(rotated.currentKeyId).toBe('k2');
    const counts = await reencryptAll(rt.db, rotated, 200);
    expect(counts['staff.phone_enc']).toBe(all.length);
    const after = await rt.db.db.selectFrom('staff').select(['id', 'phone_enc']).orderBy('id').execute();
    expect(after.every((r) => r.phone_enc.startsWith('k2:'))).toBe(true);
    expect(after.map((r) => rotated.decrypt(r.phone_enc))).toEqual(original);
    // A second run finds nothing left to do.
    expect((await reencryptAll(rt.db, rotated))['staff.phone_enc']).toBe(0);
  });
});
