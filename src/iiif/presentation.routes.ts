// IIIF Presentation 3.0 over HTTP: GET /iiif/manifest/{censusNumber} and /iiif/collection/…
// (nation, province/{code}, institution/{id}). Mounted outside the JSON API because IIIF clients
// expect the JSON-LD media type and open CORS, and these documents are not part of the OpenAPI.

import type Router from '@koa/router';
import type { ParameterizedContext } from 'koa';
import type { Deps } from '../kernel/deps.js';
import type { RequestContext } from '../kernel/context.js';
import { getManifest } from './manifest.service.js';
import { getCollection } from './collection.service.js';
import { serviceUrls, type CollectionKey } from './presentation-urls.js';

/** The media type the Presentation API specifies for its documents. */
export const PRESENTATION_MEDIA_TYPE =
  'application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"';

function scopeOf(ctx: ParameterizedContext): RequestContext {
  return { em: ctx.state.em, actor: ctx.state.actor ?? null, requestId: ctx.state.requestId, ip: ctx.ip };
}

function answer(ctx: ParameterizedContext, body: unknown, isPublic: boolean): void {
  // An unpublished record's manifest depends on who asks; never let a shared cache keep it.
  ctx.set('Cache-Control', isPublic ? 'public, max-age=300' : 'private, no-store');
  ctx.set('Vary', 'Authorization, Cookie');
  ctx.type = PRESENTATION_MEDIA_TYPE;
  ctx.body = JSON.stringify(body);
}

// Set before the handler runs so that error answers (404) reach cross-origin viewers too.
async function cors(ctx: ParameterizedContext, next: () => Promise<unknown>): Promise<void> {
  ctx.set('Access-Control-Allow-Origin', '*');
  await next();
}

/** Registers the Presentation routes on the app's router. */
export function mountIiifPresentation(router: Router, deps: Deps): void {
  const urls = serviceUrls(deps.config.publicUrl);
  router.get('/iiif/manifest/:censusNumber', cors, async (ctx) => {
    const { manifest, published } = await getManifest(
      scopeOf(ctx),
      deps.imageAccess,
      ctx.params.censusNumber!,
      urls,
    );
    answer(ctx, manifest, published);
  });
  const collection =
    (key: (params: Record<string, string>) => CollectionKey) =>
    async (ctx: ParameterizedContext & { params: Record<string, string> }) => {
      answer(ctx, await getCollection(ctx.state.em, key(ctx.params), urls), true);
    };
  router.get(
    '/iiif/collection/nation',
    cors,
    collection(() => ({ level: 'nation' })),
  );
  router.get(
    '/iiif/collection/province/:code',
    cors,
    collection((p) => ({ level: 'province', code: p.code! })),
  );
  router.get(
    '/iiif/collection/institution/:id',
    cors,
    collection((p) => ({ level: 'institution', id: p.id! })),
  );
  router.options(['/iiif/manifest/:censusNumber', '/iiif/collection/*rest'], cors, (ctx) => {
    ctx.set('Access-Control-Allow-Methods', 'GET, OPTIONS');
    ctx.set('Access-Control-Allow-Headers', 'Accept, Authorization');
    ctx.status = 204;
  });
}
