/** HTTP for the working calendar: everyone signed in reads it; the system administrator edits and imports it. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CalendarDeadline,
  CalendarDeadlineQuery,
  CalendarImport,
  CalendarWarnings,
  CalendarYear,
  CalendarYearList,
  CalendarYearParams,
  CalendarYearPut,
  Permission,
} from '@wangge/contracts';

const tags = ['calendar'];

export const calendarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const { calendar } = app.services;
  app.get(
    '/api/v1/calendar/years',
    {
      config: { access: 'session' },
      schema: { tags, summary: 'Years with a working calendar, and the years missing one', response: { 200: CalendarYearList } },
    },
    () => calendar.listYears(),
  );
  app.get(
    '/api/v1/calendar/years/:year',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: "A year's holidays and adjusted workdays",
        params: CalendarYearParams,
        response: { 200: CalendarYear },
      },
    },
    (req) => calendar.getYear(req.params.year),
  );
  app.put(
    '/api/v1/calendar/years/:year',
    {
      config: { access: Permission.ConfigManage },
      schema: {
        tags,
        summary: "Replace a year's holidays and adjusted workdays",
        params: CalendarYearParams,
        body: CalendarYearPut,
        response: { 200: CalendarYear },
      },
    },
    (req) => calendar.putYear(req.actor, req.params.year, req.body),
  );
  app.post(
    '/api/v1/calendar/import',
    {
      config: { access: Permission.ConfigManage },
      schema: { tags, summary: 'Store a year from a JSON or CSV file', body: CalendarImport, response: { 200: CalendarYear } },
    },
    (req) => calendar.importYear(req.actor, req.body),
  );
  app.get(
    '/api/v1/calendar/warnings',
    {
      config: { access: Permission.ConfigManage },
      schema: { tags, summary: 'Years needed soon that have no official calendar', response: { 200: CalendarWarnings } },
    },
    () => calendar.warnings(),
  );
  app.get(
    '/api/v1/calendar/deadline',
    {
      config: { access: 'session' },
      schema: {
        tags,
        summary: 'Preview a deadline (民法典 §201–203): give workdays or months',
        querystring: CalendarDeadlineQuery,
        response: { 200: CalendarDeadline },
      },
    },
    (req) => calendar.previewDeadline(req.query),
  );
};
