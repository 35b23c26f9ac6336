/** HTTP for the command center. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Dashboard, DashboardQuery, Permission } from '@wangge/contracts';

export const dashboardRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { dashboard } = app.services;
  app.get(
    '/api/v1/dashboard',
    {
      config: { access: Permission.DashboardRead },
      schema: {
        tags: ['dashboard'],
        summary: "A unit's command-center overview (default: the caller's top unit, this month)",
        querystring: DashboardQuery,
        response: { 200: Dashboard },
      },
    },
    (req) => dashboard.overview(req.actor, req.query),
  );
  app.get(
    '/api/v1/dashboard/report',
    {
      config: { access: Permission.DashboardRead },
      schema: {
        tags: ['dashboard'],
        summary: 'The monthly report (月报) of a unit as a Word document (audited)',
        querystring: DashboardQuery,
      },
    },
    async (req, reply) => {
      const { body, filename } = await dashboard.report(req.actor, req.query);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', `attachment; filename="report.docx"; filename*=UTF-8''${encodeURIComponent(filename)}`)
        .send(body);
    },
  );
};
