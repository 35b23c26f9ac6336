/**
 * locate: a province of 100 counties × 1,000 grids (plus their townships and villages, 126,100
 * polygons of 8–560 vertices), SpatialIndex built over all of them, then 1,000,000 locate() calls
 * at random points on one core, beside brute force (every polygon tested) on 200 calls, in
 * alternating blocks (median block reported).
 *
 * The map is a jittered lattice: corners moved randomly, each cell edge bent through 1–4 shared
 * points, so neighbouring polygons share their boundary exactly and every level tiles its parent.
 */
import type { PolygonGeometry } from '@wangge/contracts';
import { Random } from '../../apps/server/src/modules/demo/random.ts';
import { SpatialIndex, type LocatableUnit } from '../../apps/server/src/modules/units/locator.ts';
import { percentile } from '../lib/measure.ts';
import { row, type Scenario } from '../lib/types.ts';

const COLS = 500; // grid cells west–east
const ROWS = 200; // grid cells south–north
const CELL = 0.01; // degrees, about 1 km
const [LNG0, LAT0] = [109, 27];
/** Blocks of cells per level: county 50×20, township 10×10, village 2×2, grid 1×1. */
const LEVELS: [kind: string, w: number, h: number][] = [
  ['county', 50, 20],
  ['township', 10, 10],
  ['village', 2, 2],
  ['grid', 1, 1],
];
const CALLS = 1_000_000;
const BRUTE_CALLS = 200;
const TARGET = 100_000;
const BLOCKS = 10;

type Pt = [number, number];

function province(r: Random): LocatableUnit[] {
  const corner: Pt[][] = Array.from({ length: COLS + 1 }, (_, i) =>
    Array.from({ length: ROWS + 1 }, (_, j): Pt => [
      LNG0 + (i + (r.next() - 0.5) * 0.5) * CELL,
      LAT0 + (j + (r.next() - 0.5) * 0.5) * CELL,
    ]),
  );
  // Interior points of the edge a→b: 1–4 points, each pushed sideways a little.
  const bend = (a: Pt, b: Pt): Pt[] => {
    const k = r.int(1, 4);
    const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
    return Array.from({ length: k }, (_, m): Pt => {
      const t = (m + 0.6 + r.next() * 0.8) / (k + 1);
      const s = (r.next() - 0.5) * 0.2;
      return [a[0] + t * dx - s * dy, a[1] + t * dy + s * dx];
    });
  };
  const east = corner.slice(0, COLS).map((col, i) => col.map((p, j) => bend(p, corner[i + 1]![j]!)));
  const north = corner.map((col) => col.slice(0, ROWS).map((p, j) => bend(p, col[j + 1]!)));
  // Boundary of the block of cells [c0, c1) × [r0, r1), counter-clockwise, closed.
  const ring = (c0: number, r0: number, c1: number, r1: number): Pt[] => {
    const out: Pt[] = [];
    for (let i = c0; i < c1; i++) out.push(corner[i]![r0]!, ...east[i]![r0]!);
    for (let j = r0; j < r1; j++) out.push(corner[c1]![j]!, ...north[c1]![j]!);
    for (let i = c1; i > c0; i--) out.push(corner[i]![r1]!, ...[...east[i - 1]![r1]!].reverse());
    for (let j = r1; j > r0; j--) out.push(corner[c0]![j]!, ...[...north[c0]![j - 1]!].reverse());
    out.push(out[0]!);
    return out;
  };
  const units: LocatableUnit[] = [];
  const add = (level: number, c0: number, r0: number, c1: number, r1: number) => {
    units.push({
      id: units.length + 1,
      level: level + 1,
      geometry: { type: 'Polygon', coordinates: [ring(c0, r0, c1, r1)] } as PolygonGeometry,
    });
    const child = LEVELS[level + 1];
    if (!child) return;
    for (let i = c0; i < c1; i += child[1])
      for (let j = r0; j < r1; j += child[2]) add(level + 1, i, j, i + child[1], j + child[2]);
  };
  const [, cw, ch] = LEVELS[0]!;
  for (let i = 0; i < COLS; i += cw) for (let j = 0; j < ROWS; j += ch) add(0, i, j, i + cw, j + ch);
  return units;
}

