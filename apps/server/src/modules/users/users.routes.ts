/** HTTP for user accounts (system administrator) and role grants (security administrator). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  GrantCreate,
  IdParams,
  Permission,
  UserAccount,
  UserCreate,
  UserCreated,
  UserListQuery,
  UserPage,
} from '@wangge/contracts';

const tags = ['users'];
const P = Permission;

export const usersRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { users } = app.services;
  app.get(
    '/api/v1/users',
    {
      config: { access: { any: [P.UsersManage, P.GrantsManage] } },
      schema: { tags, summary: 'User accounts in scope', querystring: UserListQuery, response: { 200: UserPage } },
    },
    (req) => users.list(req.actor, req.query),
  );
  app.get(
    '/api/v1/users/:id',
    {
      config: { access: { any: [P.UsersManage, P.GrantsManage] } },
      schema: { tags, params: IdParams, response: { 200: UserAccount } },
    },
    (req) => users.get(req.actor, req.params.id),
  );
  app.post(
    '/api/v1/users',
    {
      config: { access: P.UsersManage },
      schema: {
        tags,
        summary: 'Create an account; its initial password is shown once',
        body: UserCreate,
        response: { 201: UserCreated },
      },
    },
    async (req, reply) => reply.status(201).send(await users.create(req.actor, req.body)),
  );
  app.post(
    '/api/v1/users/:id/disable',
    {
      config: { access: P.UsersManage },
      schema: {
        tags,
        summary: 'Disable an account (ends its sessions at once)',
        params: IdParams,
        response: { 200: UserAccount },
      },
    },
    (req) => users.setStatus(req.actor, req.params.id, 'disabled'),
  );
  app.post(
    '/api/v1/users/:id/enable',
    { config: { access: P.UsersManage }, schema: { tags, params: IdParams, response: { 200: UserAccount } } },
    (req) => users.setStatus(req.actor, req.params.id, 'active'),
  );
  app.post(
    '/api/v1/users/:id/reset-password',
    {
      config: { access: P.UsersManage },
      schema: { tags, summary: 'Set a new initial password', params: IdParams, response: { 200: UserCreated } },
    },
    (req) => users.resetPassword(req.actor, req.params.id),
  );
  app.post(
    '/api/v1/grants',
    {
      config: { access: P.GrantsManage },
      schema: { tags, summary: 'Grant a role at a unit', body: GrantCreate, response: { 200: UserAccount } },
    },
    (req) => users.grant(req.actor, req.body),
  );
  app.post(
    '/api/v1/grants/:id/revoke',
    {
      config: { access: P.GrantsManage },
      schema: { tags, summary: 'Revoke a grant', params: IdParams, response: { 200: UserAccount } },
    },
    (req) => users.revoke(req.actor, req.params.id),
  );
};
