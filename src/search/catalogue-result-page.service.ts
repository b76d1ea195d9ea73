// A page of a query's results in rank order with its counts, read through the query's kept result
// set (result-set-cache.ts) where there is one: the search API and the server-rendered results page
// both take their pages from here, so a reader turning pages reads each match once, and past the
// first page the next pages are read ahead in spare time (catalogue-read-ahead.service.ts).

import type { EntityManager } from '@mikro-orm/postgresql';
import type { CatalogueFilter } from './catalogue-where.js';
import type { EntryRow } from './catalogue.repository.js';
import { pageEntries } from './catalogue-entry-rows.service.js';
import { readAheadIfDue } from './catalogue-read-ahead.service.js';
import { rankedPage } from './catalogue-ranking.service.js';
import { searchPlanInputs } from './catalogue-filter.service.js';
import { newResultSet, type ResultSet } from './result-set.rules.js';
import type { ResultSetCache } from './result-set-cache.js';

/** What a result set can hold of a query's counts: the total alone, or the total and the facets. */
type CountField = 'total' | 'counts';

/**
 * The page's entries (`page` counted from 1, of `pageSize`) in rank order and the query's `field`
 * counts, made by `count` when the result set holds none yet. `sets` undefined: nothing is kept.
 */
export async function resultPage<K extends CountField>(
  em: EntityManager,
  filter: CatalogueFilter,
  sets: ResultSetCache | undefined,
  page: { readonly page: number; readonly pageSize: number },
  field: K,
  count: (set: ResultSet) => Promise<NonNullable<ResultSet[K]>>,
): Promise<{ rows: readonly EntryRow[]; counted: NonNullable<ResultSet[K]> }> {
  const offset = (page.page - 1) * page.pageSize;
  const key = JSON.stringify(filter);
  const work = async (kept: ResultSet | undefined, keeping: boolean, waiting: number) => {
    const set = kept ?? (await planned(em, filter));
    const known = set[field] as NonNullable<ResultSet[K]> | undefined;
    // Read ahead only for a reader who turned past the first page, and only into a kept set: after
    // the answer, in spare time, where there is spare time; else with the page itself. With other
    // readers of the query waiting for their turn, with the page too: their pages are likely the
    // next ones, and one read for all of them spares each a read of its own in turn.
    const readOn = keeping && offset > 0;
    const readAheadNow = readOn && (!sets?.readsAheadInSpareTime || waiting > 0);
    const [ranked, counted] = await Promise.all([
      rankedPage(em, filter, set, offset, page.pageSize, readAheadNow),
      known ?? count(set),
    ]);
    const next = ranked.set === set && known ? set : { ...ranked.set, [field]: counted };
    return { set: next, result: { numbers: ranked.numbers, counted, readOn: readOn ? next : undefined } };
  };
  const { numbers, counted, readOn } = sets
    ? await sets.update(key, work)
    : (await work(undefined, false, 0)).result;
  const rows = await pageEntries(em, sets?.rows, numbers);
  if (sets && readOn) readAheadIfDue(em, filter, sets, key, readOn, offset + page.pageSize);
  return { rows, counted };
}

/** A result set that knows nothing yet but the query's plan inputs. */
async function planned(em: EntityManager, filter: CatalogueFilter): Promise<ResultSet> {
  const { stats, counting } = await searchPlanInputs(em, filter);
  return newResultSet(stats, counting);
}
