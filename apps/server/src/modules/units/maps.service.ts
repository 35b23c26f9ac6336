/**
 * Grid maps: set and read unit polygons, the children map of a unit, locate(lng, lat), and GeoJSON
 * import/export. Overlaps with siblings and parts outside the parent are reported, not refused.
 */
import {
  Permission,
  mappedUnitKinds,
  type GeometryIssue,
  type GeometryResult,
  type LocateResult,
  type PolygonGeometry,
  type UnitFeatureCollection,
  type UnitMap,
} from '@wangge/contracts';
import { sql } from 'kysely';
import type { Db } from '../../db/client.ts';
import type { Clock } from '../../lib/clock.ts';
import { AppError } from '../../lib/errors.ts';
import { AREA_TOLERANCE_M2, outsideM2, overlapM2, validatePolygon } from './geometry.ts';
import { Locator } from './locator.ts';
import { toUnit, toUnitRef } from './units.mapper.ts';
import { unitsRepo } from './units.repo.ts';
import type { AccessService } from '../access/access.service.ts';
import type { Actor } from '../access/actor.ts';
import type { AuditService } from '../audit/audit.service.ts';

export class MapsService {
  readonly locator: Locator;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly access: AccessService,
    private readonly audit: AuditService,
  ) {
    this.locator = new Locator(async () => {
      const rows = await unitsRepo.withGeometry(this.db.db, mappedUnitKinds);
      return rows.map((r) => ({ id: r.id, level: r.level, geometry: r.geometry as PolygonGeometry }));
    });
  }

  async getGeometry(actor: Actor, id: number): Promise<PolygonGeometry> {
    const { unit: row } = await this.access.requireUnit(actor, Permission.UnitsRead, id);
    if (!row.geometry) throw AppError.notFound(`Polygon of unit ${row.name}`);
    return row.geometry as PolygonGeometry;
  }

  async setGeometry(actor: Actor, id: number, geometry: PolygonGeometry | null): Promise<GeometryResult> {
    await this.access.requireUnit(actor, Permission.UnitsWrite, id);
    if (geometry) {
      const errors = validatePolygon(geometry);
      if (errors.length)
        throw AppError.badRequest(
          `Invalid polygon: ${errors[0]!.message}`,
          errors.map((e) => ({ ...e, path: `/body${e.path}` })),
        );
    }
    const now = this.clock.now();
    const { row, issues } = await this.db.db.transaction().execute(async (tx) => {
      const current = await unitsRepo.lock(tx, id);
      if (!current) throw AppError.notFound(`Unit ${id}`);
      if (!mappedUnitKinds.includes(current.kind as never)) throw AppError.badRequest(`A ${current.kind} has no map polygon`);
      const issues = geometry ? await this.checkAgainstNeighbours(tx, current.id, current.parent_id, geometry) : [];
      const row = await unitsRepo.update(tx, id, { geometry: geometry ? JSON.stringify(geometry) : null, now });
      await unitsRepo.addHistory(tx, {
        unitId: id,
        at: now,
        change: 'geometry',
        before: { hadGeometry: current.geometry !== null },
        after: { issues: issues.length },
      });
      return { row, issues };
    });
    this.locator.invalidate();
    return { unit: toUnit(row, await unitsRepo.childCount(this.db.db, id)), issues };
  }

  private async checkAgainstNeighbours(
    tx: Parameters<typeof unitsRepo.findById>[0],
    id: number,
    parentId: number | null,
    g: PolygonGeometry,
  ) {
    const issues: GeometryIssue[] = [];
    if (parentId === null) return issues;
    const parent = await unitsRepo.findById(tx, parentId);
    if (parent?.geometry) {
      const outside = outsideM2(g, parent.geometry as PolygonGeometry);
      if (outside > AREA_TOLERANCE_M2)
        issues.push({ kind: 'outsideParent', unit: toUnitRef(parent), areaM2: Math.round(outside) });
    }
    for (const s of await unitsRepo.siblingsWithGeometry(tx, parentId, id)) {
      const shared = overlapM2(g, s.geometry as PolygonGeometry);
      if (shared > AREA_TOLERANCE_M2) issues.push({ kind: 'overlapsSibling', unit: toUnitRef(s), areaM2: Math.round(shared) });
    }
    return issues;
  }

  async childrenMap(actor: Actor, id: number): Promise<UnitMap> {
    const { unit: parent } = await this.access.requireUnit(actor, Permission.UnitsRead, id);
    const rows = await unitsRepo.childrenWithGeometry(this.db.db, id);
    return {
      type: 'FeatureCollection',
      outline: (parent.geometry as PolygonGeometry | null) ?? null,
      features: rows.map((r) => ({
        type: 'Feature' as const,
        id: r.id,
        properties: { id: r.id, code: r.code, name: r.name, kind: r.kind as never, households: r.households },
        geometry: r.geometry as PolygonGeometry,
      })),
    };
  }

  /** The lowest unit at the point, when it lies in the actor's scope (else nothing, as if unmapped). */
  async locate(actor: Actor, lng: number, lat: number): Promise<LocateResult> {
    const id = await this.locator.locate(lng, lat);
    if (id === null) return { unit: null, chain: [] };
    const row = await unitsRepo.findById(this.db.db, id);
    if (!row || (!actor.system && !this.access.grantFor(actor, Permission.UnitsRead, row.path))) return { unit: null, chain: [] };
    const chain = await unitsRepo.ancestors(this.db.db, row.path);
    return { unit: toUnitRef(row), chain: [...chain.map(toUnitRef), toUnitRef(row)] };
  }

  async exportGeoJson(actor: Actor, id: number): Promise<UnitFeatureCollection> {
    const { unit: root } = await this.access.requireUnit(actor, Permission.UnitsRead, id);
    const rows = await this.db.db
      .selectFrom('unit')
      .select(['code', 'name', 'kind', 'geometry'])
      .where(sql<boolean>`path <@ ${root.path}::ltree`)
      .where('geometry', 'is not', null)
      .where('status', '=', 'active')
      .orderBy('level')
      .orderBy('code')
      .execute();
    return {
      type: 'FeatureCollection',
      features: rows.map((r) => ({
        type: 'Feature' as const,
        properties: { code: r.code, name: r.name, kind: r.kind as never },
        geometry: r.geometry as PolygonGeometry,
      })),
    };
  }

  /** Sets polygons by unit code; each feature succeeds or is rejected on its own, with a reason. */
  async importGeoJson(actor: Actor, fc: UnitFeatureCollection) {
    const rejected: { index: number; code: string; reason: string }[] = [];
    let updated = 0;
    for (const [index, f] of fc.features.entries()) {
      const code = f.properties.code;
      const row = await unitsRepo.findByCode(this.db.db, code);
      // Units outside the caller's scope get the same answer as unknown codes.
      if (!row || (!actor.system && !this.access.grantFor(actor, Permission.UnitsWrite, row.path))) {
        rejected.push({ index, code, reason: 'no unit has this code' });
        continue;
      }
      try {
        await this.setGeometry(actor, row.id, f.geometry);
        updated++;
      } catch (err) {
        rejected.push({ index, code, reason: err instanceof AppError ? err.message : 'could not be stored' });
      }
    }
    return { read: fc.features.length, updated, rejected };
  }
}
