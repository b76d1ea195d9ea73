// GET /catalogue/records/:censusNumber/book.pdf — the whole book as PDF, beside its public record
// page (a permalink like the page's own, not part of the JSON API).

import type Router from '@koa/router';
import type { Deps } from '../kernel/deps.js';
import type { TilePackReader } from '../tile-pack/tile-pack-reader.js';
import { AppError } from '../kernel/app-error.js';
import { downloadableBook, makeBookPdf, storedBookPdf } from './book-pdf.service.js';
import { matchesEtag } from '../http-cache/shared-response.rules.js';

/** Books being made at once; each is one page at a time, but a page is a JPEG encode. */
const MAX_BOOKS_IN_MAKING = 2;

/** What downloads need besides the kernel's collaborators: the app's tile-pack reader (pages come from the packs). */
export interface BookDownloadDeps extends Deps {
  readonly tilePacks: TilePackReader;
}

export function mountBookDownloads(router: Router, deps: BookDownloadDeps): void {
  let making = 0;
  router.get('/catalogue/records/:censusNumber/book.pdf', async (ctx) => {
    const book = await downloadableBook(ctx.state.em, ctx.params.censusNumber!, ctx.ip);
    const etag = `"${book.contentKey}"`;
    ctx.set('ETag', etag);
    // A book sent because the reader is in the reading room stays in the reader's own browser.
    ctx.set('Cache-Control', book.onSite ? 'private, max-age=86400' : 'public, max-age=86400');
    ctx.set('Content-Disposition', `attachment; filename="${book.fileName}"`);
    if (matchesEtag(ctx.get('If-None-Match'), etag)) {
      ctx.status = 304;
      return;
    }
    ctx.type = 'application/pdf';
    const stored = await storedBookPdf(deps.objectStore, book);
    if (stored) {
      ctx.length = stored.size;
      ctx.body = stored.stream;
      return;
    }
    // HEAD asks what a download would be; it must not set a whole book in making.
    if (ctx.method === 'HEAD') {
      ctx.status = 200;
      return;
    }
    if (making >= MAX_BOOKS_IN_MAKING) {
      ctx.set('Retry-After', '30');
      throw new AppError(
        503,
        'BOOKS_BUSY',
        '正在生成其他图书的 PDF，请稍后再试',
        'Other books are being made into PDFs; please try again shortly',
      );
    }
    making++;
    const { stream, done } = makeBookPdf(deps.objectStore, deps.tilePacks, book);
    done
      .catch((err: unknown) =>
        deps.logger.warn({ err, censusNumber: book.row.census_number }, 'book PDF failed'),
      )
      .finally(() => making--);
    ctx.body = stream;
  });
}
