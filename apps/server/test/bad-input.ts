/**
 * Bad input for bad-input.test.ts, generated from the OpenAPI document: for each operation, path,
 * query and header parameters of the wrong type or out of range, odd Unicode and huge strings, and
 * JSON bodies that are malformed, of the wrong shape or wrong in one property at a time. Seeded, so
 * every run sends the same requests. ajv with the server's own options is the oracle: a case the
 * schema rejects must get a 4xx; a case the schema accepts (an emoji in a name) must still not get
 * a 5xx.
 */
import type Ajv from 'ajv';
import { pick, sample, seeded, typeOf, validates, type Schema } from './bad-input-schema.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- the OpenAPI document is untyped JSON */

export interface Operation {
  method: string;
  path: string;
  params: { in: string; name: string; required?: boolean; schema: Schema }[];
  body?: { type: string; schema?: Schema };
}

export interface BadCase {
  name: string;
  url: string;
  headers: Record<string, string>;
  payload?: string;
  /** The schema rejects it: only a 4xx is right. Otherwise anything but a 5xx is. */
  mustReject: boolean;
}

export function operationsOf(doc: any): Operation[] {
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries<any>(doc.paths)) {
    for (const [method, op] of Object.entries<any>(item)) {
      const content = op.requestBody?.content ?? {};
      const type = Object.keys(content)[0];
      ops.push({
        method: method.toUpperCase(),
        path,
        params: op.parameters ?? [],
        ...(type ? { body: { type, schema: content[type].schema } } : {}),
      });
    }
  }
  return ops;
}

const HUGE = '界'.repeat(100_000 / 3);
/** Numbers out of the usual range, as text (the same in a URL and in JSON). */
const NUMBERS: Record<string, string> = {
  negative: '-1',
  zero: '0',
  fraction: '1.5',
  int32Overflow: '2147483648',
  beyondSafeInteger: '9007199254740993',
  huge: '1e308',
};
/** Raw strings for URLs (already percent-encoded where a browser would) and for JSON text. */
export const PATH_VALUES: Record<string, string> = {
  word: 'abc',
  ...NUMBERS,
  nul: '%00',
  loneSurrogate: '%ED%A0%80',
  rtl: encodeURIComponent('\u202e1'),
  emoji: encodeURIComponent('🙂'),
  long: 'x'.repeat(100_000),
};
const QUERY_VALUES: Record<string, string> = { ...PATH_VALUES, empty: '', long: encodeURIComponent(HUGE) };
// JSON text, so a lone surrogate and NUL travel as escapes the way a client would send them.
const STRING_VALUES: Record<string, string> = {
  nul: '"a\\u0000b"',
  loneSurrogate: '"\\ud800"',
  rtl: '"\\u202eabc"',
  emoji: '"🙂👨‍👩‍👧"',
  huge: JSON.stringify(HUGE),
  empty: '""',
};
const HEADER_VALUES: Record<string, string> = {
  empty: '',
  word: 'abc',
  negative: '-1',
  beyondBigint: '9'.repeat(30),
  long: 'k'.repeat(10_000),
  latin1: 'ÿ\u00a0key',
};
const NUMBER_VALUES: Record<string, string> = {
  ...NUMBERS,
  infinity: '1e999',
  hugeNegative: '-1e308',
};
const WRONG_TYPES: Record<string, string> = {
  string: '"abc"',
  number: '42',
  boolean: 'true',
  object: '{"a":1}',
  array: '[1,"a"]',
  null: 'null',
};
/** Text that a coercing validator would turn into the field's type: a JSON body must carry the type itself. */
const AS_TEXT: Record<string, string> = { integer: '"12"', number: '"1.5"', boolean: '"true"' };

export interface CaseInput {
  /** The oracle for path, query and headers (coercing, as the server). */
  ajv: Ajv;
  /** The oracle for JSON bodies (no coercion, as the server). */
  bodyAjv: Ajv;
  /** A real path parameter value per operation, so body and query cases reach the handler. */
  pathValue: (op: Operation, name: string) => string;
  ids: Record<string, number>;
  /** Cases per part (path, query, body), bounded so the whole file stays quick. */
  limit: number;
}

