// What a downloaded book looks like as a PDF: pages at reading size, page boxes of A4 height so a
// reader's "100 %" is a printed page, the reading direction of the book (Chinese books right to
// left, two leaves side by side), bookmarks per 卷, and a content key that changes whenever a page,
// its order or its label changes (the cached file is then made anew).

import { createHash } from 'node:crypto';
import type { ViewingDirection } from '@iiif/presentation-3';
import { juanRuns } from '../iiif/presentation-ranges.rules.js';

/** Longer edge of a page image in the PDF, in pixels (≈ 170 dpi on an A4 page: text reads, files stay small). */
export const READING_EDGE_PX = 2000;
/** Longer edge of a page box in points: an A4 page's height. */
const PAGE_EDGE_PT = 842;

/** The page box (points) of an image of this pixel size. */
export function pageBox(width: number, height: number): { width: number; height: number } {
  const scale = PAGE_EDGE_PT / Math.max(width, height);
  return { width: Math.round(width * scale * 100) / 100, height: Math.round(height * scale * 100) / 100 };
}

/** The viewer preferences of the book: two pages side by side, turned in the book's direction. */
export function viewerLayout(direction: ViewingDirection): { pageLayout: string; direction: 'L2R' | 'R2L' } {
  const rtl = direction === 'right-to-left';
  // TwoPageRight: the first page alone, as a book's first leaf; PDF's /Direction turns the spread.
  return {
    pageLayout: rtl || direction === 'left-to-right' ? 'TwoPageRight' : 'SinglePage',
    direction: rtl ? 'R2L' : 'L2R',
  };
}

/** Bookmarks: one per run of pages of a 卷, at its first page (0-based), labelled in Chinese. */
export function bookmarks(labels: readonly string[]): Array<{ title: string; page: number }> {
  return juanRuns(labels).map((run) => ({ title: run.zh, page: run.pages[0]! }));
}

/** Identity of a book's content: its number, title and each page (id, master checksum, label) in order. */
export function bookContentKey(book: {
  censusNumber: string;
  title: string;
  pages: ReadonlyArray<{ id: string; sha256: string; label: string }>;
}): string {
  const hash = createHash('sha256');
  hash.update(
    JSON.stringify([book.censusNumber, book.title, book.pages.map((p) => [p.id, p.sha256, p.label])]),
  );
  return hash.digest('hex').slice(0, 32);
}

/** The download's file name: the census number, which is ASCII and unique. */
export function bookFileName(censusNumber: string): string {
  return `${censusNumber.replace(/[^0-9A-Za-z-]/g, '_')}.pdf`;
}
