/**
 * JSON Schema helpers for bad-input.ts: ajv with the server's own options (the oracle), a valid
 * sample of a schema (the body a bad case changes one thing in), and a seeded shuffle.
 */
import Ajv from 'ajv';
import addFormats from 'ajv-formats';

/* eslint-disable @typescript-eslint/no-explicit-any -- JSON Schema from the OpenAPI document is untyped */
export type Schema = any;

/** mulberry32: a small seeded generator, so the sample of cases is the same in every run. */
export function seeded(text: string) {
  let a = [...text].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** As the server validates: query, path and headers coerced from text; JSON bodies (`coerce: false`) as sent. */
export function makeAjv({ coerce = true } = {}) {
  const ajv = new Ajv({
    coerceTypes: coerce ? 'array' : false,
    removeAdditional: false,
    allErrors: false,
    useDefaults: true,
    strict: false,
  });
  addFormats(ajv);
  return ajv;
}

/** A value the schema accepts, built from the fixtures for ids (unitId, personId…) and checked with ajv. */
export function sample(ajv: Ajv, schema: Schema, name: string, ids: Record<string, number>): unknown {
  if (!schema || typeof schema !== 'object') return null;
  if ('const' in schema) return schema.const;
  if (schema.enum) return schema.enum[0];
  if ('default' in schema && schema.type !== 'object') return schema.default;
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    const nonNull = branches.filter((b: Schema) => b.type !== 'null');
    for (const b of [...nonNull, ...branches]) {
      const v = sample(ajv, b, name, ids);
      if (ajv.validate(b, structuredClone(v))) return v;
    }
    return sample(ajv, nonNull[0] ?? branches[0], name, ids);
  }
  const type = [schema.type].flat()[0];
  if (type === 'object' || schema.properties) {
    const out: Record<string, unknown> = {};
    for (const key of schema.required ?? []) out[key] = sample(ajv, schema.properties?.[key], key, ids);
    return out;
  }
  if (type === 'array') {
    const n = Math.max(1, schema.minItems ?? 0);
    return Array.from({ length: n }, (_, i) => sample(ajv, schema.items, `${name}${i}`, ids));
  }
  if (type === 'integer' || type === 'number') {
    const id = ids[name.replace(/Ids?$/, '')] ?? ids[name];
    if (id !== undefined) return id;
    const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
    return Math.min(Math.max(1, min), schema.maximum ?? Infinity);
  }
  if (type === 'boolean') return true;
  if (type === 'string') {
    const candidates = [
      ...(schema.format === 'date' ? ['2026-10-08'] : []),
      ...(schema.format === 'date-time' ? ['2026-10-08T02:00:00.000Z'] : []),
      '测试',
      'Fuzz-pass-2026!x',
      'fuzzer1',
      '13800000000',
      '430624101009',
      '2026-10',
      '123456',
      '2026-10-08',
      'x'.repeat(schema.minLength ?? 1),
    ];
    return candidates.find((c) => ajv.validate(schema, c)) ?? candidates.at(-1);
  }
  return null;
}

export const typeOf = (s: Schema): string => {
  if (!s) return 'any';
  if (s.anyOf ?? s.oneOf) return typeOf((s.anyOf ?? s.oneOf).find((b: Schema) => b.type !== 'null'));
  if (s.enum || 'const' in s) return 'enum';
  return [s.type].flat()[0] ?? (s.properties ? 'object' : 'any');
};

/** Picks up to n entries, always the same ones for the same seed. */
export function pick<T>(items: T[], n: number, rand: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

export function validates(ajv: Ajv, schema: Schema, value: unknown) {
  return ajv.compile(schema)(structuredClone(value));
}
