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
  Permission,
  Phone,
  RevealResponse,
  RosterQuery,
  Staff,
  StaffCreate,
} from '@wangge/contracts';
import { Type } from 'typebox';

const tags = ['staff'];
const P = Permission;

export const staffRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { staff } = app.services;

  app.get(
    '/api/v1/staff',
    {
      config: { access: P.StaffRead },
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
    (req) => staff.searchStaff(req.actor, req.query),
  );
  app.post(
    '/api/v1/staff',
    {
      config: { access: P.StaffWrite },
      schema: { tags, summary: 'Add a person who works the grid', body: StaffCreate, response: { 201: Staff } },
    },
    async (req, reply) => reply.status(201).send(await staff.createStaff(req.actor, req.body)),
  );
  app.post(
    '/api/v1/staff/:id/reveal-phone',
    {
      config: { access: P.PersonalReveal },
      schema: { tags, summary: 'The full phone number (audited)', params: IdParams, response: { 200: RevealResponse } },
    },
    async (req) => ({
      value: await staff.revealPhone(req.actor, req.params.id),
    }),
  );
  app.get(
    '/api/v1/staff/:id/assignments',
    {
      config: { access: P.StaffRead },
      schema: {
        tags,
        summary: 'Every role a person held, ended ones too',
        params: IdParams,
        response: { 200: Type.Array(Assignment) },
      },
    },
    (req) => staff.history(req.actor, req.params.id),
  );
  app.get(
    '/api/v1/roster',
    {
      config: { access: P.StaffRead },
      schema: {
        tags,
        summary: 'Staff in roles within a unit subtree',
        querystring: RosterQuery,
        response: { 200: AssignmentPage },
      },
    },
    (req) => staff.roster(req.actor, req.query),
  );
  app.post(
    '/api/v1/assignments',
    {
      config: { access: P.StaffWrite },
      schema: { tags, summary: 'Put a person in a role at a unit', body: AssignmentCreate, response: { 201: Assignment } },
    },
    async (req, reply) => reply.status(201).send(await staff.assign(req.actor, req.body)),
  );
  app.post(
    '/api/v1/assignments/:id/end',
    {
      config: { access: P.StaffWrite },
      schema: {
        tags,
        summary: 'End an assignment (kept in history)',
        params: IdParams,
        body: AssignmentEnd,
        response: { 200: Assignment },
      },
    },
    (req) => staff.endAssignment(req.actor, req.params.id, req.body.endsOn, req.body.reason ?? null),
  );
  app.get(
    '/api/v1/units/:id/party-groups',
    {
      config: { access: P.UnitsRead },
      schema: { tags, summary: 'Party groups of a village', params: IdParams, response: { 200: Type.Array(PartyGroup) } },
    },
    (req) => staff.partyGroups(req.actor, req.params.id),
  );
  app.post(
    '/api/v1/units/:id/party-groups',
    {
      config: { access: P.UnitsWrite },
      schema: {
        tags,
        summary: 'Attach a party group to one or several grids',
        params: IdParams,
        body: PartyGroupCreate,
        response: { 201: PartyGroup },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await staff.createPartyGroup(req.actor, req.params.id, req.body.name, req.body.gridIds)),
  );
};