export const locate: Scenario = {
  name: 'locate',
  description: `SpatialIndex over 126,100 polygons: ${CALLS.toLocaleString('en-US')} locate() calls vs brute force`,
  async run(ctx) {
    const r = new Random(7);
    ctx.log('building the province map');
    const units = province(r);
    const grids = units.filter((u) => u.level === 4).length;
    const sizes = units.map((u) => (u.geometry.coordinates[0] as Pt[]).length - 1);
    const vertices = sizes.reduce((a, b) => a + b, 0);
    ctx.log(
      `${units.length} polygons (${grids} grids), ${vertices} vertices (${sizes.reduce((a, b) => Math.min(a, b))}–${sizes.reduce((a, b) => Math.max(a, b))} per polygon)`,
    );

    // Baseline for the build: parsing the same polygons from JSON, as loading them from jsonb costs.
    const json = units.map((u) => JSON.stringify(u.geometry));
    let t0 = performance.now();
    const parsed = json.map((j) => JSON.parse(j) as PolygonGeometry);
    const parseMs = performance.now() - t0;
    t0 = performance.now();
    const index = new SpatialIndex(units.map((u, i) => ({ ...u, geometry: parsed[i]! })));
    const buildMs = performance.now() - t0;

    const points = new Float64Array(CALLS * 2);
    for (let i = 0; i < CALLS; i++) {
      points[2 * i] = LNG0 + r.next() * COLS * CELL;
      points[2 * i + 1] = LAT0 + r.next() * ROWS * CELL;
    }
    // Blocks alternate locate() and brute force so a noisy moment hits both; the median block counts.
    ctx.log(`${BLOCKS} blocks of ${CALLS / BLOCKS} locate() calls and ${BRUTE_CALLS / BLOCKS} brute-force calls`);
    const rates: number[] = [];
    const bruteRates: number[] = [];
    let calls = 0;
    let brute = 0;
    let found = 0;
    const until = performance.now() + 120_000;
    for (let block = 0; block < BLOCKS && performance.now() < until; block++) {
      t0 = performance.now();
      for (let k = 0; k < CALLS / BLOCKS; k++, calls++) {
        const id = index.locate(points[2 * calls]!, points[2 * calls + 1]!);
        if (id !== null && units[id - 1]!.level === 4) found++;
      }
      rates.push(CALLS / BLOCKS / ((performance.now() - t0) / 1000));
      const first = brute;
      const expected: (number | null)[] = [];
      t0 = performance.now();
      for (let k = 0; k < BRUTE_CALLS / BLOCKS; k++, brute++)
        expected.push(index.locateBruteForce(points[2 * brute]!, points[2 * brute + 1]!));
      bruteRates.push(BRUTE_CALLS / BLOCKS / ((performance.now() - t0) / 1000));
      expected.forEach((want, k) => {
        const got = index.locate(points[2 * (first + k)]!, points[2 * (first + k) + 1]!);
        if (got !== want) throw new Error(`locate disagrees with brute force at point ${first + k}: ${got} vs ${want}`);
      });
    }
    const rate = percentile(rates, 50);
    ctx.log(
      `${((found / calls) * 100).toFixed(1)}% of points resolved to a grid; blocks ${rates.map((x) => Math.round(x / 1000)).join(', ')} k/s`,
    );

    return [
      row(
        `locate(): ${calls.toLocaleString('en-US')} random points, ${units.length.toLocaleString('en-US')} polygons`,
        rate,
        'lookups/s',
        { label: `brute force, ${brute} calls`, value: percentile(bruteRates, 50) },
        { text: `≥ ${TARGET.toLocaleString('en-US')} lookups/s`, pass: rate >= TARGET },
      ),
      row(`SpatialIndex build, ${units.length.toLocaleString('en-US')} polygons`, buildMs, 'ms', {
        label: 'JSON.parse of the polygons',
        value: parseMs,
      }),
    ];
  },
};
