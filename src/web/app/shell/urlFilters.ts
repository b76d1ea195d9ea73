// A list's filters live in the address (so a filtered list can be bookmarked, shared and gone back
// to): read them, with the page, from the query string, write them back as one, and fetch the page
// of the list they ask for (the previous page stays shown while the next one of the same filters loads).
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { call } from '../api/client.js';
import { useLocation } from '../router.js';
import { listQuery } from './ListPager.js';

export type Filters<N extends string> = Record<N, string>;

/** The named filters of the address ('' when absent), the page (from 1), and links to other pages. */
export function useUrlFilters<const N extends string>(names: readonly N[], path: string) {
  const { search } = useLocation();
  const query = search.toString();
  const filters = useMemo(() => {
    const params = new URLSearchParams(query);
    return Object.fromEntries(names.map((n) => [n, params.get(n) ?? ''])) as Filters<N>;
  }, [names, query]);
  const page = Math.max(1, Number.parseInt(search.get('page') ?? '1', 10) || 1);
  return {
    filters,
    page,
    /** Whether any filter is set (then the form offers to clear them). */
    active: Object.values<string>(filters).some(Boolean),
    /** The address of this list at another page, or with other filters. */
    hrefFor: (p: number, other: Partial<Filters<N>> = {}) =>
      `${path}${listQuery({ ...filters, ...other }, p)}`,
  };
}

/** The set filters only, as the API's query wants them (an empty filter is no filter). */
export function setFilters<N extends string>(filters: Filters<N>): Partial<Filters<N>> {
  return Object.fromEntries(Object.entries<string>(filters).filter(([, v]) => v)) as Partial<Filters<N>>;
}

/**
 * The filters of the address and the page of the list they select. `request` is given the API's
 * query (the set filters, the page, the page size) and makes the typed call; `key` names the list in
 * the query cache, what a change elsewhere invalidates (by default the path without its slash).
 */
export function useUrlList<const N extends string, T>(
  path: string,
  names: readonly N[],
  pageSize: number,
  request: (query: never) => Promise<{ data?: T; error?: unknown; response: Response }>,
  key = path.slice(1),
) {
  const url = useUrlFilters(names, path);
  const { filters, page } = url;
  const list = useQuery({
    queryKey: [key, filters, page],
    queryFn: () => call(() => request({ ...setFilters(filters), page, pageSize } as never)),
    // Another page of the same filters keeps the rows shown until it arrives; other filters do not
    // (rows that do not match the filters now shown would mislead).
    placeholderData: (previous, query) =>
      query && JSON.stringify(query.queryKey[1]) === JSON.stringify(filters) ? previous : undefined,
  });
  return { ...url, list };
}