export function casesFor(op: Operation, { ajv, bodyAjv, pathValue, ids, limit }: CaseInput): BadCase[] {
  const rand = seeded(`${op.method} ${op.path}`);
  const pathParams = op.params.filter((p) => p.in === 'path');
  const query = op.params.filter((p) => p.in === 'query');
  const headerParams = op.params.filter((p) => p.in === 'header');
  const good: Record<string, string> = Object.fromEntries(pathParams.map((p) => [p.name, pathValue(op, p.name)]));
  // Required query parameters keep a good value, so one bad parameter at a time reaches the handler.
  const goodQuery = query.filter((p) => p.required).map((p) => [p.name, String(sample(ajv, p.schema, p.name, ids))] as const);
  const urlWith = (values: Record<string, string>, qs = '') => {
    const name = qs.split('=')[0];
    const rest = goodQuery.filter(([k]) => k !== name).map(([k, v]) => `${k}=${encodeURIComponent(v)}`);
    const all = [...rest, ...(qs ? [qs] : [])].join('&');
    return op.path.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? good[k]!) + (all ? `?${all}` : '');
  };
  const jsonHeaders = { 'content-type': 'application/json' };
  const base = op.body?.schema ? sample(ajv, op.body.schema, 'body', ids) : undefined;
  const baseText = base === undefined ? undefined : JSON.stringify(base);
  const withBase = (c: Omit<BadCase, 'payload' | 'headers'> & Partial<BadCase>): BadCase => ({
    headers: baseText !== undefined ? jsonHeaders : {},
    ...(baseText !== undefined ? { payload: baseText } : {}),
    ...c,
  });
  const cases: BadCase[] = [];

  const pathCases: BadCase[] = [];
  for (const p of pathParams) {
    for (const [label, raw] of Object.entries(PATH_VALUES)) {
      const ok = validates(ajv, { type: 'object', properties: { v: p.schema } }, { v: decodeOrRaw(raw) });
      pathCases.push(withBase({ name: `path ${p.name}=${label}`, url: urlWith({ [p.name]: raw }), mustReject: !ok }));
    }
  }
  cases.push(...pick(pathCases, limit, rand));

  const queryCases: BadCase[] = [];
  for (const p of query) {
    for (const [label, raw] of Object.entries(QUERY_VALUES)) {
      const ok = validates(ajv, { type: 'object', properties: { v: p.schema } }, { v: decodeOrRaw(raw) });
      queryCases.push(withBase({ name: `query ${p.name}=${label}`, url: urlWith({}, `${p.name}=${raw}`), mustReject: !ok }));
    }
    // A repeated parameter arrives as an array.
    const twice = validates(ajv, { type: 'object', properties: { v: p.schema } }, { v: ['1', 'a'] });
    queryCases.push(withBase({ name: `query ${p.name} twice`, url: urlWith({}, `${p.name}=1&${p.name}=a`), mustReject: !twice }));
  }
  cases.push(...pick(queryCases, limit, rand));

  for (const h of headerParams) {
    for (const [label, value] of Object.entries(HEADER_VALUES)) {
      const ok = validates(ajv, h.schema, value);
      const c = withBase({ name: `header ${h.name}=${label}`, url: urlWith({}), mustReject: !ok });
      cases.push({ ...c, headers: { ...c.headers, [h.name]: value } });
    }
  }

  if (op.body?.type === 'application/json') cases.push(...bodyCases(op, bodyAjv, base, urlWith({}), rand, limit));
  else if (op.body) cases.push(...multipartCases(urlWith({})));
  else if (op.method !== 'GET') {
    cases.push({ name: 'body: malformed JSON', url: urlWith({}), headers: jsonHeaders, payload: '{"a":', mustReject: true });
  }
  return cases;
}

function decodeOrRaw(raw: string) {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

function bodyCases(op: Operation, ajv: Ajv, base: unknown, url: string, rand: () => number, limit: number): BadCase[] {
  const schema = op.body!.schema;
  const headers = { 'content-type': 'application/json' };
  const check = (text: string) => {
    try {
      return !validates(ajv, schema, JSON.parse(text));
    } catch {
      return true;
    }
  };
  const of = (name: string, payload: string): BadCase => ({
    name: `body ${name}`,
    url,
    headers,
    payload,
    mustReject: check(payload),
  });
  const fixed: BadCase[] = [
    { name: 'body: empty', url, headers, payload: '', mustReject: true },
    { name: 'body: text/plain', url, headers: { 'content-type': 'text/plain' }, payload: 'x', mustReject: true },
    of(': malformed JSON', '{"a":'),
    of(': null', 'null'),
    of(': a number', '42'),
    of(': a string', '"x"'),
    of(': an array of the body', `[${JSON.stringify(base)}]`),
    of(': {}', '{}'),
    of(': an extra property', JSON.stringify({ ...(base as object), zzUnknown: 1 })),
  ];
  const props: Record<string, Schema> = schema.properties ?? {};
  const mutations: BadCase[] = [];
  const asText: BadCase[] = [];
  const set = (key: string, text: string) => {
    const obj = JSON.stringify({ ...(base as object), [key]: '__X__' });
    return obj.replace('"__X__"', text);
  };
  for (const [key, s] of Object.entries(props)) {
    const t = typeOf(s);
    if ((schema.required ?? []).includes(key)) {
      const { [key]: _, ...rest } = base as Record<string, unknown>;
      mutations.push(of(`missing ${key}`, JSON.stringify(rest)));
    }
    for (const [label, text] of Object.entries(WRONG_TYPES)) {
      if (label !== t && !(label === 'number' && t === 'integer')) mutations.push(of(`${key} as ${label}`, set(key, text)));
    }
    if (AS_TEXT[t]) asText.push(of(`${key} as text ${AS_TEXT[t]}`, set(key, AS_TEXT[t])));
    const values = t === 'string' || t === 'enum' ? STRING_VALUES : t === 'integer' || t === 'number' ? NUMBER_VALUES : {};
    for (const [label, text] of Object.entries(values)) mutations.push(of(`${key}=${label}`, set(key, text)));
  }
  // Every body with a number or boolean field gets one such field as text; the rest join the draw.
  return [...fixed, ...asText.slice(0, 1), ...pick([...mutations, ...asText.slice(1)], limit * 2, rand)];
}

function multipartCases(url: string): BadCase[] {
  const boundary = 'fuzzBoundary';
  return [
    { name: 'multipart: JSON instead', url, headers: { 'content-type': 'application/json' }, payload: '{}', mustReject: true },
    { name: 'multipart: no boundary', url, headers: { 'content-type': 'multipart/form-data' }, payload: 'x', mustReject: true },
    {
      name: 'multipart: no parts',
      url,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}--\r\n`,
      mustReject: true,
    },
    {
      name: 'multipart: truncated',
      url,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload: `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="\u0000🙂.xlsx"\r\n\r\nPK`,
      mustReject: true,
    },
  ];
}
