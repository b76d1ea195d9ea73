import { z } from 'zod';
import { defineRoute } from '../kernel/route.js';
import {
  createInstitutionBody,
  institutionFormOptionsResponse,
  institutionIdParams,
  institutionResponse,
  listInstitutionsQuery,
  rightsStatementBody,
  rightsStatementsResponse,
  onSiteNetworksBody,
  updateInstitutionBody,
} from './institution.schemas.js';
import {
  createInstitution,
  getInstitution,
  institutionFormOptions,
  institutionProblems,
  listInstitutions,
  updateInstitution,
} from './institution.service.js';
import { setRightsStatement } from './institution-rights.service.js';
import { setOnSiteNetworks } from './institution-on-site.service.js';
import { presentRightsStatement } from './institution.presenter.js';
import { RIGHTS_STATEMENTS, usesOnSiteNetworks } from './rights-statement.rules.js';
import { PROVINCES } from './provinces.data.js';
import { INSTITUTION_TYPES } from './institution-types.js';

const tag = 'Institutions 收藏单位';

export const institutionRoutes = [
  defineRoute({
    method: 'get',
    path: '/api/provinces',
    summary: 'The 34 provincial-level divisions (GB/T 2260)',
    tag,
    auth: 'public',
    response: z.object({
      items: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })),
    }),
    handler: async () => ({ body: { items: PROVINCES } }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/institution-types',
    summary: 'Institution types',
    tag,
    auth: 'public',
    handler: async () => ({ body: { items: INSTITUTION_TYPES } }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/rights-statements',
    summary: 'Rights statements an institution may set for its images, with labels and terms (zh, en)',
    tag,
    auth: 'public',
    response: rightsStatementsResponse,
    handler: async () => ({
      body: {
        items: RIGHTS_STATEMENTS.map((value) => ({
          value,
          ...presentRightsStatement(value),
          usesOnSiteNetworks: usesOnSiteNetworks(value),
        })),
      },
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/institutions',
    summary: 'Create an institution',
    tag,
    auth: 'user',
    body: createInstitutionBody,
    bodyProblems: ({ scope, body }) => institutionProblems(scope, body),
    response: institutionResponse,
    handler: async ({ scope, body }) => ({ body: await createInstitution(scope, body) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/institutions',
    summary: 'List institutions (filters, pagination)',
    tag,
    auth: 'user',
    query: listInstitutionsQuery,
    response: z.object({
      items: z.array(institutionResponse),
      total: z.number(),
      page: z.number(),
      pageSize: z.number(),
      mayCreate: z.boolean(),
    }),
    handler: async ({ scope, query }) => ({ body: await listInstitutions(scope, query) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/institution-form-options',
    summary: 'The provinces, types and key-protection batches I may use on the institution form',
    tag,
    auth: 'user',
    response: institutionFormOptionsResponse,
    handler: async ({ scope }) => ({ body: institutionFormOptions(scope) }),
  }),
  defineRoute({
    method: 'get',
    path: '/api/institutions/:id',
    summary: 'Get one institution',
    tag,
    auth: 'user',
    params: institutionIdParams,
    response: institutionResponse,
    handler: async ({ scope, params }) => ({ body: await getInstitution(scope, params.id) }),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/institutions/:id',
    summary: 'Change an institution (optional `version` for optimistic locking)',
    tag,
    auth: 'user',
    params: institutionIdParams,
    body: updateInstitutionBody,
    bodyProblems: ({ scope, params, body }) => institutionProblems(scope, body, params.id),
    response: institutionResponse,
    handler: async ({ scope, params, body }) => ({ body: await updateInstitution(scope, params.id, body) }),
  }),
  defineRoute({
    method: 'put',
    path: '/api/institutions/:id/rights-statement',
    summary:
      'Set the rights statement of its images: open | on_site (仅限馆内阅览) | metadata_only (仅元数据); its cataloguers, its province or national admins',
    tag,
    auth: 'user',
    params: institutionIdParams,
    body: rightsStatementBody,
    response: institutionResponse,
    handler: async ({ scope, params, body }) => ({ body: await setRightsStatement(scope, params.id, body) }),
  }),
  defineRoute({
    method: 'put',
    path: '/api/institutions/:id/on-site-networks',
    summary:
      'Set its reading-room networks (CIDR, IPv4 ≥ /16, IPv6 ≥ /32, at most 50): readers there are sent the images of on_site records; whoever may set the rights statement',
    tag,
    auth: 'user',
    params: institutionIdParams,
    body: onSiteNetworksBody,
    response: institutionResponse,
    handler: async ({ scope, params, body }) => ({ body: await setOnSiteNetworks(scope, params.id, body) }),
  }),
];
