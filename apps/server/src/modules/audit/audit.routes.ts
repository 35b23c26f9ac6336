/** HTTP for the audit administrator: browse, export and verify the audit log. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AuditPage, AuditQuery, AuditVerifyResult, Permission } from '@wangge/contracts';
import { Type } from 'typebox';

const tags = ['audit'];
const EXPORT_CAP = 50_000;

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  // Leading = + - @ would run as formulas in Excel.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { audit } = app.services;
  app.get(
    '/api/v1/audit',
    {
      config: { access: Permission.AuditRead },
      schema: { tags, summary: 'Audit records, newest first', querystring: AuditQuery, response: { 200: AuditPage } },
    },
    async (req) => {
      const page = await audit.list(req.query);
      await audit.record(app.deps.db.db, req.actor, { action: 'audit.read', detail: { filter: req.query } });
      return page;
    },
  );
  app.get(
    '/api/v1/audit/export',
    {
      config: { access: Permission.AuditRead },
      schema: {
        tags,
        summary: `Audit records as CSV (at most ${EXPORT_CAP})`,
        querystring: Type.Omit(AuditQuery, ['limit', 'offset']),
      },
    },
    async (req, reply) => {
      const page = await audit.list({ ...req.query, limit: EXPORT_CAP, offset: 0 } as never);
      await audit.record(app.deps.db.db, req.actor, {
        action: 'audit.export',
        detail: { filter: req.query, rows: page.items.length },
      });
      const head = [
        'id',
        'at',
        'userId',
        'username',
        'role',
        'action',
        'objectType',
        'objectId',
        'unitId',
        'result',
        'ip',
        'requestId',
        'detail',
        'sealed',
      ];
      const lines = [
        head.join(','),
        ...page.items.map((e) => head.map((k) => csvCell((e as Record<string, unknown>)[k])).join(',')),
      ];
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="audit.csv"')
        .send(`\uFEFF${lines.join('\n')}\n`);
    },
  );
  app.post(
    '/api/v1/audit/verify',
    {
      config: { access: Permission.AuditRead },
      schema: {
        tags,
        summary: 'Recompute the seal chain and report the first broken record',
        response: { 200: AuditVerifyResult },
      },
    },
    async (req) => {
      await audit.seal();
      const result = await audit.verify();
      await audit.record(app.deps.db.db, req.actor, {
        action: 'audit.verify',
        result: result.ok ? 'ok' : 'failed',
        detail: { checked: result.checked, firstBrokenId: result.firstBrokenId },
      });
      return result;
    },
  );
};
