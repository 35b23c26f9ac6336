/** HTTP for buildings, houses, residences, rentals, organizations and party members. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  Building,
  BuildingInput,
  BuildingPage,
  BuildingQuery,
  House,
  HouseInput,
  IdParams,
  Organization,
  OrganizationInput,
  OrganizationPage,
  OrganizationQuery,
  PartyMemberInput,
  Permission,
  RentalInput,
  ResidenceEnd,
  ResidenceInput,
} from '@wangge/contracts';
import { Type } from 'typebox';

const tags = ['places'];
const read = { access: Permission.PeopleRead };
const write = { access: Permission.PeopleWrite };

export const placesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { places, occupancy, organizations } = app.services;
  app.get(
    '/api/v1/buildings',
    {
      config: read,
      schema: { tags, summary: 'Buildings within a unit subtree', querystring: BuildingQuery, response: { 200: BuildingPage } },
    },
    (req) => places.listBuildings(req.actor, req.query),
  );
  app.post(
    '/api/v1/buildings',
    {
      config: write,
      schema: {
        tags,
        summary: 'Register a building (unit, or a point placed with locate)',
        body: BuildingInput,
        response: { 201: Building },
      },
    },
    async (req, reply) => reply.status(201).send(await places.createBuilding(req.actor, req.body)),
  );
  app.get(
    '/api/v1/buildings/:id/houses',
    {
      config: read,
      schema: {
        tags,
        summary: 'Houses of a building and who lives in each',
        params: IdParams,
        response: { 200: Type.Array(House) },
      },
    },
    (req) => places.houses(req.actor, req.params.id),
  );
  app.post(
    '/api/v1/houses',
    {
      config: write,
      schema: { tags, summary: 'Add a house to a building', body: HouseInput, response: { 201: Type.Array(House) } },
    },
    async (req, reply) => reply.status(201).send(await places.createHouse(req.actor, req.body)),
  );
  app.post(
    '/api/v1/residences',
    {
      config: write,
      schema: {
        tags,
        summary: 'A person moves into a house (the previous residence ends)',
        body: ResidenceInput,
        response: { 201: Type.Array(House) },
      },
    },
    async (req, reply) => reply.status(201).send(await occupancy.moveIn(req.actor, req.body)),
  );
  app.post(
    '/api/v1/residences/:id/end',
    {
      config: write,
      schema: {
        tags,
        summary: 'A person moves out: the residence ends on toDate (audited)',
        params: IdParams,
        body: ResidenceEnd,
        response: { 200: Type.Array(House) },
      },
    },
    (req) => occupancy.moveOut(req.actor, req.params.id, req.body.toDate),
  );
  app.post(
    '/api/v1/rentals',
    {
      config: write,
      schema: {
        tags,
        summary: 'A rental with landlord and tenants',
        body: RentalInput,
        response: { 201: Type.Object({ id: Type.Integer(), houseId: Type.Integer() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await occupancy.createRental(req.actor, req.body)),
  );
  app.get(
    '/api/v1/organizations',
    {
      config: read,
      schema: {
        tags,
        summary: 'Organizations and places within a unit subtree',
        querystring: OrganizationQuery,
        response: { 200: OrganizationPage },
      },
    },
    (req) => organizations.listOrganizations(req.actor, req.query),
  );
  app.post(
    '/api/v1/organizations',
    {
      config: write,
      schema: { tags, summary: 'Register an organization or place', body: OrganizationInput, response: { 201: Organization } },
    },
    async (req, reply) => reply.status(201).send(await organizations.createOrganization(req.actor, req.body)),
  );
  app.post(
    '/api/v1/party-members',
    {
      config: write,
      schema: {
        tags,
        summary: 'Register a person as a party member',
        body: PartyMemberInput,
        response: { 201: Type.Object({ personId: Type.Integer() }) },
      },
    },
    async (req, reply) => reply.status(201).send(await organizations.addPartyMember(req.actor, req.body)),
  );
};
