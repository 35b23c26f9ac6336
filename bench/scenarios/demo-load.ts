/**
 * demo-load: the demo county generated and loaded by `seedDemo` (what `wangge seed demo` runs),
 * beside a raw COPY of the resulting tables into a fresh database of the same kind.
 * Default: scale 0.1 on PostgreSQL and PGlite, with a linear estimate for scale 1 (labelled).
 * --full: scale 1 on PostgreSQL, PGlite still at 0.1.
 *
 * Issue 3's target (≤ 60 s) is for the county it builds: units, staff and households (with
 * departments, party groups and the demo accounts). The base data issue 5 added (people, buildings,
 * houses…) is a phase of its own inside seedDemo (`baseData.seconds`); it is reported beside the
 * COPY of its own tables, without a target (issue 5 sets none for the seed).
 */
import { FieldCrypto, generateKeyRing } from '../../apps/server/src/lib/field-crypto.ts';
import { systemClock } from '../../apps/server/src/lib/clock.ts';
import { BASE_DATA_TABLES, seedDemo } from '../../apps/server/src/modules/demo/demo.seed.ts';
import { copyTables, tablesWithRows } from '../lib/copy.ts';
import { freshPglite, freshPostgres, type BenchDb } from '../lib/db.ts';
import { withStatementTimer } from '../lib/recorder.ts';
import { timed } from '../lib/measure.ts';
import { row, type Row, type Scenario } from '../lib/types.ts';

const TARGET_S = 60;
/** The tables of the base-data phase (issue 5); everything else seedDemo fills is the county (issue 3). */
const BASE_TABLES = new Set<string>(BASE_DATA_TABLES);
const sum = (ms: Map<string, number>, pick: (t: string) => boolean) =>
  [...ms].filter(([t]) => pick(t)).reduce((a, [, v]) => a + v, 0) / 1000;

async function measure(open: () => Promise<BenchDb>, scale: number, log: (m: string) => void): Promise<Row[]> {
  const source = await open();
  const target = await open();
  try {
    log(`${source.label}: seedDemo at scale ${scale}`);
    const timer = withStatementTimer(source.db);
    const seed = await timed(() => seedDemo(timer.db, systemClock, new FieldCrypto(generateKeyRing()), { scale, seed: 2026 }));
    const s = seed.result;
    const units = Object.values(s.units).reduce((a, b) => a + b, 0);
    log(`${JSON.stringify(s)} in ${(seed.ms / 1000).toFixed(1)} s`);
    // Tables the migrations fill (the working calendar) are already in the fresh target: not copied.
    const seeded = new Set(await tablesWithRows(target.db));
    const tables = (await tablesWithRows(source.db)).filter((t) => !seeded.has(t));
    log(`${source.label}: COPY of the ${tables.length} tables it filled into a fresh database (${tables.join(', ')})`);
    const copy = await timed(() => copyTables(source.db, target.db, tables));
    const slowest = [...copy.result].sort((a, b) => b[1] - a[1]).slice(0, 4);
    log(`slowest to COPY: ${slowest.map(([t, ms]) => `${t} ${(ms / 1000).toFixed(1)} s`).join(', ')}`);
    const seconds = seed.ms / 1000;
    const baseSeconds = s.baseData.seconds;
    const countySeconds = seconds - baseSeconds;
    const copyCounty = sum(copy.result, (t) => !BASE_TABLES.has(t));
    const copyBase = sum(copy.result, (t) => BASE_TABLES.has(t));
    const atFull = scale === 1 && source.db.kind === 'postgres';
    const county = `${source.label}: demo county at scale ${scale}, units, staff and households (${units.toLocaleString('en-US')} units, ${s.households.toLocaleString('en-US')} households)`;
    const rows = [
      row(
        `${county}, generate + load`,
        countySeconds,
        's',
        { label: 'raw COPY of its tables', value: copyCounty },
        atFull ? { text: `≤ ${TARGET_S} s`, pass: countySeconds <= TARGET_S } : null,
      ),
      row(
        `${source.label}, scale ${scale}: then the base data (${s.baseData.people.toLocaleString('en-US')} people, ${s.baseData.houses.toLocaleString('en-US')} houses…)`,
        baseSeconds,
        's',
        { label: 'raw COPY of its tables', value: copyBase },
      ),
      row(`${source.label}, scale ${scale}: whole seed, of which in database calls (SQL, COPY)`, timer.seconds(), 's', {
        label: 'raw COPY of all its tables',
        value: copy.ms / 1000,
      }),
    ];
    if (scale < 1) {
      const est = countySeconds / scale;
      rows.push(
        row(
          `${source.label}: ESTIMATE for scale 1, units, staff and households (scale ${scale} × ${1 / scale}, linear)`,
          est,
          's',
          { label: `raw COPY × ${1 / scale}`, value: copyCounty / scale },
          source.db.kind === 'postgres'
            ? { text: `≤ ${TARGET_S} s (estimate; --full measures it)`, pass: est <= TARGET_S }
            : null,
        ),
      );
    }
    // Kept for the subtree scenario, which would otherwise load the same county again.
    await source.keepAsDemo?.(scale);
    return rows;
  } finally {
    await source.cleanup();
    await target.cleanup();
  }
}

export const demoLoad: Scenario = {
  name: 'demo-load',
  description: 'seedDemo (generate + load the demo county) vs raw COPY of the resulting tables; scale 1 with --full',
  async run(ctx) {
    const rows: Row[] = [];
    const pgUrl = ctx.pgUrl;
    if (pgUrl) rows.push(...(await measure(() => freshPostgres(pgUrl), ctx.full ? 1 : 0.1, ctx.log)));
    rows.push(...(await measure(() => freshPglite(), 0.1, ctx.log)));
    return rows;
  },
};
