import { z } from 'zod';
import { defineRoute } from '../kernel/route.js';
import { checkGujiDate, normaliseEditionDate } from './dates/edition-date.rules.js';
import { displayEditionDate } from './dates/edition-date-display.rules.js';
import { editionDateResponse } from './record-response.schemas.js';
import { RECORD_TYPES } from '../domain/record.types.js';

/** Normalises an edition statement as the record form types it (the same rules the record save uses). */
export const editionDateRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/edition-date',
    summary:
      'Normalise an edition statement: {dynasty, era, eraYear, yearFrom, yearTo, precision} and its display text, or the error (`type=guji` also refuses dates from 1912 on)',
    tag: 'Records 普查记录',
    auth: 'public',
    query: z.strictObject({
      text: z.string().max(2000),
      dynastyHint: z.string().max(16).optional(),
      // With the record's type, a 古籍 dated 1912 or later is refused as saving it would be.
      type: z.enum(RECORD_TYPES).optional(),
    }),
    response: editionDateResponse,
    handler: async ({ query, deps }) => {
      const result = normaliseEditionDate(query.text, {
        eraYearMargin: deps.config.eraYearMargin,
        ...(query.dynastyHint ? { dynastyHint: query.dynastyHint } : {}),
      });
      const refused = query.type === 'guji' ? checkGujiDate(result, query.text) : null;
      const body =
        refused && result.ok
          ? { ok: false, error: refused }
          : result.ok
            ? {
                ...result,
                display: displayEditionDate(result.date),
                laterDisplay: result.later.flatMap((d) => displayEditionDate(d) ?? []),
              }
            : result;
      return { body, headers: { 'Cache-Control': 'public, max-age=3600' } };
    },
  }),
];
