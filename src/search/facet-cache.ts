// The browse view (no query, no filter) counts facets over the whole catalogue: at national scale
// that is the one expensive facet query everybody runs, and its answer changes only when the
// catalogue does. Keep it briefly, and forget it whenever this process changes the catalogue.

const TTL_MS = 60_000;
const cache = new Map<string, { at: number; value: unknown }>();

/** A cached value, if fresh. */
export function cachedFacets<T>(key: string): T | undefined {
  const hit = cache.get(key);
  if (!hit || Date.now() - hit.at > TTL_MS) return undefined;
  return hit.value as T;
}

/** Keeps a value for the next TTL_MS. */
export function cacheFacets(key: string, value: unknown): void {
  cache.set(key, { at: Date.now(), value });
}

/** Drops every cached value (the catalogue changed). */
export function forgetCachedFacets(): void {
  cache.clear();
}
