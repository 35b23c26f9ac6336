/** HTTP for signing in and out, the second factor, password changes and one's own sessions. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  LoginRequest,
  Me,
  PasswordChange,
  RecoveryCodes,
  SessionId,
  SessionInfo,
  TotpConfirm,
  TotpEnrollment,
  TotpLogin,
} from '@wangge/contracts';
import { Type } from 'typebox';
import { requestMeta, SESSION_COOKIE } from '../../http/auth.ts';

const tags = ['auth'];
const Stage = Type.Object({ stage: Type.String() });

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { auth, secondFactor } = app.services;

  app.post(
    '/api/v1/auth/login',
    {
      config: { access: 'public' },
      schema: { tags, summary: 'Sign in with username and password', body: LoginRequest, response: { 200: Me } },
    },
    async (req, reply) => {
      const { secret, me } = await auth.login(req.body.username, req.body.password, requestMeta(req));
      const c = app.sessionCookie(secret);
      return reply.setCookie(c.name, c.value, c.options).send(me);
    },
  );
  app.get(
    '/api/v1/auth/me',
    {
      config: { access: 'session' },
      schema: { tags, summary: 'The signed-in user, their grants and the CSRF token', response: { 200: Me } },
    },
    (req) => auth.me(req.session!),
  );
  app.post(
    '/api/v1/auth/logout',
    { config: { access: 'session' }, schema: { tags, summary: 'End this session', response: { 204: Type.Null() } } },
    async (req, reply) => {
      await auth.logout(req.actor, req.session!);
      return reply.clearCookie(SESSION_COOKIE, { path: '/' }).status(204).send(null);
    },
  );
  app.post(
    '/api/v1/auth/totp',
    {
      config: { access: 'session' },
      schema: { tags, summary: 'The second step of signing in: a TOTP or recovery code', body: TotpLogin, response: { 200: Me } },
    },
    async (req) => {
      await secondFactor.verifyLogin(req.actor, req.session!, req.body);
      return auth.meFor(req.session!.id);
    },
  );
  app.post(
    '/api/v1/auth/totp/enroll',
    {
      config: { access: 'session' },
      schema: { tags, summary: 'Start setting up TOTP: secret and QR code', response: { 200: TotpEnrollment } },
    },
    (req) => secondFactor.enroll(req.actor, req.session!),
  );
  app.post(
    '/api/v1/auth/totp/confirm',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'Finish TOTP set-up with a code; returns recovery codes once',
        body: TotpConfirm,
        response: { 200: RecoveryCodes },
      },
    },
    (req) => secondFactor.confirm(req.actor, req.session!, req.body.code),
  );
  app.post(
    '/api/v1/auth/password',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'Change one’s password (ends the other sessions)',
        body: PasswordChange,
        response: { 200: Stage },
      },
    },
    async (req) => ({
      stage: await secondFactor.changePassword(req.actor, req.session!, req.body.currentPassword, req.body.newPassword),
    }),
  );
  app.get(
    '/api/v1/auth/sessions',
    { config: { access: 'session' }, schema: { tags, summary: 'My open sessions', response: { 200: Type.Array(SessionInfo) } } },
    (req) => auth.sessions(req.session!),
  );
  app.delete(
    '/api/v1/auth/sessions/:id',
    {
      config: { access: 'session' },
      schema: { tags, summary: 'End one of my sessions', params: SessionId, response: { 204: Type.Null() } },
    },
    async (req, reply) => {
      await auth.endOwnSession(req.actor, req.session!, req.params.id);
      return reply.status(204).send(null);
    },
  );
};
