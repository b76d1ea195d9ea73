// The ONE table of the web's page paths. The server answers each with the app's index.html
// (web.routes.ts); the app's router (src/web/app/router.tsx) and its page table (src/web/app/pages.ts)
// take their pages from the same entries. A new page = an entry here and its component there;
// nothing else lists paths.
// This file is read by Node and by the browser build, so it imports nothing.

/** A page path of the web. */
export interface PageRoute {
  /** Koa-router style pattern, `:name` for a parameter. */
  readonly path: string;
}

/** Every page path, in the order the routers try them. */
export const PAGE_ROUTES = [
  { path: '/' },
  { path: '/login' },
  { path: '/institutions' },
  { path: '/institutions/new' },
  { path: '/institutions/:id' },
  { path: '/institutions/:id/imports' },
  { path: '/imports/:id' },
  { path: '/users' },
  { path: '/users/new' },
  { path: '/account' },
  { path: '/audit' },
  { path: '/code-lists' },
  { path: '/records' },
  { path: '/records/new' },
  { path: '/records/:censusNumber' },
  { path: '/records/:censusNumber/edit' },
  { path: '/records/:censusNumber/history' },
  { path: '/records/:censusNumber/condition' },
  { path: '/records/:censusNumber/images' },
  { path: '/triage' },
  { path: '/statistics' },
  { path: '/review' },
  { path: '/review/:censusNumber' },
  { path: '/catalogue' },
  { path: '/compare' },
  { path: '/restoration' },
  { path: '/work-orders/:id' },
] as const satisfies readonly PageRoute[];

/** The page paths; the app's page table (src/web/app/pages.ts) must cover exactly these. */
export type AppPath = (typeof PAGE_ROUTES)[number]['path'];

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
