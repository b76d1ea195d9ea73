import { triageListResponse } from './triage-response.schemas.js';
import { defineRoute } from '../kernel/route.js';
import { triageQuery, weightsBody } from './triage.schemas.js';
import { exportTriageCsv, listTriage } from './triage.service.js';
import { getTriageWeights, rebuildTriage, setTriageWeights } from './triage-weights.service.js';

const tag = 'Triage 抢救排序';

export const triageRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/triage',
    summary:
      'Ranked rescue list of an institution, province or the nation (by your role), each score explained; filters',
    response: triageListResponse,
    tag,
    auth: 'user',
    query: triageQuery,
    handler: async ({ scope, query }) => ({ body: await listTriage(scope, query) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/triage/export',
    summary: 'The ranked rescue list as CSV (UTF-8 with BOM; first 50,000 rows)',
    tag,
    auth: 'user',
    query: triageQuery,
    handler: async ({ scope, query }) => ({
      body: await exportTriageCsv(scope, query),
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': 'attachment; filename="triage.csv"',
      },
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/triage/weights',
    summary: 'The ranking weights in force',
    tag,
    auth: 'user',
    handler: async ({ scope }) => ({ body: await getTriageWeights(scope) }),
  }),
  defineRoute({
    method: 'put',
    path: '/api/triage/weights',
    summary: 'Replace the ranking weights (national admins); every record is re-ranked',
    tag,
    auth: 'user',
    body: weightsBody,
    handler: async ({ scope, body }) => ({ body: await setTriageWeights(scope, body) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/triage/rebuild',
    summary: 'Re-rank every record from its current grade, damage level and pH (national admins)',
    tag,
    auth: 'user',
    successStatus: 200,
    handler: async ({ scope }) => ({ body: await rebuildTriage(scope) }),
  }),
];
