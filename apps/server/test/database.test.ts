import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../src/db/client.ts';
import { migrateToLatest, pendingMigrations } from '../src/db/migrate.ts';
import { freshDatabase, onPostgres, type TestDatabase } from './database.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await freshDatabase();
  await migrateToLatest(t.db);
});
afterAll(() => t.cleanup());

describe('database', () => {
  it('applies every migration and then has none pending', async () => {
    expect(await pendingMigrations(t.db)).toEqual([]);
    expect(await migrateToLatest(t.db)).toEqual([]);
  });

  it('has ltree for subtree queries', async () => {
    const { rows } = await sql<{ inside: boolean }>`select 'a.b.c'::ltree <@ 'a.b'::ltree as inside`.execute(t.db.db);
    expect(rows[0]?.inside).toBe(true);
  });

  it('has pg_trgm, and it matches partial Chinese names', async () => {
    const { rows } = await sql<{ hit: boolean; sim: number }>`
      select '张三丰' ilike '%三丰%' as hit, similarity('张三丰', '张三') as sim`.execute(t.db.db);
    expect(rows[0]?.hit).toBe(true);
    expect(rows[0]?.sim).toBeGreaterThan(0);
  });

  it('returns the same JS types from both drivers', async () => {
    const { rows } = await sql<{ n: number; d: string; ts: Date }>`
      select count(*) as n, date '2026-10-08' as d, timestamptz '2026-10-08T16:00:00Z' as ts from (values (1), (2)) v(x)`.execute(
      t.db.db,
    );
    expect(rows[0]).toEqual({ n: 2, d: '2026-10-08', ts: new Date('2026-10-08T16:00:00Z') });
  });

  it('never lets a concurrent query run inside another request’s open transaction', async () => {
    await sql`create table probe_tx (id int primary key)`.execute(t.db.db);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const txDone = t.db.db.transaction().execute(async (tx) => {
      await sql`insert into probe_tx values (1)`.execute(tx);
      await gate;
      throw new Error('roll back');
    });
    // While the transaction is open, another caller reads and writes; it must see no uncommitted row
    // and its own write must survive the other transaction's rollback.
    const reader = sql<{ n: number }>`select count(*) as n from probe_tx where id = 1`.execute(t.db.db);
    const writer = sql`insert into probe_tx values (2)`.execute(t.db.db);
    setTimeout(release, 50);
    await expect(txDone).rejects.toThrow('roll back');
    const seen = await reader;
    await writer;
    expect(seen.rows[0]?.n).toBe(0);
    const after = await sql<{ id: number }>`select id from probe_tx order by id`.execute(t.db.db);
    expect(after.rows.map((r) => r.id)).toEqual([2]);
  });
});

describe.skipIf(onPostgres)('embedded database', () => {
  let db: Db | undefined;
  afterAll(() => db?.close());

  it('keeps its data across a restart', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wg-pglite-'));
    const first = await openDatabase({ dataDir: dir });
    await migrateToLatest(first);
    await sql`create table kept (v text)`.execute(first.db);
    await sql`insert into kept values ('网格')`.execute(first.db);
    await first.close();
    db = await openDatabase({ dataDir: dir });
    const { rows } = await sql<{ v: string }>`select v from kept`.execute(db.db);
    expect(rows).toEqual([{ v: '网格' }]);
    expect(await pendingMigrations(db)).toEqual([]);
  });
});
