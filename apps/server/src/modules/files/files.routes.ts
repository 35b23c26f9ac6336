/**
 * HTTP for attachments: upload (multipart, parsed only in this plugin), and the three ways to read
 * one (display copy, thumbnail, the uploader's original). Any fully signed-in user may upload; what
 * they may read is decided by FilesService.open. Served files carry their own strict headers.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AttachmentList, ErrorCode, IdParams } from '@wangge/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../lib/errors.ts';
import { localFilesDir } from './file-store.ts';
import type { FileVariant, ServedFile, UploadFile } from './files.service.ts';
import { contentDisposition, etagMatches, parseRange } from './http-headers.ts';

const tags = ['files'];
/** Files in one upload request. */
export const MAX_FILES_PER_UPLOAD = 10;
// Served files never run as a page: no scripts, no plugins, no same-origin access, even if opened directly.
const FILE_CSP = "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox";
const TOO_LARGE = new Set(['FST_REQ_FILE_TOO_LARGE', 'FST_FILES_LIMIT', 'FST_PARTS_LIMIT']);

export const filesRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { files } = app.services;
  const maxMb = app.deps.config.uploadMaxMb;
  const incoming = path.join(localFilesDir(app.deps.config.dataDir), '.incoming');
  await app.register(multipart, {
    limits: { fileSize: maxMb * 1024 * 1024, files: MAX_FILES_PER_UPLOAD, fields: 10, fieldSize: 200, parts: 20 },
  });
  // 'session' lets a half-finished sign-in through (to finish it); files need a finished one.
  app.addHook('onRequest', async (req) => {
    if (req.session?.stage !== 'active')
      throw new AppError(403, ErrorCode.SignInIncomplete, `Finish signing in first (${req.session?.stage ?? 'none'})`);
  });

  app.post(
    '/api/v1/files',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: `Upload photos, documents or voice notes (multipart, up to ${MAX_FILES_PER_UPLOAD} files); link them to a record afterwards`,
        consumes: ['multipart/form-data'],
        response: { 201: AttachmentList },
      },
    },
    async (req, reply) => {
      if (!req.isMultipart()) throw new AppError(415, ErrorCode.UnsupportedMediaType, 'Send the files as multipart/form-data');
      await mkdir(incoming, { recursive: true });
      const received: UploadFile[] = [];
      try {
        for await (const part of req.parts()) {
          if (part.type !== 'file') continue;
          const file = { name: part.filename, path: path.join(incoming, randomUUID()) };
          received.push(file);
          await pipeline(part.file, createWriteStream(file.path));
          if (part.file.truncated) throw Object.assign(new Error('truncated'), { code: 'FST_REQ_FILE_TOO_LARGE' });
        }
      } catch (err) {
        await Promise.all(received.map((f) => unlink(f.path).catch(() => {})));
        const code = (err as { code?: string }).code;
        if (code && TOO_LARGE.has(code)) {
          const last = received.at(-1)?.name;
          throw new AppError(
            413,
            ErrorCode.PayloadTooLarge,
            code === 'FST_REQ_FILE_TOO_LARGE'
              ? `"${last}" is larger than ${maxMb} MB`
              : `Send at most ${MAX_FILES_PER_UPLOAD} files of up to ${maxMb} MB each at a time`,
            last ? { file: last } : {},
          );
        }
        throw err;
      }
      if (received.length === 0)
        throw AppError.badRequest('Attach at least one file', [{ path: '/body/file', message: 'required' }]);
      return reply.status(201).send(await files.upload(req.actor, received));
    },
  );

  const read = (variant: FileVariant, summary: string) =>
    app.get(
      `/api/v1/files/:id${variant === 'display' ? '' : `/${variant}`}`,
      { config: { access: 'session' }, schema: { tags, summary, params: IdParams } },
      async (req, reply) => serve(req, reply, await files.open(req.actor, req.params.id, variant), variant),
    );
  read('display', 'The file as shown to readers: photos upright, without EXIF/GPS/XMP; other files as uploaded');
  read('thumbnail', 'A small WebP preview of a photo');
  read('original', 'The file exactly as uploaded, metadata included: only for its uploader (audited)');
};

async function serve(req: FastifyRequest, reply: FastifyReply, file: ServedFile, variant: FileVariant) {
  const inline = variant !== 'original' && file.kind !== 'document';
  reply
    .header('content-type', file.mime)
    .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', file.name))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', FILE_CSP)
    .header('cross-origin-resource-policy', 'same-origin')
    .header('etag', file.etag)
    // Private and short-lived: access is checked again on every revalidation.
    .header('cache-control', 'private, max-age=600');
  if (etagMatches(req.headers['if-none-match'], file.etag)) return reply.status(304).send();
  let range = null;
  if (file.size !== null) {
    reply.header('accept-ranges', 'bytes');
    range = parseRange(req.headers.range, file.size);
    if (range === 'unsatisfiable') return reply.header('content-range', `bytes */${file.size}`).status(416).send();
  }
  let stream;
  try {
    stream = await file.read(range ?? undefined);
  } catch (err) {
    if ((err as { code?: string }).code !== 'ENOENT') throw err;
    req.log.error({ err }, 'attachment row without its stored file');
    throw AppError.notFound('Stored file');
  }
  if (range && file.size !== null)
    reply
      .status(206)
      .header('content-range', `bytes ${range.start}-${range.end}/${file.size}`)
      .header('content-length', range.end - range.start + 1);
  else if (file.size !== null) reply.header('content-length', file.size);
  return reply.send(stream);
}
