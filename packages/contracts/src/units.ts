/**
 * The unit tree (county → township → village → grid → micro-grid → household group), grid maps,
 * staff in roles, households and coverage. Names follow the glossary in shared/domain.md.
 */
import { Type, type Static } from 'typebox';
import { DateTime, Id, Name, Page, PageQuery, Text } from './common.ts';

export const UnitKinds = ['county', 'township', 'village', 'grid', 'microGrid', 'householdGroup'] as const;
export type UnitKind = (typeof UnitKinds)[number];
export const UnitKind = Type.Enum(UnitKinds);

/** Level in the tree: county 1 … household group 6. */
export const unitLevel: Record<UnitKind, number> = {
  county: 1,
  township: 2,
  village: 3,
  grid: 4,
  microGrid: 5,
  householdGroup: 6,
};
/** The kind a unit of each kind must hang under. */
export const parentKind: Record<UnitKind, UnitKind | null> = {
  county: null,
  township: 'county',
  village: 'township',
  grid: 'village',
  microGrid: 'grid',
  householdGroup: 'microGrid',
};
/** Kinds whose codes are national statistical division codes (12 digits). */
export const administrativeKinds: readonly UnitKind[] = ['county', 'township', 'village'];
/** Kinds a household may belong to (the lowest unit that contains it). */
export const householdUnitKinds: readonly UnitKind[] = ['grid', 'microGrid', 'householdGroup'];
/** Kinds that may carry a map polygon. */
export const mappedUnitKinds: readonly UnitKind[] = ['county', 'township', 'village', 'grid', 'microGrid'];

export const UnitStatus = Type.Union([Type.Literal('active'), Type.Literal('retired')]);

export const UnitRef = Type.Object({ id: Id, code: Type.String(), name: Type.String(), kind: UnitKind });
export type UnitRef = Static<typeof UnitRef>;

export const Unit = Type.Object({
  id: Id,
  code: Type.String(),
  name: Type.String(),
  kind: UnitKind,
  level: Type.Integer(),
  parentId: Type.Union([Id, Type.Null()]),
  status: UnitStatus,
  hasGeometry: Type.Boolean(),
  childCount: Type.Integer({ minimum: 0 }),
  version: Type.Integer(),
  updatedAt: DateTime,
});
export type Unit = Static<typeof Unit>;

export const SizingWarning = Type.Object({
  unitId: Id,
  unitName: Type.String(),
  rule: Type.Union([
    Type.Literal('gridHouseholds'),
    Type.Literal('microGridHouseholds'),
    Type.Literal('microGridMax'),
    Type.Literal('residentReps'),
    Type.Literal('householdLeads'),
    Type.Literal('gridLeader'),
  ]),
  /** The measured value and the range it should be in. */
  actual: Type.Number(),
  expected: Type.String(),
  message: Type.String(),
});
export type SizingWarning = Static<typeof SizingWarning>;

export const UnitDetail = Type.Object({
  unit: Unit,
  ancestors: Type.Array(UnitRef),
  households: Type.Integer(),
  warnings: Type.Array(SizingWarning),
});
export type UnitDetail = Static<typeof UnitDetail>;

export const UnitListQuery = Type.Object(
  {
    parentId: Type.Optional(Id),
    /** Everything under this unit (any depth), instead of its children only. */
    within: Type.Optional(Id),
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 50, description: 'Name or code (partial)' })),
    kind: Type.Optional(UnitKind),
    status: Type.Optional(Type.Union([UnitStatus, Type.Literal('all')])),
    ...PageQuery,
  },
  { additionalProperties: false },
);
export type UnitListQuery = Static<typeof UnitListQuery>;
export const UnitPage = Page(Unit);

