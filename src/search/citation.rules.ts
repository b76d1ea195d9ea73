// How a scholar cites a published record: GB/T 7714-2015 (the national standard for references;
// 古籍 are monographs [M], and a record read online is [M/OL] with the date cited and its permalink)
// and one Western style (Chicago, notes-bibliography, bibliography entry). Text is kept exactly as
// catalogued — no conversion of characters, no romanisation — because a citation must lead back
// to the same catalogue entry.

import type { Responsibility } from '../domain/record.types.js';

/** What a citation needs of a published record. */
export interface CitableRecord {
  readonly censusNumber: string;
  readonly title: string;
  readonly authors: readonly Responsibility[];
  readonly edition: string;
  readonly publisher: string | null;
  readonly place: string | null;
  readonly yearFrom: number | null;
  readonly yearTo: number | null;
  readonly institutionName: string;
  readonly url: string;
}

/** GB/T 7714-2015 §8.1.1: up to three names, then 等 (Western style: et al.). */
const MAX_NAMES = 3;

const names = (authors: readonly Responsibility[]) => authors.map((a) => a.name.trim()).filter((n) => n);

/** The year of publication as both styles print it: 1596, or an inferred range in brackets. */
function yearText(r: CitableRecord): string | null {
  if (r.yearFrom === null) return null;
  if (r.yearTo === null || r.yearTo === r.yearFrom) return String(r.yearFrom);
  return `[${r.yearFrom}-${r.yearTo}]`;
}

/** A sentence part: the text with the style's closing full stop unless it already ends in one. */
const part = (text: string) => (/[.。．]$/u.test(text) ? text : `${text}.`);

/** 出版地: 出版者, 出版年 — each element only when known (GB/T 7714-2015 §8.4). */
function imprint(r: CitableRecord, year: string | null): string | null {
  const where = [r.place, r.publisher].filter((x): x is string => Boolean(x?.trim()));
  const first = where.length === 2 ? `${where[0]}: ${where[1]}` : where[0];
  const pieces = [first, year].filter((x): x is string => Boolean(x));
  return pieces.length ? pieces.join(', ') : null;
}

/** ISO date of citation, as GB/T 7714 writes it ([2026-12-04]). */
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The GB/T 7714-2015 reference of a record read online. */
export function gbt7714(r: CitableRecord, cited: Date): string {
  const all = names(r.authors);
  const people = all.length > MAX_NAMES ? `${all.slice(0, MAX_NAMES).join(', ')}, 等` : all.join(', ');
  const published = imprint(r, yearText(r));
  // The standard's examples end with the bare URL (no full stop that a copy would carry along).
  const segments = [
    people ? part(people) : null,
    part(`${r.title}[M/OL]`),
    r.edition ? part(r.edition) : null,
    published ? part(published) : null,
    part(`${r.institutionName}藏, 普查登记编号 ${r.censusNumber}`),
    part(`[${isoDay(cited)}]`),
    r.url,
  ];
  return segments.filter((s): s is string => s !== null).join(' ');
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A Chicago-style bibliography entry for the record read online. */
export function chicago(r: CitableRecord, cited: Date): string {
  const all = names(r.authors);
  const people =
    all.length > MAX_NAMES
      ? `${all[0]} et al`
      : all.length > 1
        ? `${all.slice(0, -1).join(', ')}, and ${all.at(-1)}`
        : (all[0] ?? null);
  const accessed = `${MONTHS[cited.getUTCMonth()]} ${cited.getUTCDate()}, ${cited.getUTCFullYear()}`;
  const published = imprint(r, yearText(r));
  const segments = [
    people ? part(people) : null,
    part(r.title),
    published ? part(published) : null,
    r.edition ? part(r.edition) : null,
    part(`Held by ${r.institutionName}, census no. ${r.censusNumber}`),
    part(`Accessed ${accessed}`),
    part(r.url),
  ];
  return segments.filter((s): s is string => s !== null).join(' ');
}
