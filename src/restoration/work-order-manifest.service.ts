import { requireActor, type Context } from '../kernel/context.js';
import type { RecordImage } from '../images/record-image.entity.js';
import { loadOrder } from './work-order-access.service.js';
import { WorkOrderPhotoSchema, type WorkOrderPhoto } from './work-order-photo.entity.js';
import { presentWorkOrderManifest } from './work-order-manifest.presenter.js';

/** The before/after manifest of a work order the caller may see (ready images only: others have no tiles yet). */
export async function workOrderManifest(scope: Context, publicUrl: string, id: string) {
  const actor = requireActor(scope);
  const { order } = await loadOrder(scope.em, actor, id);
  const photos = (await scope.em.find(
    WorkOrderPhotoSchema,
    { workOrder: order.id, phase: { $in: ['before', 'after'] } },
    { populate: ['image'], orderBy: { createdAt: 'asc' } },
  )) as Array<WorkOrderPhoto & { image: RecordImage }>;
  return presentWorkOrderManifest(
    {
      workOrderId: order.id,
      censusNumber: order.record.censusNumber,
      title: order.record.title,
      institution: order.institution.name,
      photos: photos
        .filter((p) => p.image.status !== 'failed')
        .map((p) => ({
          imageId: p.image.id,
          phase: p.phase as 'before' | 'after',
          caption: p.caption ?? null,
          width: p.image.width,
          height: p.image.height,
        })),
    },
    `${publicUrl}/iiif/manifest/work-order/${order.id}`,
    (imageId) => `${publicUrl}/iiif/3/${encodeURIComponent(imageId)}`,
  );
}
