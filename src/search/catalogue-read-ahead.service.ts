// Reading a query on before its reader turns the page: once a reader is past the first page, the
// next READ_AHEAD matches after their page are found and their rows kept (result-set-cache.ts), in
// the service's spare time (kernel/spare-time.ts) — so the pages they turn to next are slices of
// the kept set, rendered without reading the database, and finding them never makes a reader wait.

import type { EntityManager } from '@mikro-orm/postgresql';
import type { CatalogueFilter } from './catalogue-where.js';
import { rankedPage } from './catalogue-ranking.service.js';
import { keepEntries } from './catalogue-entry-rows.service.js';
import { knownAfter, READ_AHEAD, wantsReadAhead, type ResultSet } from './result-set.rules.js';
import type { ResultSetCache } from './result-set-cache.js';

/**
 * After a page that ended at `end`, read the query ahead in spare time unless the next READ_AHEAD
 * matches are known and their rows kept already. `em` is forked: the request's may be gone by then.
 */
export function readAheadIfDue(
  em: EntityManager,
  filter: CatalogueFilter,
  sets: ResultSetCache,
  key: string,
  set: ResultSet,
  end: number,
): void {
  const hasTerms = filter.terms.length > 0;
  // Rows are kept in runs, so the furthest match known ahead stands for those before it (one that
  // was let go is read with its page).
  const furthestKnown = knownAfter(set, hasTerms, end, READ_AHEAD).at(-1);
  const due =
    wantsReadAhead(set, hasTerms, end) || (furthestKnown !== undefined && !sets.rows.has(furthestKnown));
  if (due) sets.readAheadLater(key, end, (furthest) => readAhead(em.fork(), filter, sets, key, furthest));
}

/** Finds the next READ_AHEAD matches after `end` (when not known yet) and keeps their rows. */
async function readAhead(
  em: EntityManager,
  filter: CatalogueFilter,
  sets: ResultSetCache,
  key: string,
  end: number,
): Promise<void> {
  const hasTerms = filter.terms.length > 0;
  const set = await sets.update(key, async (kept, keeping) => {
    // Forgotten meanwhile (a change), or nothing can be kept: nothing to read ahead into.
    if (!kept || !keeping || !wantsReadAhead(kept, hasTerms, end)) return { set: kept, result: kept };
    const ranked = await rankedPage(em, filter, kept, end, READ_AHEAD, true);
    return { set: ranked.set, result: ranked.set };
  });
  if (set) await keepEntries(em, sets.rows, knownAfter(set, hasTerms, end, READ_AHEAD));
}
