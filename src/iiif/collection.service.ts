// Use case: the IIIF collections nation → province → institution. They list only what the public
// may read: published records with at least one usable page image. Collections are therefore the
// same for every caller and can be mirrored as static files.

import type { EntityManager, Knex } from '@mikro-orm/postgresql';
import type { Collection } from '@iiif/presentation-3';
import { AppError } from '../kernel/app-error.js';
import {
  institutionLabel,
  NATION_LABEL,
  presentCollection,
  provinceLabel,
  type CollectionSource,
} from './collection.presenter.js';
import { chineseText } from '../domain/iiif/presentation-language.rules.js';
import type { CollectionKey, PresentationUrls } from './presentation-urls.js';
import { presentationSettings } from './manifest.service.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Published records with a page image that is not a failed upload. A work order's before/after
 * photo is a record image too but no page of the book: a book with only photos is not digitised.
 */
function digitisedPublished(knex: Knex): Knex.QueryBuilder {
  return knex('census_record as r')
    .where('r.status', 'published')
    .whereExists(
      knex('record_image as img')
        .whereRaw('img.record_id = r.id')
        .whereNot('img.status', 'failed')
        .whereNotExists(knex('work_order_photo as wop').whereRaw('wop.image_id = img.id')),
    );
}

async function nationSource(knex: Knex): Promise<CollectionSource> {
  const rows = (await digitisedPublished(knex)
    .join('province as p', 'p.code', 'r.province_code')
    .distinct('p.code', 'p.name_zh', 'p.name_en')
    .orderBy('p.code')) as Array<{ code: string; name_zh: string; name_en: string }>;
  return {
    key: { level: 'nation' },
    label: NATION_LABEL,
    entries: rows.map((p) => ({
      kind: 'collection',
      key: { level: 'province', code: p.code },
      label: provinceLabel(p.name_zh, p.name_en),
    })),
  };
}

async function provinceSource(knex: Knex, code: string): Promise<CollectionSource> {
  const province = (await knex('province').where('code', code).first()) as
    { code: string; name_zh: string; name_en: string } | undefined;
  if (!province) throw AppError.notFound(`Province ${code}`, `省份 ${code} `);
  const rows = (await digitisedPublished(knex)
    .where('r.province_code', code)
    .join('institution as i', 'i.id', 'r.institution_id')
    .distinct('i.id', 'i.name', 'i.code')
    .orderBy('i.code')) as Array<{ id: string; name: string }>;
  return {
    key: { level: 'province', code },
    label: provinceLabel(province.name_zh, province.name_en),
    parent: { level: 'nation' },
    entries: rows.map((i) => ({
      kind: 'collection',
      key: { level: 'institution', id: i.id },
      label: institutionLabel(i.name),
    })),
  };
}

async function institutionSource(knex: Knex, id: string): Promise<CollectionSource> {
  const institution = UUID.test(id)
    ? ((await knex('institution').where('id', id).first()) as
        { id: string; name: string; province_code: string } | undefined)
    : undefined;
  if (!institution) throw AppError.notFound(`Institution ${id}`, `单位 ${id} `);
  const rows = (await digitisedPublished(knex)
    .where('r.institution_id', id)
    .select('r.census_number', 'r.title')
    .orderBy('r.census_number')) as Array<{ census_number: string; title: string }>;
  return {
    key: { level: 'institution', id },
    label: institutionLabel(institution.name),
    parent: { level: 'province', code: institution.province_code },
    institution: { id, name: institution.name, provinceCode: institution.province_code },
    entries: rows.map((r) => ({
      kind: 'manifest',
      censusNumber: r.census_number,
      label: chineseText(r.title),
    })),
  };
}

/** What a collection lists (404 for an unknown province or institution). */
export async function collectionSource(em: EntityManager, key: CollectionKey): Promise<CollectionSource> {
  const knex = em.getKnex();
  switch (key.level) {
    case 'nation':
      return nationSource(knex);
    case 'province':
      return provinceSource(knex, key.code);
    case 'institution':
      return institutionSource(knex, key.id);
  }
}

/** One collection as IIIF JSON. */
export async function getCollection(
  em: EntityManager,
  key: CollectionKey,
  urls: PresentationUrls,
): Promise<Collection> {
  const source = await collectionSource(em, key);
  const { rights } = await presentationSettings(em);
  return presentCollection(source, { urls, rights });
}
