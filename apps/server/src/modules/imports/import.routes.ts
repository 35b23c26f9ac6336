/**
 * HTTP for the imports of one kind, under `<base>` (people: /api/v1/people, houses: /api/v1/houses):
 * the template, upload (multipart), recent imports, progress, resume, error report. Registered
 * once per kind (http/app.ts).
 */
import { createWriteStream } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import multipart from '@fastify/multipart';
import { ErrorCode, IdParams, ImportJob, Permission } from '@wangge/contracts';
import { Type } from 'typebox';
import { AppError } from '../../lib/errors.ts';
import type { Services } from '../../services.ts';
import type { ImportService } from './import.service.ts';

export const importRoutes =
  (opts: { base: string; tag: string; service: (s: Services) => ImportService }): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { base } = opts;
    const tags = [opts.tag];
    const imports = opts.service(app.services);
    const kind = imports.kind;
    const maxBytes = app.deps.config.importMaxMb * 1024 * 1024;
    await app.register(multipart, { limits: { fileSize: maxBytes, files: 1, fields: 5, fieldSize: 100 } });

    app.get(
      `${base}/import-template`,
      {
        config: { access: Permission.PeopleWrite },
        schema: {
          tags,
          summary: `The ${kind.name} import template with the Chinese column headers`,
          querystring: Type.Object({ format: Type.Enum(['csv', 'xlsx'] as const) }, { additionalProperties: false }),
        },
      },
      async (req, reply) => {
        const type =
          req.query.format === 'csv'
            ? 'text/csv; charset=utf-8'
            : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
        return reply
          .header('content-type', type)
          .header('content-disposition', `attachment; filename="${kind.template.fileName}.${req.query.format}"`)
          .send(await imports.template(req.query.format));
      },
    );

    app.post(
      `${base}/imports`,
      {
        config: { access: Permission.PeopleWrite },
        schema: {
          tags,
          summary: 'Upload a CSV or .xlsx file (multipart: file, unitId, mode=insert|upsert); the import runs in the background',
          consumes: ['multipart/form-data'],
          response: { 202: ImportJob },
        },
      },
      async (req, reply) => {
        if (!req.isMultipart()) throw new AppError(415, ErrorCode.UnsupportedMediaType, 'Send the file as multipart/form-data');
        const dir = path.join(imports.filesDir, 'incoming');
        await mkdir(dir, { recursive: true });
        const tmp = path.join(dir, randomUUID());
        let fileName = '';
        const fields: Record<string, string> = {};
        try {
          for await (const part of req.parts()) {
            if (part.type === 'file') {
              fileName = part.filename;
              await pipeline(part.file, createWriteStream(tmp));
              if (part.file.truncated)
                throw new AppError(
                  413,
                  ErrorCode.PayloadTooLarge,
                  `The file is larger than ${app.deps.config.importMaxMb} MB; split it or import it with \`wangge import ${kind.name}\``,
                );
            } else fields[part.fieldname] = String(part.value);
          }
          if (!fileName)
            throw AppError.badRequest('Attach the file in the field "file"', [{ path: '/body/file', message: 'required' }]);
          const unitId = Number(fields.unitId);
          if (!Number.isInteger(unitId) || unitId < 1)
            throw AppError.badRequest('Give the unit the import is for', [{ path: '/body/unitId', message: 'required' }]);
          const mode = fields.mode ?? 'insert';
          if (mode !== 'insert' && mode !== 'upsert')
            throw AppError.badRequest('mode must be insert or upsert', [{ path: '/body/mode', message: 'insert or upsert' }]);
          const job = await imports.create(req.actor, { filePath: tmp, fileName, unitId, mode });
          return reply.status(202).send(job);
        } catch (err) {
          await unlink(tmp).catch(() => {});
          const e = err as { code?: string };
          if (e.code === 'FST_REQ_FILE_TOO_LARGE' || e.code === 'FST_FILES_LIMIT' || e.code === 'FST_PARTS_LIMIT') {
            throw new AppError(413, ErrorCode.PayloadTooLarge, `The file is larger than ${app.deps.config.importMaxMb} MB`);
          }
          throw err;
        }
      },
    );

    app.get(
      `${base}/imports`,
      {
        config: { access: Permission.PeopleWrite },
        schema: { tags, summary: `Recent ${kind.name} imports in my area`, response: { 200: Type.Array(ImportJob) } },
      },
      (req) => imports.list(req.actor),
    );
    app.get(
      `${base}/imports/:id`,
      {
        config: { access: Permission.PeopleWrite },
        schema: { tags, summary: 'Progress and counts of an import', params: IdParams, response: { 200: ImportJob } },
      },
      (req) => imports.get(req.actor, req.params.id),
    );
    app.post(
      `${base}/imports/:id/resume`,
      {
        config: { access: Permission.PeopleWrite },
        schema: {
          tags,
          summary: 'Resume a stalled or failed import after its last committed batch (409 while it runs or once done)',
          params: IdParams,
          response: { 202: ImportJob },
        },
      },
      async (req, reply) => reply.code(202).send(await imports.resume(req.actor, req.params.id)),
    );
    app.get(
      `${base}/imports/:id/errors`,
      {
        config: { access: Permission.PeopleWrite },
        schema: { tags, summary: 'The rejected rows with reasons (.xlsx)', params: IdParams },
      },
      async (req, reply) => {
        const report = await imports.errorReport(req.actor, req.params.id);
        return reply
          .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="import-${req.params.id}-errors.xlsx"`)
          .send(report);
      },
    );
  };
