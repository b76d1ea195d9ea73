import type { EntityManager } from '@mikro-orm/postgresql';
import type { ImageAccessSubject } from '../images/image-access.service.js';
import type { RightsStatement } from '../institutions/rights-statement.rules.js';

/** What delivery needs to know about an image and its record. */
export interface DeliverableImage extends ImageAccessSubject {
  readonly width: number;
  readonly height: number;
  readonly status: 'processing' | 'ready' | 'failed';
  readonly sha256: string;
}

/** The image with its record's access facts (one query: tiles arrive by the hundred), or null when unknown. */
export async function findDeliverable(em: EntityManager, key: string): Promise<DeliverableImage | null> {
  const rows = await em.execute<
    Array<{
      id: string;
      width: number;
      height: number;
      status: DeliverableImage['status'];
      sha256: string;
      record_status: string;
      institution_id: string;
      province_code: string;
      assigned_reviewer_id: string | null;
      rights_statement: RightsStatement;
      on_site_networks: string[] | null;
    }>
  >(
    `select i.id, i.width, i.height, i.status, i.sha256, r.status as record_status, r.institution_id,
            r.province_code, r.assigned_reviewer_id, inst.rights_statement, inst.on_site_networks
       from record_image i join census_record r on r.id = i.record_id
       join institution inst on inst.id = r.institution_id where i.id = ?`,
    [key],
  );
  const row = rows[0];
  return row
    ? {
        id: row.id,
        width: row.width,
        height: row.height,
        status: row.status,
        sha256: row.sha256,
        published: row.record_status === 'published',
        rights: row.rights_statement,
        onSiteNetworks: row.on_site_networks ?? [],
        record: {
          institutionId: row.institution_id,
          provinceCode: row.province_code,
          status: row.record_status,
          assignedReviewerId: row.assigned_reviewer_id,
        },
      }
    : null;
}

/** The next `limit` ready pages of the image's record in reading order (to warm them). */
export function nextReadyPages(
  em: EntityManager,
  imageId: string,
  limit: number,
): Promise<Array<{ id: string; sha256: string; width: number; height: number }>> {
  return em.execute(
    `select n.id, n.sha256, n.width, n.height from record_image i
       join record_image n on n.record_id = i.record_id and n.sequence > i.sequence and n.status = 'ready'
      where i.id = ? order by n.sequence limit ?`,
    [imageId, limit],
  );
}
