/**
 * A small county for ticket tests: county → township → village (+ a second village) → grid, with
 * polygons (so locate works), a county bureau, and signed-in users at each level.
 */
import { systemActor } from '../src/modules/access/actor.ts';
import { api, signIn, smallTree, square, type Client } from './factories.ts';
import type { TestRuntime } from './runtime.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read loosely typed JSON bodies
type Json = any;

export async function ticketWorld(rt: TestRuntime) {
  const tree = await smallTree(rt);
  const { maps } = rt.services;
  await maps.setGeometry(systemActor, tree.county.id, square(112, 28, 2));
  await maps.setGeometry(systemActor, tree.township.id, square(112, 28, 1));
  await maps.setGeometry(systemActor, tree.village.id, square(112, 28, 0.5));
  await maps.setGeometry(systemActor, tree.village2.id, square(112.5, 28, 0.5));
  await maps.setGeometry(systemActor, tree.grid.id, square(112, 28, 0.25));
  const dep = await rt.db.db
    .insertInto('department')
    .values({ unit_id: tree.county.id, code: '430624-SL', name: '县水利局', kind: 'bureau' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const dep2 = await rt.db.db
    .insertInto('department')
    .values({ unit_id: tree.county.id, code: '430624-GA', name: '县公安局', kind: 'bureau' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await rt.services.categories.ensureDefaults();
  const categories: Json[] = (await api(tree.official, 'GET', '/api/v1/ticket-categories')).body;
  const cat = (code: string) => categories.find((c) => c.code === code)!;
  const users = {
    worker: await signIn(rt, 'gridWorker', tree.grid.id),
    village: await signIn(rt, 'villageOfficial', tree.village.id),
    village2: await signIn(rt, 'villageOfficial', tree.village2.id),
    township: await signIn(rt, 'townshipOfficial', tree.township.id),
    dispatcher: await signIn(rt, 'countyDispatcher', tree.county.id),
    handler: await signIn(rt, 'departmentHandler', tree.county.id, { departmentId: dep.id }),
    handler2: await signIn(rt, 'departmentHandler', tree.county.id, { departmentId: dep2.id }),
  };
  return { ...tree, users, cat, departmentId: dep.id, department2Id: dep2.id };
}
export type TicketWorld = Awaited<ReturnType<typeof ticketWorld>>;

/** A point inside the grid. */
export const inGrid = { lng: 112.1, lat: 28.1 };

export function neighbourDispute(w: TicketWorld, extra: Record<string, unknown> = {}) {
  return {
    title: '邻里因排水沟堵塞发生纠纷',
    description: '张家与李家因排水沟堵塞互相指责，需要上门调解。',
    categoryId: w.cat('dispute.neighbour').id,
    channel: 'gridWorker',
    location: inGrid,
    fields: { parties: 2 },
    ...extra,
  };
}

export async function send(c: Client, method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) {
  const res = await c.app.inject({
    method: method as never,
    url,
    headers: { cookie: c.cookie, 'x-csrf-token': c.csrf, ...headers },
    ...(payload !== undefined ? { payload: payload as never } : {}),
  });
  return { status: res.statusCode, headers: res.headers, body: (res.body ? res.json() : undefined) as Json };
}

export async function report(c: Client, body: unknown, key?: string) {
  return send(c, 'POST', '/api/v1/tickets', body, key ? { 'idempotency-key': key } : {});
}

/** Performs an operation with the version the caller last saw; fails the test on an error status. */
export async function op(c: Client, ticket: { id: number; version: number }, name: string, body: Record<string, unknown> = {}) {
  const res = await send(c, 'POST', `/api/v1/tickets/${ticket.id}/${name}`, { version: ticket.version, ...body });
  if (res.status !== 200) throw new Error(`${name} → ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as Json;
}
