// The browse view (no query, no filter) counts facets over the whole catalogue: at national scale
// that is the one expensive facet query everybody runs, and its answer changes only when the
// catalogue does. The app keeps it briefly (in its caches, see kernel/caches.ts) together with the
// catalogue's version — the newest entry of the change feed, which every catalogue write adds to —
// and a kept answer counts only while that version is still current. So the writers (the record
// services, through the catalogue sync) need no handle on the cache, and a change made by another
// instance or rolled back is seen as what it is.

import type { Caches } from '../kernel/caches.js';
import { CacheKey } from '../kernel/caches.js';
import type { CatalogueCounts } from './catalogue-count.service.js';

const BROWSE_FACETS = new CacheKey<{ version: number; counts: CatalogueCounts }>('browse facets', 60_000);

/** The browse view's counts, if kept within the last minute for this version of the catalogue. */
export function cachedBrowseFacets(caches: Caches, version: number): CatalogueCounts | undefined {
  const hit = caches.get(BROWSE_FACETS);
  return hit?.version === version ? hit.counts : undefined;
}

/** Keeps the browse view's counts for this version of the catalogue. */
export function cacheBrowseFacets(caches: Caches, version: number, counts: CatalogueCounts): void {
  caches.set(BROWSE_FACETS, { version, counts });
}
