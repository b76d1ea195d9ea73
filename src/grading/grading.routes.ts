import { gradingListResponse, gradingResponse } from './grading-response.schemas.js';
import { defineRoute } from '../kernel/route.js';
import { censusNumberParams } from '../census/record.schemas.js';
import { createGradingBody, preciousListEntryBody, preciousListQuery } from './grading.schemas.js';
import { createGrading, listGradings } from './grading.service.js';
import { createPreciousListEntry, listPreciousList } from './precious-list.service.js';

const tag = 'Grading 古籍定级';

export const gradingRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/records/:censusNumber/gradings',
    summary:
      'Grade a 古籍 record (grade, 等次, basis of the three values); warnings, never refusals, for contradictions',
    response: gradingResponse,
    tag,
    auth: 'user',
    params: censusNumberParams,
    body: createGradingBody,
    handler: async ({ scope, params, body, deps }) => ({
      body: await createGrading(scope, deps.afterRecordsChanged, params.censusNumber, body),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/records/:censusNumber/gradings',
    summary: 'Grading history of a record, newest (current) first, with the mapped 文物级别',
    response: gradingListResponse,
    tag,
    auth: 'public',
    params: censusNumberParams,
    handler: async ({ scope, params }) => ({ body: await listGradings(scope, params.censusNumber) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/precious-list',
    summary: 'The national precious list (国家珍贵古籍名录)',
    tag,
    auth: 'public',
    query: preciousListQuery,
    handler: async ({ scope, query }) => ({ body: await listPreciousList(scope, query) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/precious-list',
    summary: 'Add a list entry (national admins): number ^\\d{5}(\\.\\d+)?$ unique, batch 1–6, its year',
    tag,
    auth: 'user',
    body: preciousListEntryBody,
    handler: async ({ scope, body }) => ({ body: await createPreciousListEntry(scope, body) }),
  }),
];
