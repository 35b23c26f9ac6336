/** HTTP for categories, departments, supervision notices, the circular, the sweep and statistics. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  Category,
  CategoryInput,
  CategoryList,
  Circular,
  CircularQuery,
  DepartmentList,
  IdParams,
  NoticePage,
  NoticeQuery,
  Permission,
  Statistics,
  StatisticsQuery,
  SweepResult,
} from '@wangge/contracts';

const tags = ['tickets'];

export const supervisionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { categories, supervision, statistics, ticketSearch } = app.services;
  const readers = { access: { any: [Permission.TicketsRead, Permission.TicketsReport, Permission.ConfigManage] } };

  app.get(
    '/api/v1/ticket-categories',
    { config: readers, schema: { tags, summary: 'The category tree', response: { 200: CategoryList } } },
    () => categories.list(),
  );
  app.post(
    '/api/v1/ticket-categories',
    {
      config: { access: Permission.ConfigManage },
      schema: { tags, summary: 'Add a category (audited)', body: CategoryInput, response: { 201: Category } },
    },
    async (req, reply) => reply.status(201).send(await categories.create(req.actor, req.body)),
  );
  app.put(
    '/api/v1/ticket-categories/:id',
    {
      config: { access: Permission.ConfigManage },
      schema: {
        tags,
        summary: 'Change a category (audited)',
        params: IdParams,
        body: CategoryInput,
        response: { 200: Category },
      },
    },
    (req) => categories.update(req.actor, req.params.id, req.body),
  );
  app.get(
    '/api/v1/departments',
    {
      config: { access: { any: [Permission.TicketsRead, Permission.UnitsRead] } },
      schema: { tags, summary: 'Departments serving the caller’s area', response: { 200: DepartmentList } },
    },
    (req) => ticketSearch.departments(req.actor),
  );
  app.get(
    '/api/v1/supervision/notices',
    {
      config: { access: Permission.TicketsRead },
      schema: { tags, summary: 'Supervision notices (督办函)', querystring: NoticeQuery, response: { 200: NoticePage } },
    },
    (req) => supervision.notices(req.actor, req.query),
  );
  app.get(
    '/api/v1/supervision/circular',
    {
      config: { access: Permission.TicketsRead },
      schema: { tags, summary: 'The circular (通报) of a period', querystring: CircularQuery, response: { 200: Circular } },
    },
    (req) => supervision.circular(req.actor, req.query),
  );
  app.post(
    '/api/v1/supervision/sweep',
    {
      config: { access: Permission.TicketsDispatch },
      schema: { tags, summary: 'Run the deadline sweep now (it also runs every minute)', response: { 200: SweepResult } },
    },
    () => supervision.sweep(),
  );
  app.get(
    '/api/v1/tickets/statistics',
    {
      config: { access: { any: [Permission.TicketsRead, Permission.DashboardRead] } },
      schema: {
        tags,
        summary: 'Statistics for a unit subtree and period',
        querystring: StatisticsQuery,
        response: { 200: Statistics },
      },
    },
    (req) => statistics.statistics(req.actor, req.query),
  );
};
