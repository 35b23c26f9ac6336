/** HTTP for households. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  Household,
  HouseholdCreate,
  HouseholdHistory,
  HouseholdListQuery,
  HouseholdMove,
  HouseholdPage,
  IdParams,
  Permission,
} from '@wangge/contracts';

const tags = ['households'];
const read = { access: Permission.HouseholdsRead };
const write = { access: Permission.HouseholdsWrite };

export const householdsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { households } = app.services;
  app.get(
    '/api/v1/households',
    {
      config: read,
      schema: {
        tags,
        summary: 'Households within a unit subtree',
        querystring: HouseholdListQuery,
        response: { 200: HouseholdPage },
      },
    },
    (req) => households.list(req.actor, req.query),
  );
  app.post(
    '/api/v1/households',
    {
      config: write,
      schema: { tags, summary: 'Add a household to the lowest unit', body: HouseholdCreate, response: { 201: Household } },
    },
    async (req, reply) => reply.status(201).send(await households.create(req.actor, req.body)),
  );
  app.get('/api/v1/households/:id', { config: read, schema: { tags, params: IdParams, response: { 200: Household } } }, (req) =>
    households.get(req.actor, req.params.id),
  );
  app.post(
    '/api/v1/households/:id/move',
    {
      config: write,
      schema: {
        tags,
        summary: 'Move a household (kept in history)',
        params: IdParams,
        body: HouseholdMove,
        response: { 200: Household },
      },
    },
    (req) => households.move(req.actor, req.params.id, req.body.unitId, req.body.reason ?? null),
  );
  app.get(
    '/api/v1/households/:id/history',
    { config: read, schema: { tags, params: IdParams, response: { 200: HouseholdHistory } } },
    (req) => households.history(req.actor, req.params.id),
  );
};
