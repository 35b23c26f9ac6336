/**
 * Request validation: one Ajv per kind of input. Query strings, path parameters and headers arrive
 * as text, so their validator coerces ("20" → 20, "a" → ["a"]) before checking. A JSON body
 * carries its own types, so its validator does not: `{"unitId": "12"}` or `{"confirm": "true"}` is a
 * 400 that names the field, not a number or a boolean the client never sent. Both apply defaults
 * and check formats (ajv-formats). With a compiler of its own Fastify no longer lower-cases the
 * keys of header schemas: write them in lower case (`'idempotency-key'`), as Node delivers them.
 */
import { AjvCompiler } from '@fastify/ajv-compiler';
import ajvFormats from 'ajv-formats';
import type { FastifyServerOptions } from 'fastify';

const base = { removeAdditional: false, allErrors: false, useDefaults: true } as const;

/** The server's `ajv` option: what every part shares (the coercing side). */
export const ajvOptions = {
  customOptions: { ...base, coerceTypes: 'array' as const },
  plugins: [ajvFormats as never],
};

type Route = { schema: unknown; method: string; url: string; httpPart?: string };
type Compile = (route: Route) => unknown;

/** Validators built from Fastify's own compiler (shared schemas and plugins included), strict for bodies. */
export function schemaController(): NonNullable<FastifyServerOptions['schemaController']> {
  const pool = AjvCompiler() as unknown as (schemas: unknown, options: typeof ajvOptions) => Compile;
  const buildValidator = (schemas: unknown, options: typeof ajvOptions = ajvOptions): Compile => {
    const coercing = pool(schemas, options);
    const strict = pool(schemas, { ...options, customOptions: { ...options.customOptions, coerceTypes: false as never } });
    return (route) => (route.httpPart === 'body' ? strict : coercing)(route);
  };
  return { compilersFactory: { buildValidator: buildValidator as never } };
}
