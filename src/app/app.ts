import Koa from 'koa';
import helmet from 'koa-helmet';
import type { AppDeps } from './app-deps.js';
import type { Route } from '../kernel/route.js';
import { errorMiddleware, wantsErrorPage } from './error-middleware.js';
import { requestIdAndAccessLog } from '../kernel/request-id.js';
import { LoopTurns } from '../kernel/loop-turns.js';
import { authMiddleware } from './auth-middleware.js';
import { rejectUnsafeInput } from '../kernel/input-safety.js';
import { jsonBody } from '../kernel/json-body.js';
import { mountRoutes } from './mount-routes.js';
import { PrefixRouters } from './prefix-routers.js';
import { mountDocs } from './docs.routes.js';
import { buildOpenApi } from './openapi.js';
import { AppError } from '../kernel/app-error.js';
import { healthRoutes } from '../health/health.routes.js';
import { authRoutes } from '../auth/auth.routes.js';
import { institutionRoutes } from '../institutions/institutions.routes.js';
import { userRoutes } from '../users/users.routes.js';
import { accountCredentials } from '../auth/account-credentials.js';
import { auditRoutes } from '../audit-log/audit.routes.js';
import { mountWeb } from '../web/web.routes.js';
import { mountPublicPages } from '../public-pages/public-pages.routes.js';
import { forgetAfterWrites } from '../http-cache/forget-after-writes.middleware.js';
import { keepSharedResponses } from '../http-cache/shared-response-cache.js';
import { mountBookDownloads } from '../downloads/book-pdf.routes.js';
import { mountIiifPresentation } from '../iiif/presentation.routes.js';
import { mountIiifImage } from '../iiif/image-routes.js';
import { recordRoutes } from '../census/records.routes.js';
import { reviewRoutes } from '../census/review.routes.js';
import { codeListRoutes } from '../census/code-lists.routes.js';
import { editionDateRoutes } from '../census/edition-date.routes.js';
import { importRoutes } from '../imports/imports.routes.js';
import { IMPORT_KIND_REGISTRY } from './import-kinds.js';
import { exportRoutes } from '../census/export/exports.routes.js';
import { imageRoutes } from '../images/images.routes.js';
import { gradingRoutes } from '../grading/grading.routes.js';
import { conditionRoutes } from '../condition/condition.routes.js';
import { triageRoutes } from '../triage/triage.routes.js';
import { statisticsRoutes } from '../statistics/statistics.routes.js';
import { catalogueRoutes } from '../search/catalogue.routes.js';
import { sitemapRoutes } from '../search/sitemap.routes.js';
import { restorationRoutes } from '../restoration/restoration.routes.js';
import { todoRoutes } from '../todo/todo.routes.js';

const imports = importRoutes(IMPORT_KIND_REGISTRY);

/** Every JSON route of the service; the OpenAPI document is generated from this list. */
export const API_ROUTES: readonly Route[] = [
  ...healthRoutes,
  ...authRoutes,
  ...todoRoutes,
  ...institutionRoutes,
  ...userRoutes(accountCredentials),
  ...auditRoutes,
  ...codeListRoutes,
  ...editionDateRoutes,
  // Bulk routes first: /api/records/bulk/submit must not be taken for /api/records/:censusNumber/submit.
  ...reviewRoutes.filter((r) => r.path.startsWith('/api/records/bulk/')),
  ...recordRoutes,
  ...reviewRoutes.filter((r) => !r.path.startsWith('/api/records/bulk/')),
  imports.upload('records'),
  ...imports.jobs,
  imports.upload('assessments'),
  imports.template,
  ...exportRoutes,
  ...imageRoutes,
  ...gradingRoutes,
  ...conditionRoutes,
  ...triageRoutes,
  ...statisticsRoutes,
  ...catalogueRoutes,
  ...sitemapRoutes,
  ...restorationRoutes,
];

/** Builds the Koa application (no listening: the caller owns the server). */
export function buildApp(deps: AppDeps): Koa {
  // X-Forwarded-Proto/-For are believed only from configured proxies; maxIpsCount takes the
  // address each trusted hop appended (the rightmost ones), never what the client wrote before them.
  const hops = deps.config.trustProxyHops;
  const app = new Koa({ proxy: hops > 0, maxIpsCount: hops });
  app.silent = true;
  const routers = new PrefixRouters();
  // In the list's order: within a router, the first route that matches answers.
  for (const route of API_ROUTES) mountRoutes(routers.for(route.path), [route], deps);
  let openApi: Record<string, unknown> | undefined;
  mountDocs(routers.api, () => (openApi ??= buildOpenApi(API_ROUTES, deps.config.publicUrl)));
  mountWeb(routers.site);
  mountPublicPages(routers.site, deps, deps.publicPages);
  mountBookDownloads(routers.site, deps);
  mountIiifPresentation(routers.site, deps);
  mountIiifImage(routers.site, deps);

  // First of all: every request answered counts as the service being busy.
  if (deps.spareTime) app.use(deps.spareTime.track);
  // Outermost: it keeps each public Image API response exactly as the layers below made it.
  if (deps.sharedResponses) app.use(keepSharedResponses(deps.sharedResponses));
  app.use(requestIdAndAccessLog(deps.logger));
  // Then the request waits for its turn of the event loop, so a busy service still accepts new
  // connections between requests (kernel/loop-turns.ts); the access log's time includes the wait.
  app.use(new LoopTurns().middleware);
  app.use(errorMiddleware(deps.logger));
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          styleSrc: ["'self'", "'unsafe-inline'"],
          scriptSrc: ["'self'"],
          connectSrc: ["'self'"],
          upgradeInsecureRequests: null,
        },
      },
      crossOriginEmbedderPolicy: false,
      hsts: deps.config.secureCookies,
    }),
  );
  app.use(jsonBody({ limitBytes: deps.config.bodyLimitBytes }));
  app.use(rejectUnsafeInput());
  app.use(authMiddleware(deps.orm));
  const keptAnswers = [deps.publicPages, deps.resultSets, deps.imageDelivery, deps.sharedResponses].filter(
    (c) => c !== undefined,
  );
  app.use(forgetAfterWrites(keptAnswers));
  for (const middleware of routers.middleware()) app.use(middleware);
  app.use(async (ctx) => {
    if (ctx.status === 404 && !ctx.body) {
      if (ctx.path.startsWith('/api/'))
        throw AppError.notFound(`Route ${ctx.method} ${ctx.path}`, `接口 ${ctx.method} ${ctx.path} `);
      // A browser that followed a broken link gets a page; other clients Koa's plain 404.
      if (wantsErrorPage(ctx)) throw AppError.notFound(`Page ${ctx.path}`, `页面 ${ctx.path} `);
    }
  });
  return app;
}
