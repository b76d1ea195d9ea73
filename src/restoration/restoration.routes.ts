import { z } from 'zod';
import { restorationTermsResponse } from './work-order-response.schemas.js';
import { defineRoute } from '../kernel/route.js';
import {
  grantBody,
  idParams,
  roleBody,
  vocabularyBody,
  vocabularyPatchBody,
  workOrderIdParams,
} from './work-order.schemas.js';
import { grantRestoration, revokeGrant } from './restoration-grant.service.js';
import { grantRole, revokeRole } from './restoration-role.service.js';
import { addTerm, listTerms, updateTerm } from './restoration-vocabulary.service.js';
import { workOrderManifest } from './work-order-manifest.service.js';
import { workOrderRoutes } from './work-orders.routes.js';

const tag = 'Restoration 修复';

/** Grants to restoration centres, studio-head / inspector appointments, vocabularies and the before/after manifest. */
const referenceRoutes = [
  defineRoute({
    method: 'post',
    path: '/api/restoration-grants',
    summary:
      "Grant a record's restoration to a national restoration centre {censusNumber, centreId, note?} (audited)",
    tag,
    auth: 'user',
    body: grantBody,
    successStatus: 201,
    handler: async ({ scope, body }) => ({ body: await grantRestoration(scope, body) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/restoration-grants/:id/revoke',
    summary: 'Revoke a grant: the centre loses access to the record’s work orders',
    tag,
    auth: 'user',
    params: idParams,
    successStatus: 200,
    handler: async ({ scope, params }) => ({ body: await revokeGrant(scope, params.id) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/restoration-roles',
    summary:
      'Appoint an institution account studio head or inspector {userId, role} (provincial/national admins)',
    tag,
    auth: 'user',
    body: roleBody,
    successStatus: 201,
    handler: async ({ scope, body }) => ({ body: await grantRole(scope, body) }),
  }),
  defineRoute({
    method: 'delete',
    path: '/api/restoration-roles/:id',
    summary: 'Withdraw a studio-head / inspector appointment',
    tag,
    auth: 'user',
    params: idParams,
    handler: async ({ scope, params }) => {
      await revokeRole(scope, params.id);
      return { status: 204, body: null };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/api/restoration-terms',
    summary:
      'The restoration vocabularies (techniques, repair papers, pastes, threads, dyes, deacidification agents)',
    response: restorationTermsResponse,
    tag,
    auth: 'user',
    handler: async ({ scope }) => ({ body: await listTerms(scope.em) }),
  }),
  defineRoute({
    method: 'post',
    path: '/api/restoration-terms',
    summary: 'Add a vocabulary term (national admins)',
    tag,
    auth: 'user',
    body: vocabularyBody,
    successStatus: 201,
    handler: async ({ scope, body }) => ({ body: await addTerm(scope, body) }),
  }),
  defineRoute({
    method: 'patch',
    path: '/api/restoration-terms/:id',
    summary: 'Relabel or (de)activate a vocabulary term {version, labelEn?, active?} (national admins)',
    tag,
    auth: 'user',
    params: idParams,
    body: vocabularyPatchBody,
    handler: async ({ scope, params, body }) => ({ body: await updateTerm(scope, params.id, body) }),
  }),
  defineRoute({
    method: 'get',
    path: '/iiif/manifest/work-order/:id',
    summary: 'IIIF Presentation 3.0 manifest of a work order: before and after canvases (ranges per phase)',
    tag,
    auth: 'user',
    params: workOrderIdParams,
    response: z.unknown(),
    handler: async ({ scope, params, deps }) => ({
      body: JSON.stringify(await workOrderManifest(scope, deps.config.publicUrl, params.id)),
      headers: {
        'Content-Type': 'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"',
        'Access-Control-Allow-Origin': '*',
        'Cache-Control': 'private, no-store',
      },
    }),
  }),
];

/** Every route of the restoration module, for API_ROUTES. */
export const restorationRoutes = [...workOrderRoutes, ...referenceRoutes];
