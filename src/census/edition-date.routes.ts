import { z } from 'zod';
import { defineRoute } from '../http/route.js';
import { normaliseEditionDate } from './dates/edition-date.rules.js';

/** Normalises an edition statement as the record form types it (the same rules the record save uses). */
export const editionDateRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/edition-date',
    summary:
      'Normalise an edition statement: {dynasty, era, eraYear, yearFrom, yearTo, precision} or the error',
    tag: 'Records 普查记录',
    auth: 'public',
    query: z.strictObject({ text: z.string().max(2000), dynastyHint: z.string().max(16).optional() }),
    handler: async ({ query, deps }) => ({
      body: normaliseEditionDate(query.text, {
        eraYearMargin: deps.config.eraYearMargin,
        ...(query.dynastyHint ? { dynastyHint: query.dynastyHint } : {}),
      }),
      headers: { 'Cache-Control': 'public, max-age=3600' },
    }),
  }),
];
