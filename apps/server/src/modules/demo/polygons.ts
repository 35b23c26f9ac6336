/**
 * Synthetic but plausible grid maps: a unit's polygon is cut into its children's polygons by
 * Voronoi cells of seed points inside it, clipped to the parent, so children tile their parent.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import { featureCollection, point, polygon as turfPolygon } from '@turf/helpers';
import turfIntersect from '@turf/intersect';
import turfVoronoi from '@turf/voronoi';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { PolygonGeometry } from '@wangge/contracts';
import type { Random } from './random.ts';

/** A rough county outline: an irregular 24-gon around a centre, radius in degrees. */
export function outline(r: Random, lng: number, lat: number, radius: number): PolygonGeometry {
  const ring: number[][] = [];
  for (let i = 0; i < 24; i++) {
    const a = (i / 24) * 2 * Math.PI;
    const k = radius * (0.75 + r.next() * 0.4);
    ring.push([round(lng + k * Math.cos(a) * 1.15), round(lat + k * Math.sin(a))]);
  }
  ring.push(ring[0]!);
  return { type: 'Polygon', coordinates: [ring] };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

function bbox(g: PolygonGeometry): [number, number, number, number] {
  const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  let b: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const ring of rings)
    for (const [x, y] of ring as [number, number][])
      b = [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)];
  return b;
}

function roundGeometry(g: Polygon | MultiPolygon): PolygonGeometry {
  const rr = (ring: number[][]) => ring.map(([x, y]) => [round(x!), round(y!)]);
  return g.type === 'Polygon'
    ? { type: 'Polygon', coordinates: g.coordinates.map(rr) }
    : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(rr)) };
}

/** Cuts `parent` into `n` cells. Always returns n polygons (falls back to the parent's bbox cells). */
export function partition(r: Random, parent: PolygonGeometry, n: number): PolygonGeometry[] {
  if (n <= 1) return Array.from({ length: n }, () => parent);
  const [minX, minY, maxX, maxY] = bbox(parent);
  const seeds: [number, number][] = [];
  for (let tries = 0; seeds.length < n && tries < n * 200; tries++) {
    const p: [number, number] = [minX + r.next() * (maxX - minX), minY + r.next() * (maxY - minY)];
    if (booleanPointInPolygon(p, parent as never)) seeds.push(p);
  }
  const cells = turfVoronoi(featureCollection(seeds.map((p) => point(p))), { bbox: [minX, minY, maxX, maxY] });
  const parentFeature = { type: 'Feature', properties: {}, geometry: parent } as Feature<Polygon | MultiPolygon>;
  const out: PolygonGeometry[] = [];
  for (const cell of cells.features) {
    if (!cell) continue;
    const clipped = turfIntersect(featureCollection([cell as Feature<Polygon>, parentFeature]) as never) as Feature<
      Polygon | MultiPolygon
    > | null;
    if (clipped) out.push(roundGeometry(clipped.geometry));
  }
  // Degenerate cases (too few seed points fit): give the remaining children tiny squares near the centre.
  while (out.length < n) {
    const cx = (minX + maxX) / 2 + (r.next() - 0.5) * 0.001;
    const cy = (minY + maxY) / 2 + (r.next() - 0.5) * 0.001;
    out.push(
      roundGeometry(
        turfPolygon([
          [
            [cx, cy],
            [cx + 1e-4, cy],
            [cx + 1e-4, cy + 1e-4],
            [cx, cy + 1e-4],
            [cx, cy],
          ],
        ]).geometry,
      ),
    );
  }
  return out.slice(0, n);
}

/** A point inside a polygon (for placing buildings and reports in tests and the demo). */
export function pointInside(r: Random, g: PolygonGeometry): [number, number] {
  const [minX, minY, maxX, maxY] = bbox(g);
  for (let i = 0; i < 1000; i++) {
    const p: [number, number] = [minX + r.next() * (maxX - minX), minY + r.next() * (maxY - minY)];
    if (booleanPointInPolygon(p, g as never)) return p;
  }
  return [(minX + maxX) / 2, (minY + maxY) / 2];
}
