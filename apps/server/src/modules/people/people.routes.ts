/** HTTP for people: search, profile, create, edit, reveal, export. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ExportQuery,
  IdParams,
  Permission,
  Person,
  PersonInput,
  PersonPage,
  PersonProfile,
  PersonQuery,
  PersonUpdate,
  RevealResponse,
} from '@wangge/contracts';

const tags = ['people'];
const P = Permission;

export const peopleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { people, peopleExport } = app.services;
  app.get(
    '/api/v1/people',
    {
      config: { access: P.PeopleRead },
      schema: {
        tags,
        summary: 'Search people (name, ID number, phone, address, filters)',
        querystring: PersonQuery,
        response: { 200: PersonPage },
      },
    },
    (req) => people.search(req.actor, req.query),
  );
  app.post(
    '/api/v1/people',
    {
      config: { access: P.PeopleWrite },
      schema: { tags, summary: 'Register a person', body: PersonInput, response: { 201: Person } },
    },
    async (req, reply) => reply.status(201).send(await people.create(req.actor, req.body)),
  );
  app.get(
    '/api/v1/people/:id',
    {
      config: { access: P.PeopleRead },
      schema: {
        tags,
        summary: 'A person with household, residences and party membership',
        params: IdParams,
        response: { 200: PersonProfile },
      },
    },
    (req) => people.profile(req.actor, req.params.id),
  );
  app.patch(
    '/api/v1/people/:id',
    {
      config: { access: P.PeopleWrite },
      schema: {
        tags,
        summary: 'Edit a person (the ID number cannot change)',
        params: IdParams,
        body: PersonUpdate,
        response: { 200: Person },
      },
    },
    (req) => people.update(req.actor, req.params.id, req.body),
  );
  app.post(
    '/api/v1/people/:id/reveal-id-number',
    {
      config: { access: P.PersonalReveal },
      schema: { tags, summary: 'The full ID number (audited)', params: IdParams, response: { 200: RevealResponse } },
    },
    async (req) => ({
      value: await people.reveal(req.actor, req.params.id, 'idNumber'),
    }),
  );
  app.post(
    '/api/v1/people/:id/reveal-phone',
    {
      config: { access: P.PersonalReveal },
      schema: { tags, summary: 'The full phone number (audited)', params: IdParams, response: { 200: RevealResponse } },
    },
    async (req) => ({
      value: await people.reveal(req.actor, req.params.id, 'phone'),
    }),
  );
  app.get(
    '/api/v1/people/export',
    {
      config: { access: P.PeopleExport },
      schema: { tags, summary: 'Export (masked, at most 50,000 rows, audited)', querystring: ExportQuery },
    },
    async (req, reply) => {
      const { format, ...q } = req.query;
      const stream = await peopleExport.export(req.actor, q, format);
      const type =
        format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      return reply
        .header('content-type', type)
        .header('content-disposition', `attachment; filename="people.${format}"`)
        .send(stream);
    },
  );
};
