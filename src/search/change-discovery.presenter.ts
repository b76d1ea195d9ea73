// IIIF Change Discovery API 1.0 (Activity Streams): an OrderedCollection whose pages list, oldest
// first, a Create, Update or Delete activity per change of a published record. Aggregators read
// from the last page backwards until they reach what they already have.

export const CHANGE_PAGE_SIZE = 100;
const CONTEXT = 'http://iiif.io/api/discovery/1/context.json';

const feedUrl = (base: string) => `${base}/api/catalogue/changes`;
const pageUrl = (base: string, page: number) => `${feedUrl(base)}/page/${page}`;

/** The collection document: totals and links to the first and last pages. */
export function changeCollection(base: string, total: number) {
  const last = Math.max(0, Math.ceil(total / CHANGE_PAGE_SIZE) - 1);
  return {
    '@context': CONTEXT,
    id: feedUrl(base),
    type: 'OrderedCollection',
    totalItems: total,
    first: { id: pageUrl(base, 0), type: 'OrderedCollectionPage' },
    last: { id: pageUrl(base, last), type: 'OrderedCollectionPage' },
  };
}

/** One page of activities. */
export function changePage(
  base: string,
  page: number,
  total: number,
  rows: ReadonlyArray<{ id: string | number; census_number: string; type: string; at: Date | string }>,
) {
  const lastPage = Math.max(0, Math.ceil(total / CHANGE_PAGE_SIZE) - 1);
  return {
    '@context': CONTEXT,
    id: pageUrl(base, page),
    type: 'OrderedCollectionPage',
    startIndex: page * CHANGE_PAGE_SIZE,
    partOf: { id: feedUrl(base), type: 'OrderedCollection' },
    ...(page > 0 ? { prev: { id: pageUrl(base, page - 1), type: 'OrderedCollectionPage' } } : {}),
    ...(page < lastPage ? { next: { id: pageUrl(base, page + 1), type: 'OrderedCollectionPage' } } : {}),
    orderedItems: rows.map((r) => ({
      id: `${feedUrl(base)}/activity/${r.id}`,
      type: r.type,
      object: {
        id: `${base}/iiif/manifest/${encodeURIComponent(r.census_number)}`,
        type: 'Manifest',
        seeAlso: [
          {
            id: `${base}/api/records/${encodeURIComponent(r.census_number)}`,
            type: 'Dataset',
            format: 'application/json',
          },
        ],
      },
      endTime: new Date(r.at).toISOString(),
    })),
  };
}
