// The app's router: pages come from the shared table (src/web/page-routes.ts). A link to a page of
// the app changes the URL in place; a link elsewhere on the site (API, IIIF, public pages) loads in full.
import { useSyncExternalStore, type AnchorHTMLAttributes, type MouseEvent, type ReactNode } from 'react';
import { matchPageRoute } from '../page-routes.js';

const CHANGE = 'census:navigate';

function subscribe(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  window.addEventListener(CHANGE, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(CHANGE, listener);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

/** The current path and query, re-rendering on navigation. */
export function useLocation(): { pathname: string; search: URLSearchParams } {
  const here = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(here, window.location.origin);
  return { pathname: url.pathname, search: url.searchParams };
}

/** Whether this path is one of the app's pages (else it is another part of the site: the API, the
 * IIIF documents, the server-rendered public pages, a download). */
export function isAppPath(pathname: string): boolean {
  return matchPageRoute(pathname) !== null;
}

/** Goes to a same-site URL: in place for the app's pages, by a full load for anything else. */
export function navigate(url: string, { replace = false } = {}): void {
  const target = new URL(url, window.location.href);
  if (!isAppPath(target.pathname)) {
    if (replace) window.location.replace(target.href);
    else window.location.assign(target.href);
    return;
  }
  const next = target.pathname + target.search + target.hash;
  if (replace) window.history.replaceState(null, '', next);
  else window.history.pushState(null, '', next);
  window.dispatchEvent(new Event(CHANGE));
}

/** A same-site path that is safe to go to after login (no protocol-relative or foreign URLs). */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

/** An in-site link: a real <a href> (keyboard, new tab), navigated in place when the app owns it. */
export function Link({
  href,
  children,
  ...rest
}: { href: string; children: ReactNode } & AnchorHTMLAttributes<HTMLAnchorElement>) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    rest.onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
      return;
    if (!isAppPath(new URL(href, window.location.href).pathname)) return;
    event.preventDefault();
    navigate(href);
  };
  return (
    <a href={href} {...rest} onClick={onClick}>
      {children}
    </a>
  );
}
