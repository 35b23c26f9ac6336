/** HTTP for the unit tree, grid maps and coverage. Thin: access → schema → service → reply. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  Coverage,
  GeometryImportResult,
  GeometryResult,
  IdParams,
  LocateQuery,
  LocateResult,
  Permission,
  PolygonGeometry,
  Text,
  Unit,
  UnitCreate,
  UnitDetail,
  UnitFeatureCollection,
  UnitHistoryEntry,
  UnitListQuery,
  UnitMap,
  UnitPage,
  UnitUpdate,
} from '@wangge/contracts';
import { Type } from 'typebox';

const tags = ['units'];
const read = { access: Permission.UnitsRead };
const write = { access: Permission.UnitsWrite };

export const unitsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { units, maps, coverage } = app.services;

  app.get(
    '/api/v1/units',
    {
      config: read,
      schema: {
        tags,
        summary: 'List units: my top units, children, a subtree or a search',
        querystring: UnitListQuery,
        response: { 200: UnitPage },
      },
    },
    (req) => units.list(req.actor, req.query),
  );
  app.post(
    '/api/v1/units',
    { config: write, schema: { tags, summary: 'Create a unit', body: UnitCreate, response: { 201: Unit } } },
    async (req, reply) => reply.status(201).send(await units.create(req.actor, req.body)),
  );
  app.get(
    '/api/v1/units/:id',
    {
      config: read,
      schema: { tags, summary: 'A unit with its ancestors and sizing warnings', params: IdParams, response: { 200: UnitDetail } },
    },
    (req) => units.detail(req.actor, req.params.id),
  );
  app.patch(
    '/api/v1/units/:id',
    {
      config: write,
      schema: { tags, summary: 'Rename or move a unit', params: IdParams, body: UnitUpdate, response: { 200: Unit } },
    },
    (req) => units.update(req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/v1/units/:id/retire',
    {
      config: write,
      schema: {
        tags,
        summary: 'Retire a unit (units are never deleted)',
        params: IdParams,
        body: Type.Object({ version: Type.Integer(), reason: Type.Optional(Text(500)) }, { additionalProperties: false }),
        response: { 200: Unit },
      },
    },
    (req) => units.retire(req.actor, req.params.id, req.body.version, req.body.reason ?? null),
  );
  app.get(
    '/api/v1/units/:id/history',
    {
      config: read,
      schema: { tags, summary: 'Changes to a unit', params: IdParams, response: { 200: Type.Array(UnitHistoryEntry) } },
    },
    (req) => units.history(req.actor, req.params.id),
  );
  app.get(
    '/api/v1/units/:id/coverage',
    { config: read, schema: { tags, summary: 'Coverage rolled up the tree', params: IdParams, response: { 200: Coverage } } },
    (req) => coverage.coverage(req.actor, req.params.id),
  );

  app.get(
    '/api/v1/units/:id/geometry',
    { config: read, schema: { tags, summary: 'The polygon of a unit', params: IdParams, response: { 200: PolygonGeometry } } },
    (req) => maps.getGeometry(req.actor, req.params.id),
  );
  app.put(
    '/api/v1/units/:id/geometry',
    {
      config: write,
      schema: {
        tags,
        summary: 'Set (or clear, with null) the polygon of a unit; overlaps are reported, not refused',
        params: IdParams,
        body: Type.Object({ geometry: Type.Union([PolygonGeometry, Type.Null()]) }, { additionalProperties: false }),
        response: { 200: GeometryResult },
      },
      bodyLimit: 8 * 1024 * 1024,
    },
    (req) => maps.setGeometry(req.actor, req.params.id, req.body.geometry),
  );
  app.get(
    '/api/v1/units/:id/map',
    {
      config: read,
      schema: { tags, summary: 'Polygons of the children of a unit', params: IdParams, response: { 200: UnitMap } },
    },
    (req) => maps.childrenMap(req.actor, req.params.id),
  );
  app.get(
    '/api/v1/units/:id/geojson',
    {
      config: read,
      schema: {
        tags,
        summary: 'Export the polygons of a subtree as GeoJSON',
        params: IdParams,
        response: { 200: UnitFeatureCollection },
      },
    },
    async (req, reply) => {
      const fc = await maps.exportGeoJson(req.actor, req.params.id);
      return reply.header('content-disposition', `attachment; filename="units-${req.params.id}.geojson"`).send(fc);
    },
  );
  app.post(
    '/api/v1/units/geojson',
    {
      config: write,
      schema: {
        tags,
        summary: 'Import polygons by unit code',
        body: UnitFeatureCollection,
        response: { 200: GeometryImportResult },
      },
      bodyLimit: 64 * 1024 * 1024,
    },
    (req) => maps.importGeoJson(req.actor, req.body),
  );
  app.get(
    '/api/v1/locate',
    {
      config: read,
      schema: {
        tags,
        summary: 'The lowest unit whose polygon contains a point',
        querystring: LocateQuery,
        response: { 200: LocateResult },
      },
    },
    (req) => maps.locate(req.actor, req.query.lng, req.query.lat),
  );
};