export const UnitCreate = Type.Object(
  {
    parentId: Type.Union([Id, Type.Null()]),
    kind: UnitKind,
    name: Name,
    /** Required for administrative units (12-digit division code); generated for grids and below. */
    code: Type.Optional(Type.String({ pattern: '^[0-9]{6}([0-9]{6})?$' })),
  },
  { additionalProperties: false },
);
export type UnitCreate = Static<typeof UnitCreate>;

export const UnitUpdate = Type.Object(
  {
    version: Type.Integer({ description: 'The version you read; a stale one gets 409' }),
    name: Type.Optional(Name),
    /** Move the unit (and its subtree) under another parent of the right kind. */
    parentId: Type.Optional(Id),
    reason: Type.Optional(Text(500)),
  },
  { additionalProperties: false },
);
export type UnitUpdate = Static<typeof UnitUpdate>;

export const UnitHistoryEntry = Type.Object({
  id: Id,
  at: DateTime,
  change: Type.Union([
    Type.Literal('created'),
    Type.Literal('renamed'),
    Type.Literal('moved'),
    Type.Literal('retired'),
    Type.Literal('geometry'),
  ]),
  before: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  after: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
});
export type UnitHistoryEntry = Static<typeof UnitHistoryEntry>;

// ---- Grid maps ----
const Position = Type.Array(Type.Number(), { minItems: 2, maxItems: 3 });
const Ring = Type.Array(Position, { minItems: 4, maxItems: 20_000 });
export const PolygonGeometry = Type.Union([
  Type.Object({ type: Type.Literal('Polygon'), coordinates: Type.Array(Ring, { minItems: 1, maxItems: 100 }) }),
  Type.Object({
    type: Type.Literal('MultiPolygon'),
    coordinates: Type.Array(Type.Array(Ring, { minItems: 1, maxItems: 100 }), { minItems: 1, maxItems: 100 }),
  }),
]);
export type PolygonGeometry = Static<typeof PolygonGeometry>;

export const GeometryIssue = Type.Object({
  kind: Type.Union([Type.Literal('overlapsSibling'), Type.Literal('outsideParent')]),
  unit: Type.Union([UnitRef, Type.Null()]),
  /** Area in square metres of the overlap, or of the part outside the parent. */
  areaM2: Type.Number(),
});
export type GeometryIssue = Static<typeof GeometryIssue>;

export const GeometryResult = Type.Object({ unit: Unit, issues: Type.Array(GeometryIssue) });
export type GeometryResult = Static<typeof GeometryResult>;

export const LocateQuery = Type.Object(
  { lng: Type.Number({ minimum: -180, maximum: 180 }), lat: Type.Number({ minimum: -90, maximum: 90 }) },
  { additionalProperties: false },
);
export const LocateResult = Type.Object({ unit: Type.Union([UnitRef, Type.Null()]), chain: Type.Array(UnitRef) });
export type LocateResult = Static<typeof LocateResult>;

/** GeoJSON FeatureCollection of unit polygons (export and import). */
export const UnitFeatureCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      properties: Type.Object({ code: Type.String(), name: Type.Optional(Type.String()), kind: Type.Optional(UnitKind) }),
      geometry: Type.Union([PolygonGeometry, Type.Null()]),
    }),
    { maxItems: 50_000 },
  ),
});
export type UnitFeatureCollection = Static<typeof UnitFeatureCollection>;
export const GeometryImportResult = Type.Object({
  read: Type.Integer(),
  updated: Type.Integer(),
  rejected: Type.Array(Type.Object({ index: Type.Integer(), code: Type.String(), reason: Type.String() })),
});

/** The children of a unit on a map: polygons with what the map colours and labels them by. */
export const UnitMap = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      id: Id,
      properties: Type.Object({ id: Id, code: Type.String(), name: Type.String(), kind: UnitKind, households: Type.Integer() }),
      geometry: PolygonGeometry,
    }),
  ),
  /** The parent's own outline, when it has one. */
  outline: Type.Union([PolygonGeometry, Type.Null()]),
});
export type UnitMap = Static<typeof UnitMap>;
