/**
 * insert: 50,000 household rows through the data layer (Kysely multi-row inserts of 1,000) beside
 * a raw COPY of the same rows into the same table, on PostgreSQL and on PGlite.
 */
import { sql } from 'kysely';
import type { Db } from '../../apps/server/src/db/client.ts';
import { Random, chineseName } from '../../apps/server/src/modules/demo/random.ts';
import { copyCsv, csvField } from '../lib/copy.ts';
import { databases } from '../lib/db.ts';
import { percentile, timed } from '../lib/measure.ts';
import { row, type Row, type Scenario } from '../lib/types.ts';

const N = 50_000;
const BATCH = 1_000;
const ROUNDS = 3;
type Way = 'copy' | 'kysely' | 'bare';
const columns = ['unit_id', 'address', 'head_name', 'member_count', 'created_at', 'updated_at'] as const;

interface Household {
  unit_id: number;
  address: string;
  head_name: string;
  member_count: number;
  created_at: Date;
  updated_at: Date;
}

function households(unitId: number): Household[] {
  const r = new Random(50);
  const now = new Date('2026-09-30T01:00:00Z');
  return Array.from({ length: N }, (_, i) => ({
    unit_id: unitId,
    address: `城关镇东湖村第${(i % 40) + 1}联户${r.int(1, 99)}号`,
    head_name: chineseName(r),
    member_count: r.int(1, 6),
    created_at: now,
    updated_at: now,
  }));
}

/** The CSV is built inside the timed section: both paths start from the same JS objects. */
const toCsv = (data: Household[]) => data.map((h) => columns.map((c) => csvField(h[c])).join(',')).join('\n') + '\n';

async function reset(db: Db) {
  await sql`truncate household, household_bare restart identity cascade`.execute(db.db);
  await sql`checkpoint`.execute(db.db);
}

async function count(db: Db, table: 'household' | 'household_bare') {
  const r = await db.db
    .selectFrom(table as 'household')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(r.n) !== N) throw new Error(`expected ${N} households, found ${r.n}`);
}

export const insert: Scenario = {
  name: 'insert',
  description: `${N.toLocaleString('en-US')} household rows: Kysely inserts of ${BATCH} vs raw COPY (PostgreSQL, PGlite)`,
  async run(ctx) {
    const rows: Row[] = [];
    for await (const b of databases(ctx.pgUrl)) {
      try {
        const now = new Date();
        const unit = await b.db.db
          .insertInto('unit')
          .values({
            code: '430624000000',
            name: '湘阴县',
            kind: 'county',
            level: 1,
            parent_id: null,
            path: '1',
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const data = households(unit.id);

        await sql`create table household_bare (like household including defaults including identity)`.execute(b.db.db);
        const ways: Record<Way, () => Promise<void>> = {
          copy: () => copyCsv(b.db, 'household', [...columns], toCsv(data)),
          kysely: async () => {
            for (let i = 0; i < N; i += BATCH) {
              await b.db.db
                .insertInto('household')
                .values(data.slice(i, i + BATCH))
                .execute();
            }
          },
          bare: () => copyCsv(b.db, 'household_bare', [...columns], toCsv(data)),
        };
        // Rounds interleave the three ways so a noisy moment hits all alike; the median round counts.
        const ms: Record<Way, number[]> = { copy: [], kysely: [], bare: [] };
        for (let round = 0; round < ROUNDS; round++) {
          ctx.log(`${b.label}: round ${round + 1} of ${ROUNDS} (COPY, Kysely, COPY without indexes)`);
          for (const way of ['copy', 'kysely', 'bare'] as const) {
            await reset(b.db);
            ms[way].push((await timed(ways[way])).ms);
            await count(b.db, way === 'bare' ? 'household_bare' : 'household');
          }
        }
        const rate = (way: Way) => N / (percentile(ms[way], 50) / 1000);
        const copyRate = rate('copy');
        rows.push(
          row(`${b.label}: Kysely insert, batches of ${BATCH}`, rate('kysely'), 'rows/s', {
            label: 'raw COPY, same rows',
            value: copyRate,
          }),
          row(`${b.label}: raw COPY into household (pkey, fk, 2 indexes)`, copyRate, 'rows/s', {
            label: 'raw COPY, no indexes or fk',
            value: rate('bare'),
          }),
        );
      } finally {
        await b.cleanup();
      }
    }
    return rows;
  },
};
