/** HTTP for tickets: intake, reading, the operations of the loop, the inbox. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  DuplicateList,
  DuplicateQuery,
  IdParams,
  InboxCounts,
  InboxPage,
  InboxQuery,
  OperationBodies,
  Permission,
  Ticket,
  TicketCreate,
  TicketExportQuery,
  TicketListQuery,
  TicketOperations,
  TicketPage,
  TicketTimeline,
  type AnyOperationBody,
} from '@wangge/contracts';
import { Type } from 'typebox';

const tags = ['tickets'];
const IdemHeaders = Type.Object({ 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) });

const opSummary: Record<string, string> = {
  accept: 'Accept (受理)',
  reject: 'Reject as invalid or duplicate (不予受理)',
  assign: 'Assign to a unit below or a department (交办)',
  selfResolve: 'Resolve on the spot (自办自结)',
  start: 'Start handling',
  feedback: 'Procedural feedback (反馈)',
  transfer: 'Transfer to another unit or department (转办)',
  return: 'Return to the previous holder (回退)',
  escalate: 'Escalate one level, or skip levels where allowed (上报)',
  consult: 'Record a consultation with a committed date (会商)',
  requestExtension: 'Request an extension (延期申请)',
  decideExtension: 'Approve or refuse the pending extension',
  resolve: 'Resolve (办结)',
  verify: 'Verify the resolution: pass or fail back (核查)',
  close: 'Close (结案)',
  evaluate: 'Evaluate: satisfied, basically, unsatisfied → redo (评价)',
  reopen: 'Reopen',
};

export const ticketsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { tickets, ticketSearch, ticketOperations, inbox, ticketExport } = app.services;

  app.post(
    '/api/v1/tickets',
    {
      config: { access: Permission.TicketsReport },
      schema: {
        tags,
        summary: 'Report a ticket (收). Idempotency-Key makes a retry one report.',
        headers: IdemHeaders,
        body: TicketCreate,
        response: { 201: Ticket },
      },
    },
    async (req, reply) => {
      const r = await tickets.report(req.actor, req.body, req.headers['idempotency-key']);
      if (r.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(r.ticket);
    },
  );
  app.get(
    '/api/v1/tickets',
    {
      config: { access: Permission.TicketsRead },
      schema: { tags, summary: 'Tickets in scope, filtered', querystring: TicketListQuery, response: { 200: TicketPage } },
    },
    (req) => ticketSearch.list(req.actor, req.query),
  );
  app.get(
    '/api/v1/tickets/export',
    {
      config: { access: Permission.TicketsRead },
      schema: {
        tags,
        summary: 'The filtered list as .xlsx or CSV (at most 50,000 rows, audited)',
        querystring: TicketExportQuery,
      },
    },
    async (req, reply) => {
      const { format = 'xlsx', ...q } = req.query;
      const stream = await ticketExport.export(req.actor, q, format);
      const type =
        format === 'csv' ? 'text/csv; charset=utf-8' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
      return reply
        .header('content-type', type)
        .header('content-disposition', `attachment; filename="tickets.${format}"`)
        .send(stream);
    },
  );
  app.get(
    '/api/v1/tickets/duplicates',
    {
      config: { access: Permission.TicketsReport },
      schema: {
        tags,
        summary: 'Possible duplicates of a report before it is sent',
        querystring: DuplicateQuery,
        response: { 200: DuplicateList },
      },
    },
    (req) => ticketSearch.duplicates(req.actor, req.query),
  );
  app.get(
    '/api/v1/tickets/inbox',
    {
      config: { access: Permission.TicketsHandle },
      schema: { tags, summary: 'What waits for me', querystring: InboxQuery, response: { 200: InboxPage } },
    },
    (req) => inbox.list(req.actor, req.query.box, req.query.limit, req.query.offset),
  );
  app.get(
    '/api/v1/tickets/inbox/counts',
    {
      config: { access: Permission.TicketsHandle },
      schema: { tags, summary: 'Counts per inbox box', response: { 200: InboxCounts } },
    },
    (req) => inbox.counts(req.actor),
  );
  app.get(
    '/api/v1/tickets/:id',
    { config: { access: Permission.TicketsRead }, schema: { tags, params: IdParams, response: { 200: Ticket } } },
    (req) => tickets.get(req.actor, req.params.id),
  );
  app.get(
    '/api/v1/tickets/:id/timeline',
    {
      config: { access: Permission.TicketsRead },
      schema: { tags, summary: 'The immutable timeline', params: IdParams, response: { 200: TicketTimeline } },
    },
    (req) => tickets.timeline(req.actor, req.params.id),
  );
  app.post(
    '/api/v1/tickets/:id/reporter-phone/reveal',
    {
      config: { access: Permission.PersonalReveal },
      schema: {
        tags,
        summary: "Show the reporter's full phone number (audited)",
        params: IdParams,
        response: { 200: Type.Object({ phone: Type.String() }) },
      },
    },
    (req) => tickets.revealReporterPhone(req.actor, req.params.id),
  );

  for (const op of TicketOperations) {
    app.post(
      `/api/v1/tickets/:id/${op}`,
      {
        config: { access: Permission.TicketsHandle },
        schema: {
          tags,
          summary: opSummary[op],
          description:
            'Carries the version the user saw: 409 stale_version when it changed; 409 transition_not_allowed lists what is allowed.',
          params: IdParams,
          headers: IdemHeaders,
          body: OperationBodies[op],
          response: { 200: Ticket },
        },
      },
      async (req, reply) => {
        const r = await ticketOperations.apply(
          req.actor,
          req.params.id,
          op,
          req.body as AnyOperationBody,
          req.headers['idempotency-key'],
        );
        if (r.replayed) reply.header('idempotent-replayed', 'true');
        return r.ticket;
      },
    );
  }
};
