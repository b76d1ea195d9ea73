// Use case: a published book as one PDF, for a scholar to read offline. The first download makes
// it — pages streamed to the reader as they are put together, and at the same time into a scratch
// file that goes to the object store when complete — so every later download is one stored object.
// Only books whose institution offers the images to the public (rights statement `open`).

import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { EntityManager } from '@mikro-orm/postgresql';
import PDFDocument from 'pdfkit';
import { AppError } from '../kernel/app-error.js';
import { readingCopy } from '../iiif/reading-copy.js';
import type { TilePackReader } from '../tile-pack/tile-pack-reader.js';
import { presentationSettings } from '../iiif/manifest.service.js';
import { readingLayout } from '../iiif/presentation-layout.rules.js';
import { bookDownloadsPrefix, bookPdfKey } from '../domain/object-layout.rules.js';
import { imagesArePublic, RIGHTS_STATEMENT_TEXT } from '../institutions/rights-statement.rules.js';
import { readsOnSite } from '../institutions/on-site-networks.rules.js';
import type { ObjectStore } from '../object-store/object-store.js';
import { scratchTempDir } from '../runtime/scratch-dir.js';
import { publishedRecordRow, type PublishedRecordRow } from '../public-pages/record-page.repository.js';
import {
  bookContentKey,
  bookFileName,
  bookmarks,
  pageBox,
  READING_EDGE_PX,
  viewerLayout,
} from './book-pdf.rules.js';

/** A book that may be downloaded, with where its PDF is (or will be) stored. */
export interface DownloadableBook {
  readonly row: PublishedRecordRow;
  readonly fileName: string;
  readonly contentKey: string;
  readonly objectKey: string;
  readonly direction: ReturnType<typeof viewerLayout>;
  /** Sent because the reader is in the reading room of an `on_site` institution: never in a shared cache. */
  readonly onSite: boolean;
}

/**
 * The book behind a census number, or the reason it cannot be downloaded (404, 403). A reader at
 * `address` inside an `on_site` institution's reading-room networks may download its books.
 */
export async function downloadableBook(
  em: EntityManager,
  censusNumber: string,
  address = '',
): Promise<DownloadableBook> {
  const row = await publishedRecordRow(em, censusNumber);
  if (!row) throw AppError.notFound(`Published record ${censusNumber}`, `已发布记录 ${censusNumber} `);
  const onSite = readsOnSite(row.rights_statement, row.on_site_networks ?? [], address);
  if (!imagesArePublic(row.rights_statement) && !onSite) {
    const terms = RIGHTS_STATEMENT_TEXT[row.rights_statement];
    throw new AppError(
      403,
      'IMAGE_RESTRICTED',
      `该书图像不向公众提供下载（${row.institution_name}规定：${terms.labelZh}）。${terms.termsZh}`,
      `This book's images are not offered for download (${row.institution_name}'s rights statement: ${terms.labelEn}). ${terms.termsEn}`,
    );
  }
  if (row.images.length === 0) {
    throw new AppError(
      404,
      'NO_PAGE_IMAGES',
      `记录 ${censusNumber} 尚无页面图像`,
      `Record ${censusNumber} has no page images yet`,
    );
  }
  const { layouts } = await presentationSettings(em);
  const contentKey = bookContentKey({
    censusNumber: row.census_number,
    title: row.body.title,
    pages: row.images,
  });
  return {
    row,
    fileName: bookFileName(row.census_number),
    contentKey,
    objectKey: bookPdfKey(row.record_id, contentKey),
    direction: viewerLayout(readingLayout(row.body.binding, row.type, layouts).viewingDirection),
    onSite,
  };
}

/** The stored PDF of the book, when an earlier download made it. */
export async function storedBookPdf(
  store: ObjectStore,
  book: DownloadableBook,
): Promise<{ stream: Readable; size: number } | undefined> {
  const info = await store.stat(book.objectKey);
  if (!info) return undefined;
  return { stream: await store.get(book.objectKey), size: info.size };
}

/** Bytes the PDF may hold unread before page making waits for the reader (or the scratch file). */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

/**
 * Starts making the book's PDF and returns the stream of it at once. Pages follow as they are put
 * together; when the reader goes away the file is still finished and stored. `done` settles when
 * the stored object exists (or making it failed; a book with a page whose tiles are missing is sent
 * with that page blank and not stored).
 */
export function makeBookPdf(
  store: ObjectStore,
  tilePacks: TilePackReader,
  book: DownloadableBook,
): { stream: PassThrough; done: Promise<void> } {
  const doc = new PDFDocument({
    autoFirstPage: false,
    displayTitle: true,
    lang: 'zh-CN',
    pageLayout: book.direction.pageLayout,
    info: { Title: book.row.body.title, Subject: book.row.census_number, Author: book.row.institution_name },
  } as PDFKit.PDFDocumentOptions);
  // pdfkit writes /ViewerPreferences for displayTitle; the reading direction (/Direction /R2L turns
  // a spread right to left, as a 线装 book opens) has no option of its own.
  const root = (
    doc as unknown as { _root: { data: { ViewerPreferences?: { data: Record<string, unknown> } } } }
  )._root;
  if (root.data.ViewerPreferences) root.data.ViewerPreferences.data.Direction = book.direction.direction;
  const reader = new PassThrough();
  doc.pipe(reader);
  const done = (async () => {
    const dir = await scratchTempDir('book-');
    const file = path.join(dir, 'book.pdf');
    try {
      const out = fs.createWriteStream(file);
      doc.pipe(out);
      let complete = true;
      const marks = new Map(bookmarks(book.row.images.map((p) => p.label)).map((m) => [m.page, m.title]));
      for (const [index, page] of book.row.images.entries()) {
        const copy = await readingCopy(tilePacks, page, READING_EDGE_PX);
        const box = pageBox(copy?.width ?? page.width, copy?.height ?? page.height);
        doc.addPage({ size: [box.width, box.height], margin: 0 });
        if (copy) doc.image(copy.jpeg, 0, 0, { width: box.width, height: box.height });
        else complete = false;
        // A bookmark points at the page added last: the first page of its 卷.
        const mark = marks.get(index);
        if (mark) doc.outline.addItem(mark);
        while (doc.readableLength > MAX_BUFFERED_BYTES) await new Promise((r) => setTimeout(r, 20));
      }
      doc.end();
      await finished(out);
      if (!complete) return;
      await store.putFile(book.objectKey, file, { 'Content-Type': 'application/pdf' });
      // Earlier versions of the book (pages changed since) are no longer anybody's download.
      const stale = (await store.list(bookDownloadsPrefix(book.row.record_id))).filter(
        (k) => k !== book.objectKey,
      );
      await store.remove(stale);
    } catch (error) {
      reader.destroy(error as Error);
      throw error;
    } finally {
      await fs.promises.rm(dir, { recursive: true, force: true });
    }
  })();
  return { stream: reader, done };
}
