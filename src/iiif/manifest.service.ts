// Use case: the IIIF manifest of one record the caller may see (published records for everyone,
// others for those who may view them — the same rule as the record API).

import type { EntityManager } from '@mikro-orm/postgresql';
import type { Manifest } from '@iiif/presentation-3';
import type { CensusRecord } from '../census/census-record.entity.js';
import type { Institution } from '../institutions/institution.entity.js';
import { loadVisibleRecord } from '../census/record-query.service.js';
import type { ImageAccess } from '../images/image-access.service.js';
import { readSetting } from '../settings/settings.service.js';
import type { RequestContext } from '../kernel/context.js';
import { DEFAULT_IIIF_RIGHTS, presentManifest, type ManifestSource } from './manifest.presenter.js';
import { DEFAULT_READING_LAYOUTS, type ReadingLayoutRule } from './presentation-layout.rules.js';
import type { PresentationUrls } from './presentation-urls.js';
import { imagesArePublic, type RightsStatement } from '../institutions/rights-statement.rules.js';
import { readsOnSite } from '../institutions/on-site-networks.rules.js';

/** The configurable parts of every Presentation document (settings, with shipped defaults). */
export interface PresentationSettings {
  readonly rights: string;
  readonly layouts: readonly ReadingLayoutRule[];
}

/** Reads `iiif_rights` and `iiif_reading_layouts`. */
export async function presentationSettings(em: EntityManager): Promise<PresentationSettings> {
  const rights = await readSetting<string>(em, 'iiif_rights', DEFAULT_IIIF_RIGHTS);
  const layouts = await readSetting<readonly ReadingLayoutRule[]>(
    em,
    'iiif_reading_layouts',
    DEFAULT_READING_LAYOUTS,
  );
  return { rights, layouts };
}

/**
 * The presenter's input for a record (its institution populated). Failed uploads have no canvas.
 * `staffView`: the reader works with the record (sees its workflow), so is sent its images whatever
 * the institution's rights statement; otherwise only open institutions' images are sent, and those
 * of `on_site` institutions to a reader at `address` inside their reading-room networks.
 */
export async function manifestSource(
  em: EntityManager,
  access: ImageAccess,
  record: CensusRecord,
  staffView = false,
  address = '',
): Promise<ManifestSource> {
  const institution = record.institution as Institution;
  // The book's pages only: restoration photos are images of the record too, but document a treatment.
  const images = (await access.pageImages(em, record.id)).filter((i) => i.status !== 'failed');
  const body = record.body;
  return {
    record: {
      censusNumber: record.censusNumber,
      type: record.type,
      title: record.title,
      authors: body.authors ?? [],
      edition: body.edition,
      date: {
        dynasty: record.dynasty ?? null,
        era: record.era ?? null,
        eraYear: record.eraYear ?? null,
        yearFrom: record.yearFrom ?? null,
        yearTo: record.yearTo ?? null,
        precision: record.datePrecision as ManifestSource['record']['date']['precision'],
      },
      grade: record.grade ?? null,
      binding: record.binding ?? null,
      volumes: body.volumes ?? null,
    },
    institution: {
      id: institution.id,
      name: institution.name,
      provinceCode: record.provinceCode,
      rightsStatement: institution.rightsStatement as RightsStatement,
    },
    imagesVisible:
      staffView ||
      imagesArePublic(institution.rightsStatement as RightsStatement) ||
      readsOnSite(institution.rightsStatement as RightsStatement, institution.onSiteNetworks ?? [], address),
    images: images.map((i) => ({
      id: i.id,
      sequence: i.sequence,
      label: i.label,
      width: i.width,
      height: i.height,
    })),
  };
}

/**
 * The manifest of a record the caller may see (404 otherwise), and whether it is the same for
 * everyone (published, with public images) so shared caches may keep it.
 */
export async function getManifest(
  scope: RequestContext,
  access: ImageAccess,
  censusNumber: string,
  urls: PresentationUrls,
): Promise<{ manifest: Manifest; published: boolean }> {
  const { record, workflow } = await loadVisibleRecord(scope, censusNumber);
  const source = await manifestSource(scope.em, access, record, workflow, scope.ip);
  const settings = await presentationSettings(scope.em);
  const openImages = imagesArePublic(source.institution.rightsStatement ?? 'open');
  return {
    manifest: presentManifest(source, { urls, ...settings }),
    published: record.status === 'published' && openImages,
  };
}
