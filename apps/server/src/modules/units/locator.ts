/**
 * locate(lng, lat): the lowest unit whose polygon contains the point. An in-memory R-tree
 * (flatbush) over the polygons' bounding boxes narrows the candidates; a point-in-polygon test
 * decides. Rebuilt from the database when polygons change (`invalidate`), lazily on next use.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import Flatbush from 'flatbush';
import type { PolygonGeometry } from '@wangge/contracts';

export interface LocatableUnit {
  id: number;
  level: number;
  geometry: PolygonGeometry;
}

interface Entry extends LocatableUnit {
  bbox: [number, number, number, number];
}

function bboxOf(g: PolygonGeometry): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  for (const ring of rings) {
    for (const [x, y] of ring as [number, number][]) {
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}

export class SpatialIndex {
  readonly #entries: Entry[];
  readonly #tree: Flatbush | null;

  constructor(units: LocatableUnit[]) {
    this.#entries = units.map((u) => ({ ...u, bbox: bboxOf(u.geometry) }));
    if (this.#entries.length === 0) {
      this.#tree = null;
      return;
    }
    const tree = new Flatbush(this.#entries.length);
    for (const e of this.#entries) tree.add(...e.bbox);
    tree.finish();
    this.#tree = tree;
  }

  get size(): number {
    return this.#entries.length;
  }

  /** The id of the deepest unit containing the point, or null. */
  locate(lng: number, lat: number): number | null {
    if (!this.#tree) return null;
    // Deepest candidates first: the first hit is the answer, and the large county and township
    // polygons are only tested when no grid holds the point.
    const candidates = this.#tree.search(lng, lat, lng, lat).map((i) => this.#entries[i]!);
    candidates.sort((a, b) => b.level - a.level);
    for (const e of candidates) {
      if (booleanPointInPolygon([lng, lat], e.geometry as never)) return e.id;
    }
    return null;
  }

  /** The same answer by testing every polygon: the benchmark's baseline. */
  locateBruteForce(lng: number, lat: number): number | null {
    let best: Entry | null = null;
    for (const e of this.#entries) {
      if (best && e.level <= best.level) continue;
      if (booleanPointInPolygon([lng, lat], e.geometry as never)) best = e;
    }
    return best?.id ?? null;
  }
}

/** Holds the current index and rebuilds it on demand after an invalidation. */
export class Locator {
  #index: SpatialIndex | null = null;
  #building: Promise<SpatialIndex> | null = null;
  #generation = 0;

  constructor(private readonly load: () => Promise<LocatableUnit[]>) {}

  invalidate(): void {
    this.#generation++;
    this.#index = null;
  }

  async index(): Promise<SpatialIndex> {
    if (this.#index) return this.#index;
    if (!this.#building) {
      const gen = this.#generation;
      this.#building = this.load()
        .then((units) => {
          const idx = new SpatialIndex(units);
          if (gen === this.#generation) this.#index = idx;
          return idx;
        })
        .finally(() => (this.#building = null));
    }
    return this.#building;
  }

  async locate(lng: number, lat: number): Promise<number | null> {
    return (await this.index()).locate(lng, lat);
  }
}
