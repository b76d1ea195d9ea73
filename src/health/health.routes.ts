import { z } from 'zod';
import { defineRoute } from '../kernel/route.js';
import { checkHealth } from './health.service.js';

export const healthRoutes = [
  defineRoute({
    method: 'get',
    path: '/health',
    summary:
      'Liveness and dependencies: 200 when PostgreSQL and the object store answer, else 503 naming the failed one',
    tag: 'Health',
    auth: 'public',
    response: z.object({
      status: z.enum(['ok', 'degraded']),
      database: z.enum(['ok', 'unavailable']),
      objectStore: z.enum(['ok', 'unavailable']),
    }),
    handler: async ({ deps }) => {
      const health = await checkHealth(deps);
      return {
        status: health.status === 'ok' ? 200 : 503,
        body: health,
        headers: { 'Cache-Control': 'no-store' },
      };
    },
  }),
];
