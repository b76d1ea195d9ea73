// The ONE table of the web's page paths. The server serves each path (web.routes.ts): the new app's
// index.html when `app` is true, the old shell (src/web/public) otherwise; the new app's router
// (src/web/app/router.tsx) takes its pages from the same entries. Migrating a page = flipping its
// `app` flag and giving the app a component for it; nothing else lists paths.
// This file is read by Node and by the browser build, so it imports nothing.

/** A page path of the web and which front end draws it. */
export interface PageRoute {
  /** Koa-router style pattern, `:name` for a parameter. */
  readonly path: string;
  /** Drawn by the React app (src/web/app) rather than the old shell (src/web/public). */
  readonly app: boolean;
}

/** Every page path, in the order the routers try them. */
export const PAGE_ROUTES = [
  { path: '/', app: true },
  { path: '/login', app: true },
  { path: '/institutions', app: true },
  { path: '/institutions/new', app: true },
  { path: '/institutions/:id', app: true },
  { path: '/institutions/:id/imports', app: true },
  { path: '/imports/:id', app: true },
  { path: '/users', app: true },
  { path: '/users/new', app: true },
  { path: '/account', app: true },
  { path: '/audit', app: true },
  { path: '/code-lists', app: true },
  { path: '/records', app: true },
  { path: '/records/new', app: true },
  { path: '/records/:censusNumber', app: true },
  { path: '/records/:censusNumber/edit', app: true },
  { path: '/records/:censusNumber/history', app: true },
  { path: '/records/:censusNumber/condition', app: true },
  { path: '/records/:censusNumber/images', app: true },
  { path: '/triage', app: true },
  { path: '/statistics', app: true },
  { path: '/review', app: true },
  { path: '/review/:censusNumber', app: true },
  { path: '/catalogue', app: true },
  { path: '/compare', app: true },
  { path: '/restoration', app: true },
  { path: '/work-orders/:id', app: true },
] as const satisfies readonly PageRoute[];

/** The paths the React app draws; its page table (src/web/app/pages.ts) must cover exactly these. */
export type AppPath = Extract<(typeof PAGE_ROUTES)[number], { app: true }>['path'];

/** The route whose pattern matches a pathname, with its decoded parameters; null when none does. */
export function matchPageRoute(
  pathname: string,
): { route: PageRoute; params: Record<string, string> } | null {
  const parts = pathname.replace(/\/+$/, '').split('/').filter(Boolean);
  for (const route of PAGE_ROUTES) {
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = pattern.every((segment, i) => {
      if (!segment.startsWith(':')) return segment === parts[i];
      params[segment.slice(1)] = decodeURIComponent(parts[i]!);
      return true;
    });
    if (ok) return { route, params };
  }
  return null;
}
