// SQL of the public record page (and of its book's download): a published record (its catalogue entry exists exactly while it is
// published), its holding institution, and its page images in reading order.

import type { EntityManager } from '@mikro-orm/postgresql';
import type { RecordBody } from '../census/census-record.entity.js';
import type { RightsStatement } from '../institutions/rights-statement.rules.js';
import { SAME_EDITION_LIMIT } from '../search/same-edition.repository.js';
import { BatchedLookup } from '../kernel/batched-lookup.js';

/** One page image of the book (restoration photos document a treatment and are left out). */
export interface PageImageRow {
  id: string;
  /** The master's SHA-256: which stored tiles (and which made PDF) belong to this version. */
  sha256: string;
  label: string;
  width: number;
  height: number;
}

/** What the page shows of a published record; undefined when the number is not published. */
export interface PublishedRecordRow {
  record_id: string;
  census_number: string;
  type: 'guji' | 'minguo';
  body: RecordBody;
  dynasty: string | null;
  year_from: number | null;
  year_to: number | null;
  updated_at: Date | string;
  /** The 同版 group key ('' none, null not yet computed). */
  edition_key: string | null;
  institution_id: string;
  institution_name: string;
  rights_statement: RightsStatement;
  /** The institution's reading-room networks (CIDR, as entered). */
  on_site_networks: string[] | null;
  province_zh: string | null;
  province_en: string | null;
  /** The ready page images in reading order. */
  images: PageImageRow[];
  /** The setting `iiif_rights` (licence of open images), null when not set. */
  open_rights: string | null;
  /** The other published copies of its 同版 group, in census-number order (only when asked for). */
  copies?: SameEditionCopyRow[];
}

/** Another published copy of the same edition, as the record page lists it. */
export interface SameEditionCopyRow {
  census_number: string;
  title: string;
  edition: string;
  institution_name: string;
}

/** The page's statement over a batch of census numbers; `copies` adds the other copies of each edition. */
function recordPageSql(copies: boolean): string {
  const copiesColumn = copies
    ? `, case when e.edition_key <> '' then coalesce(
         (select json_agg(json_build_object('census_number', c.census_number, 'title', c.title, 'edition', c.edition,
                                            'institution_name', ci.name) order by c.census_number)
            from (select * from catalogue_entry c where c.edition_key = e.edition_key and c.census_number <> e.census_number
                   order by c.census_number limit ${SAME_EDITION_LIMIT}) c
            join institution ci on ci.id = c.institution_id), '[]'::json) else '[]'::json end as copies`
    : '';
  return `select e.record_id, e.census_number, e.type, r.body, e.dynasty, e.year_from, e.year_to, e.updated_at,
            e.edition_key, i.id as institution_id, i.name as institution_name, i.rights_statement, i.on_site_networks,
            pr.name_zh as province_zh, pr.name_en as province_en,
            coalesce((select json_agg(json_build_object('id', im.id, 'sha256', im.sha256, 'label', im.label, 'width', im.width,
                                                        'height', im.height) order by im.sequence)
                        from record_image im
                       where im.record_id = e.record_id and im.status = 'ready'
                         and not exists (select 1 from work_order_photo p where p.image_id = im.id)),
                     '[]'::json) as images,
            (select s.value #>> '{}' from setting s where s.key = 'iiif_rights') as open_rights${copiesColumn}
       from catalogue_entry e
       join census_record r on r.id = e.record_id
       join institution i on i.id = e.institution_id
       left join province pr on pr.code = e.province_code
      where e.census_number = any(?::text[])`;
}

const keyOf = (row: PublishedRecordRow) => row.census_number;
const recordPages = new BatchedLookup<PublishedRecordRow>({
  statement: 'public_record_pages',
  sql: recordPageSql(false),
  keyOf,
});
const recordPagesWithCopies = new BatchedLookup<PublishedRecordRow>({
  statement: 'public_record_pages_with_copies',
  sql: recordPageSql(true),
  keyOf,
});

/** The record page's statements, to be prepared on every pooled connection at start. */
export const RECORD_PAGE_STATEMENTS = [recordPages.warmUp(), recordPagesWithCopies.warmUp()] as const;

/**
 * The published record with this number and its page images (and with `copies`, the other copies
 * of its edition, at most SAME_EDITION_LIMIT), or undefined. This page is what search engines and
 * readers open most: it is one prepared statement, shared by the lookups that arrive together.
 */
export function publishedRecordRow(
  em: EntityManager,
  censusNumber: string,
  options: { copies?: boolean } = {},
): Promise<PublishedRecordRow | undefined> {
  return (options.copies ? recordPagesWithCopies : recordPages).load(em, censusNumber);
}
