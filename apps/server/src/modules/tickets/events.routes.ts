/**
 * Live ticket events as server-sent events: new reports, assignments, state and light changes,
 * supervision notices, limited to the viewer's scope and, with `?within=<unit>`, to the tickets of
 * that unit's subtree (the command center showing a township or a grid). `forYou` marks what is addressed to the
 * viewer's own unit or department. A reconnecting browser sends Last-Event-ID and gets what it
 * missed in its scope and area (up to 500 of those, the scope being part of the query); the live
 * events are checked one by one; a comment every 20 s keeps proxies from closing the stream.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Permission } from '@wangge/contracts';
import { Type } from 'typebox';
import type { Actor } from '../access/actor.ts';
import type { TicketNotice } from './notifier.ts';
import { notificationsRepo } from './notifications.repo.ts';
import { canReadTicket } from './ticket-roles.ts';

const HEARTBEAT_MS = 20_000;
/** The most events a reconnecting client is sent; all of them its own (see notificationsRepo.missed). */
const REPLAY_LIMIT = 500;

function forYou(actor: Actor, n: TicketNotice): boolean {
  return actor.grants.some((g) =>
    g.role === 'departmentHandler'
      ? g.departmentId !== null && g.departmentId === n.departmentId
      : n.departmentId === null && g.unitId === n.unitId,
  );
}

function frame(actor: Actor, n: TicketNotice): string {
  const data = {
    kind: n.kind,
    ticket: { id: n.ticketId, code: n.code, title: n.title, state: n.state },
    light: n.light,
    forYou: forYou(actor, n),
    at: n.at.toISOString(),
  };
  return `id: ${n.id ?? ''}\nevent: ticket\ndata: ${JSON.stringify(data)}\n\n`;
}

export const ticketEventsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { ticketNotifier, access, tickets } = app.services;
  const { db } = app.services.db;

  app.get(
    '/api/v1/tickets/events',
    {
      config: { access: Permission.TicketsRead },
      schema: {
        tags: ['tickets'],
        summary: 'Live ticket events (text/event-stream), scoped to the caller',
        headers: Type.Object({ 'last-event-id': Type.Optional(Type.String({ pattern: '^\\d{1,18}$' })) }),
        querystring: Type.Object(
          {
            within: Type.Optional(
              Type.Integer({ minimum: 1, maximum: 2_147_483_647, description: 'Only tickets of this unit’s subtree' }),
            ),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (req, reply) => {
      const actor = req.actor;
      // A unit outside the caller's scope is refused (403/404) before the stream opens.
      const area =
        req.query.within === undefined
          ? null
          : (await access.requireUnit(actor, Permission.TicketsRead, req.query.within)).unit.path;
      const inArea = (path: string | undefined) =>
        area === null || (path !== undefined && (path === area || path.startsWith(`${area}.`)));
      const visible = (n: TicketNotice) =>
        inArea(n.unitPath) &&
        canReadTicket(actor, {
          unit_path: n.unitPath ?? '',
          holder_unit_path: n.holderPath ?? '',
          department_ids: n.departmentIds ?? [],
        });
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      res.write('retry: 3000\n\n');
      const queue: TicketNotice[] = [];
      let replaying = true;
      const unsubscribe = ticketNotifier.subscribe((n) => {
        if (!visible(n)) return;
        if (replaying) queue.push(n);
        else res.write(frame(actor, n));
      });
      const heartbeat = setInterval(() => res.write(': ping\n\n'), HEARTBEAT_MS);
      req.raw.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
      const last = req.headers['last-event-id'];
      let seen = 0;
      if (last) {
        // Scope and area are in the query: the limit counts this viewer's events only.
        const missed = await notificationsRepo.missed(db, {
          afterId: last,
          scope: tickets.scope(actor),
          within: area,
          limit: REPLAY_LIMIT,
        });
        for (const n of missed) {
          seen = Math.max(seen, n.id!);
          res.write(frame(actor, n));
        }
        // More was missed than one replay holds: the client reloads what it shows instead.
        if (missed.length === REPLAY_LIMIT) res.write(`event: reset\ndata: {"reason":"tooManyMissed"}\n\n`);
      }
      replaying = false;
      for (const n of queue) if ((n.id ?? 0) > seen) res.write(frame(actor, n));
    },
  );
};
