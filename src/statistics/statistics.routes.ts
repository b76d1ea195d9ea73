import { defineRoute } from '../kernel/route.js';
import { statisticsQuery } from '../triage/triage.schemas.js';
import { statistics } from './statistics.service.js';
import { statisticsResponse } from './statistics.schemas.js';

export const statisticsRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/statistics',
    summary:
      'Counts by grade, 等次, damage level and acidity band, and census completion per institution (nation, province or institution by your role)',
    tag: 'Statistics 统计',
    auth: 'user',
    query: statisticsQuery,
    response: statisticsResponse,
    handler: async ({ scope, query }) => ({ body: await statistics(scope, query) }),
  }),
];
