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
 * After a page that ended at `end`, read the query ahead in spare time unless READ_AHEAD matches
 * are known past it and the rows of the next half of them are kept already. The task forks `em`:
 * the request's may be gone by then.
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
  // Rows are kept in runs, so one match stands for those before it: the one half a window ahead
  // (or the last known, if fewer are). Reading on only once that one is not kept reads rows in
  // runs of at least half a window, not a page's worth after every page.
  const ahead = knownAfter(set, hasTerms, end, READ_AHEAD);
  const probe = ahead[Math.min(ahead.length, READ_AHEAD / 2) - 1];
  const due = wantsReadAhead(set, hasTerms, end) || (probe !== undefined && !sets.rows.has(probe));
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
