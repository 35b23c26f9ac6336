/** HTTP for staff, role assignments, rosters and party groups. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  Assignment,
  AssignmentCreate,
  AssignmentEnd,
  AssignmentPage,
  IdParams,
  Page,
  PageQuery,
  PartyGroup,
  PartyGroupCreate,
  Phone,
  RosterQuery,
  Staff,
  StaffCreate,
} from '@wangge/contracts';
import { Type } from 'typebox';

const tags = ['staff'];

export const staffRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { staff } = app.services;

  app.get(
    '/api/v1/staff',
    {
      schema: {
        tags,
        summary: 'Search staff by name or exact phone',
        querystring: Type.Object(
          { q: Type.Optional(Type.String({ minLength: 1, maxLength: 50 })), phone: Type.Optional(Phone), ...PageQuery },
          { additionalProperties: false },
        ),
        response: { 200: Page(Staff) },
      },
    },
    (req) => staff.searchStaff(req.query),
  );
  app.post(
    '/api/v1/staff',
    { schema: { tags, summary: 'Add a person who works the grid', body: StaffCreate, response: { 201: Staff } } },
    async (req, reply) => reply.status(201).send(await staff.createStaff(req.body)),
  );
  app.get(
    '/api/v1/staff/:id/assignments',
    {
      schema: {
        tags,
        summary: 'Every role a person held, ended ones too',
        params: IdParams,
        response: { 200: Type.Array(Assignment) },
      },
    },
    (req) => staff.history(req.params.id),
  );
  app.get(
    '/api/v1/roster',
    {
      schema: {
        tags,
        summary: 'Staff in roles within a unit subtree',
        querystring: RosterQuery,
        response: { 200: AssignmentPage },
      },
    },
    (req) => staff.roster(req.query),
  );
  app.post(
    '/api/v1/assignments',
    { schema: { tags, summary: 'Put a person in a role at a unit', body: AssignmentCreate, response: { 201: Assignment } } },
    async (req, reply) => reply.status(201).send(await staff.assign(req.body)),
  );
  app.post(
    '/api/v1/assignments/:id/end',
    {
      schema: {
        tags,
        summary: 'End an assignment (kept in history)',
        params: IdParams,
        body: AssignmentEnd,
        response: { 200: Assignment },
      },
    },
    (req) => staff.endAssignment(req.params.id, req.body.endsOn, req.body.reason ?? null),
  );
  app.get(
    '/api/v1/units/:id/party-groups',
    { schema: { tags, summary: 'Party groups of a village', params: IdParams, response: { 200: Type.Array(PartyGroup) } } },
    (req) => staff.partyGroups(req.params.id),
  );
  app.post(
    '/api/v1/units/:id/party-groups',
    {
      schema: {
        tags,
        summary: 'Attach a party group to one or several grids',
        params: IdParams,
        body: PartyGroupCreate,
        response: { 201: PartyGroup },
      },
    },
    async (req, reply) => reply.status(201).send(await staff.createPartyGroup(req.params.id, req.body.name, req.body.gridIds)),
  );
};
