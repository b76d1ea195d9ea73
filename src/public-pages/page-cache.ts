// Rendered public pages kept in memory, so a page many readers open is built once. It serves only
// while it hears of every change (the change listener keeps it listening to PostgreSQL's
// public_pages_changed, which every instance's writes send): any change forgets every page, and a
// page rendered from reads that began before a change is never kept. Only answers that are the
// same for every reader are put here; the routes decide which.

import { bodyBytes, ChangeFollowingCache } from '../http-cache/change-following-cache.js';
import type { EncodedPage } from './page-encoding.js';

export type { RenderTicket } from '../http-cache/change-following-cache.js';

/** A kept page: UTF-8 encoded once, with its strong validator (and its gzip form once asked for). */
export type CachedPage = EncodedPage;

/** Default bound of the kept pages' bytes (as UTF-8; their gzip copies add about a third). */
export const DEFAULT_PAGE_CACHE_BYTES = 64 * 1024 * 1024;

/**
 * Pages are kept from their second rendering among this many lately: a record page opened twice
 * within the last 10,000 renderings (minutes at a busy hour, seconds under a crawler) is kept; a
 * random record of millions read once is not.
 */
const ADMIT_AFTER_RENDERINGS = 10_000;

/** Least-recently-used pages up to a total size, forgotten whole on every change of the catalogue. */
export class PublicPageCache extends ChangeFollowingCache<CachedPage> {
  constructor(maxBytes = DEFAULT_PAGE_CACHE_BYTES) {
    super(maxBytes, bodyBytes, { admitAfter: ADMIT_AFTER_RENDERINGS });
  }
}
