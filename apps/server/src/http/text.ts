/**
 * Text PostgreSQL cannot store: a NUL character (text columns refuse it, SQLSTATE 22021) and a lone
 * UTF-16 surrogate (sent as a JSON escape such as "\ud800"; jsonb refuses it and text columns would
 * keep a replacement character instead). No field has a use for either, so they are refused at the
 * door for every route, naming the field, instead of failing in whichever query meets them first.
 */
import { ErrorCode, type FieldError } from '@wangge/contracts';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../lib/errors.ts';

const MAX_ERRORS = 10;
// With the u flag a well-formed surrogate pair is one code point, so only a lone half matches.
const LONE_SURROGATE = /\p{Cs}/u;
const storable = (s: string) => !s.includes('\u0000') && !LONE_SURROGATE.test(s);

/** The JSON pointers of strings (values or keys) holding a NUL or a lone surrogate, depth first. */
export function unstorableText(value: unknown, path: string, out: FieldError[] = []): FieldError[] {
  if (out.length >= MAX_ERRORS) return out;
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push({ path, message: 'must not contain a NUL character' });
    else if (LONE_SURROGATE.test(value)) out.push({ path, message: 'must be well-formed Unicode (a lone surrogate)' });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => unstorableText(v, `${path}/${i}`, out));
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const at = `${path}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      if (!storable(key)) out.push({ path: at, message: 'is not an allowed property name' });
      else unstorableText(v, at, out);
    }
  }
  return out;
}

export function registerTextCheck(app: FastifyInstance) {
  app.addHook('preValidation', async (req) => {
    const errors = [
      ...unstorableText(req.params, '/params'),
      ...unstorableText(req.query, '/query'),
      ...unstorableText(req.body, '/body'),
    ];
    const first = errors[0];
    if (first) throw new AppError(400, ErrorCode.ValidationFailed, `${first.path} ${first.message}`, { errors });
  });
}
