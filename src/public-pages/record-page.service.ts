// Use case: the public page of a published record — its public fields, its page images when the
// institution's rights statement lets the public see them, the other copies of its edition and
// its citations. Anything not published is "not found", whoever asks: the page is the same for all.

import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../http/app-error.js';
import { formatAuthors, formatDate, thumbnailOf } from '../iiif/manifest.presenter.js';
import { presentationSettings } from '../iiif/manifest.service.js';
import { serviceUrls } from '../iiif/presentation-urls.js';
import { imagesArePublic, rightsUri } from '../institutions/rights-statement.rules.js';
import { recordCitations } from '../search/citation.service.js';
import { recordPermalink } from '../search/permalink.js';
import { sameEditionCopies } from '../search/same-edition.service.js';
import { pageImages, publishedRecordRow } from './record-page.repository.js';
import { THUMBNAIL_STRIP_LIMIT, type RecordPageView } from './record-page.presenter.js';
import { publicFields } from './public-record.rules.js';

/** The view of the record page; 404 when the census number is not a published record. */
export async function recordPageView(
  em: EntityManager,
  publicUrl: string,
  censusNumber: string,
): Promise<RecordPageView> {
  const row = await publishedRecordRow(em, censusNumber);
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
  const openImages = imagesArePublic(row.rights_statement);
  const images = await pageImages(em, row.record_id);
  const shown = openImages ? images.slice(0, THUMBNAIL_STRIP_LIMIT) : [];
  const sameEdition = await sameEditionCopies(em, censusNumber);
  const citations = await recordCitations(em, censusNumber, publicUrl);
  const settings = await presentationSettings(em);
  return {
    permalink: recordPermalink(publicUrl, row.census_number),
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
    rights: { statement: row.rights_statement, uri: rightsUri(row.rights_statement, settings.rights) },
    thumbnails: shown.map((image, i) => {
      const thumb = thumbnailOf(urls, { ...image, sequence: i + 1 });
      return {
        label: image.label,
        url: thumb.id!,
        width: thumb.width ?? 0,
        height: thumb.height ?? 0,
        full: `${urls.imageService(image.id)}/full/max/0/default.jpg`,
      };
    }),
    pageCount: images.length,
    sameEdition: {
      grouped: sameEdition.grouped,
      copies: sameEdition.copies.map((c) => ({
        censusNumber: c.censusNumber,
        title: c.title,
        edition: c.edition,
        institutionName: c.institution.name,
        permalink: recordPermalink(publicUrl, c.censusNumber),
      })),
    },
    citations: { gbt7714: citations.gbt7714, chicago: citations.chicago },
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}
