// Which results of a catalogue page show their thumbnail to the reader asking: exactly those whose
// first page the Image API would send them (images' access rule, ImageAccess.decide) — an `on_site` book to a reader in its
// institution's reading-room networks, a restricted book to the staff who work with its images.
// Such an answer differs by reader and must never be kept in a shared cache.

import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../kernel/actor.js';
import { assignedReviewers, type EntryRow } from './catalogue.repository.js';
import type { ImageAccess } from '../images/image-access.service.js';
import { imagesArePublic } from '../institutions/rights-statement.rules.js';

/** Who is asking: their login (if any) and their address (`ctx.ip`, which honours TRUST_PROXY). */
export interface CatalogueReader {
  readonly actor: Actor | null;
  readonly address: string;
}

/** Nobody in particular: the public rule alone (benchmarks, callers without a request). */
export const PUBLIC_READER: CatalogueReader = { actor: null, address: '' };

/** The record ids whose thumbnail the reader is sent, and whether that depended on who they are. */
export async function thumbnailsFor(
  em: EntityManager,
  access: ImageAccess,
  rows: readonly EntryRow[],
  reader: CatalogueReader,
): Promise<{ shown: Set<string>; variesByReader: boolean }> {
  const shown = new Set<string>();
  let variesByReader = false;
  const restricted = rows.filter((row) => row.image_id && !imagesArePublic(row.rights_statement));
  for (const row of rows) if (row.image_id && !restricted.includes(row)) shown.add(row.record_id);
  if (!restricted.length) return { shown, variesByReader };
  // Only a signed-in reader's answer for a restricted book depends on its record (whether they
  // review it); an anonymous reader's rests on the rights and their address, so theirs reads none.
  const reviewers = reader.actor
    ? await assignedReviewers(
        em,
        restricted.map((row) => row.record_id),
      )
    : new Map<string, string | null>();
  for (const row of restricted) {
    const networks = row.on_site_networks ?? [];
    // A restricted book's answer depends on the reader once they are signed in or it has networks.
    if (reader.actor || networks.length) variesByReader = true;
    const decision = await access.decide(
      em,
      reader.actor,
      {
        id: row.image_id!,
        published: true,
        rights: row.rights_statement,
        onSiteNetworks: networks,
        record: {
          institutionId: row.institution_id,
          provinceCode: row.province_code,
          status: 'published',
          assignedReviewerId: reviewers.get(row.record_id) ?? null,
        },
      },
      reader.address,
    );
    if (decision === 'ok') shown.add(row.record_id);
  }
  return { shown, variesByReader };
}
