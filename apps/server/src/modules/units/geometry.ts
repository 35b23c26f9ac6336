/**
 * Grid-map polygons: validation (coordinates, closed rings, no self-intersection) and the checks
 * that warn without blocking (overlap with siblings, parts outside the parent).
 */
import turfArea from '@turf/area';
import { feature, featureCollection } from '@turf/helpers';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import turfIntersect from '@turf/intersect';
import turfKinks from '@turf/kinks';
import type { FieldError, PolygonGeometry } from '@wangge/contracts';

type Ring = number[][];

function ringsOf(g: PolygonGeometry): Ring[][] {
  return g.type === 'Polygon' ? [g.coordinates as Ring[]] : (g.coordinates as Ring[][]);
}

/** Every problem that makes the polygon unusable; empty when it is valid. */
export function validatePolygon(g: PolygonGeometry): FieldError[] {
  const errors: FieldError[] = [];
  ringsOf(g).forEach((polygon, p) => {
    polygon.forEach((ring, r) => {
      const at = g.type === 'Polygon' ? `/geometry/coordinates/${r}` : `/geometry/coordinates/${p}/${r}`;
      for (const [i, pos] of ring.entries()) {
        const [lng, lat] = pos as [number, number];
        if (!Number.isFinite(lng) || !Number.isFinite(lat) || lng < -180 || lng > 180 || lat < -90 || lat > 90) {
          errors.push({ path: `${at}/${i}`, message: 'is not a valid [longitude, latitude]' });
          return;
        }
      }
      const first = ring[0]!;
      const last = ring[ring.length - 1]!;
      if (first[0] !== last[0] || first[1] !== last[1])
        errors.push({ path: at, message: 'ring is not closed (first and last positions differ)' });
      else if (new Set(ring.slice(0, -1).map((x) => `${x[0]},${x[1]}`)).size < 3)
        errors.push({ path: at, message: 'ring needs at least three distinct positions' });
    });
  });
  if (errors.length) return errors;
  const kinks = turfKinks(feature(g as Polygon | MultiPolygon));
  if (kinks.features.length > 0) {
    const [lng, lat] = kinks.features[0]!.geometry.coordinates;
    errors.push({ path: '/geometry', message: `polygon intersects itself near [${lng?.toFixed(6)}, ${lat?.toFixed(6)}]` });
  }
  return errors;
}

export function areaM2(g: PolygonGeometry): number {
  return turfArea(feature(g as Polygon | MultiPolygon));
}

/** Area (m²) shared by two polygons; 0 when they only touch. */
export function overlapM2(a: PolygonGeometry, b: PolygonGeometry): number {
  const shared = turfIntersect(
    featureCollection([feature(a as Polygon | MultiPolygon), feature(b as Polygon | MultiPolygon)]) as never,
  );
  return shared ? turfArea(shared as Feature) : 0;
}

/** Area (m²) of `child` that lies outside `parent`. */
export function outsideM2(child: PolygonGeometry, parent: PolygonGeometry): number {
  return Math.max(0, areaM2(child) - overlapM2(child, parent));
}

/** Below this, overlaps are drawing noise (shared borders digitised twice), not a finding. */
export const AREA_TOLERANCE_M2 = 1;
