// Use case: the public page of a published record — its public fields, its page images when the
// institution's rights statement lets the public see them, the other copies of its edition and
// its citations. Anything not published is "not found", whoever asks: the page is the same for all.

import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../kernel/app-error.js';
import { DEFAULT_IIIF_RIGHTS, formatAuthors, formatDate, thumbnailOf } from '../iiif/manifest.presenter.js';
import { serviceUrls } from '../iiif/presentation-urls.js';
import { imagesArePublic, rightsUri } from '../institutions/rights-statement.rules.js';
import { readsOnSite } from '../institutions/on-site-networks.rules.js';
import { citationsOf } from '../search/citation.service.js';
import { recordPermalink } from '../domain/permalink.js';
import { publishedRecordRow } from './record-page.repository.js';
import { THUMBNAIL_STRIP_LIMIT, type RecordPageView } from './record-page.presenter.js';
import { publicFields } from './public-record.rules.js';

/** Longer edges a page is offered at (null: as large as the service sends, `full/max`). */
const PAGE_DOWNLOAD_EDGES = [1000, 2000, null] as const;

/**
 * The view of the record page; 404 when the census number is not a published record. `address`
 * is the reader's (ctx.ip): in the reading-room networks of an `on_site` institution the page shows
 * the thumbnails and the PDF as it does for open books.
 */
export async function recordPageView(
  em: EntityManager,
  publicUrl: string,
  censusNumber: string,
  address = '',
): Promise<RecordPageView> {
  const row = await publishedRecordRow(em, censusNumber, { copies: true });
  if (!row) throw AppError.notFound(`Published record ${censusNumber}`, `已发布记录 ${censusNumber} `);
  const urls = serviceUrls(publicUrl);
  const body = row.body;
  const date = formatDate({
    dynasty: row.dynasty,
    era: null,
    eraYear: null,
    yearFrom: row.year_from,
    yearTo: row.year_to,
    precision: 'unknown',
  });
  const networks = row.on_site_networks ?? [];
  const openImages =
    imagesArePublic(row.rights_statement) || readsOnSite(row.rights_statement, networks, address);
  const images = row.images;
  const copies = row.copies ?? [];
  const openRightsUri = row.open_rights ?? DEFAULT_IIIF_RIGHTS;
  const shown = openImages ? images.slice(0, THUMBNAIL_STRIP_LIMIT) : [];
  const permalink = recordPermalink(publicUrl, row.census_number);
  const citations = citationsOf(
    row.census_number,
    {
      body,
      yearFrom: row.year_from,
      yearTo: row.year_to,
      institutionName: row.institution_name,
      url: permalink,
    },
    new Date(),
  );
  return {
    variesByAddress: row.rights_statement === 'on_site' && networks.length > 0,
    permalink,
    manifestUrl: urls.manifest(row.census_number),
    catalogueUrl: `${publicUrl}/catalogue/search`,
    censusNumber: row.census_number,
    type: row.type,
    title: body.title,
    authors: formatAuthors(body.authors ?? []),
    edition: body.edition,
    yearFrom: row.year_from,
    yearTo: row.year_to,
    fields: publicFields(row.type, body, {
      date,
      institutionName: row.institution_name,
      censusNumber: row.census_number,
    }),
    persons: (body.authors ?? []).map((a) => ({ name: a.name, dynasty: a.dynasty, role: a.role })),
    institution: {
      name: row.institution_name,
      province: row.province_zh,
      url: urls.institutionPage(row.institution_id),
    },
    rights: { statement: row.rights_statement, uri: rightsUri(row.rights_statement, openRightsUri) },
    thumbnails: shown.map((image, i) => {
      const thumb = thumbnailOf(urls, { ...image, sequence: i + 1 });
      return {
        label: image.label,
        url: thumb.id!,
        width: thumb.width ?? 0,
        height: thumb.height ?? 0,
        full: `${urls.imageService(image.id)}/full/max/0/default.jpg`,
        // A reduced size only when smaller than the page itself (the Image API does not enlarge).
        downloads: PAGE_DOWNLOAD_EDGES.filter(
          (edge) => !edge || edge < Math.max(image.width, image.height),
        ).map((edge) => ({
          edge,
          url: `${urls.imageService(image.id)}/full/${edge ? `!${edge},${edge}` : 'max'}/0/default.jpg`,
          fileName: `${row.census_number}-${String(i + 1).padStart(4, '0')}${edge ? `-${edge}` : ''}.jpg`,
        })),
      };
    }),
    pageCount: images.length,
    bookPdfUrl: openImages && images.length > 0 ? `${permalink}/book.pdf` : null,
    sameEdition: {
      grouped: Boolean(row.edition_key),
      copies: copies.map((c) => ({
        censusNumber: c.census_number,
        title: c.title,
        edition: c.edition,
        institutionName: c.institution_name,
        permalink: recordPermalink(publicUrl, c.census_number),
      })),
    },
    citations,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
