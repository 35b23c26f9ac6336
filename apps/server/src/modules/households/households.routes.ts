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
} from '@wangge/contracts';

const tags = ['households'];

export const householdsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { households } = app.services;
  app.get(
    '/api/v1/households',
    {
      schema: {
        tags,
        summary: 'Households within a unit subtree',
        querystring: HouseholdListQuery,
        response: { 200: HouseholdPage },
      },
    },
    (req) => households.list(req.query),
  );
  app.post(
    '/api/v1/households',
    { schema: { tags, summary: 'Add a household to the lowest unit', body: HouseholdCreate, response: { 201: Household } } },
    async (req, reply) => reply.status(201).send(await households.create(req.body)),
  );
  app.get('/api/v1/households/:id', { schema: { tags, params: IdParams, response: { 200: Household } } }, (req) =>
    households.get(req.params.id),
  );
  app.post(
    '/api/v1/households/:id/move',
    {
      schema: {
        tags,
        summary: 'Move a household (kept in history)',
        params: IdParams,
        body: HouseholdMove,
        response: { 200: Household },
      },
    },
    (req) => households.move(req.params.id, req.body.unitId, req.body.reason ?? null),
  );
  app.get('/api/v1/households/:id/history', { schema: { tags, params: IdParams, response: { 200: HouseholdHistory } } }, (req) =>
    households.history(req.params.id),
  );
};
