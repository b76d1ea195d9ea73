import { recordAudit } from '../audit/audit.service.js';
import { AppError } from '../kernel/app-error.js';
import type { SpooledFile } from '../kernel/multipart.js';
import { requireActor, type Context } from '../kernel/context.js';
import { ingestImages, type IngestDeps } from '../images/image-ingest.service.js';
import { cannotWork, loadOrder } from './work-order-access.service.js';
import { canWorkOn } from './work-order-access.rules.js';
import { WorkOrderLogEntrySchema } from './work-order-log.entity.js';
import { WorkOrderPhotoSchema } from './work-order-photo.entity.js';
import { PHOTO_PHASES, type PhotoPhase } from './work-order.schemas.js';
import { TERMINAL_STATES, type WorkOrderState } from './work-order-state.rules.js';

const PHASE_ZH: Record<PhotoPhase, string> = { before: '修复前', during: '修复中', after: '修复后' };

function badField(path: string, value: unknown, rule: string, zh: string, en: string): AppError {
  return AppError.badRequest('INVALID_PHOTO', zh, en, [{ path, value, rule, messageZh: zh, messageEn: en }]);
}

/** Where masters go, the limits photos are checked against, and the base of the answers' URLs. */
export interface PhotoDeps extends IngestDeps {
  readonly publicUrl: string;
}

export interface PhotoFields {
  readonly phase?: string | undefined;
  readonly caption?: string | undefined;
  readonly logEntryId?: string | undefined;
}

function parsePhase(phase: string | undefined): PhotoPhase {
  if (phase && (PHOTO_PHASES as readonly string[]).includes(phase)) return phase as PhotoPhase;
  throw badField(
    'phase',
    phase ?? null,
    'enum',
    `phase 须为 before（修复前）、during（修复中）或 after（修复后），收到“${phase ?? ''}”`,
    `phase must be before, during or after; got "${phase ?? ''}"`,
  );
}

/** Loads an order whose photos the actor may add (the people doing the work), before the body is read. */
export async function authorisePhotoUpload(scope: Context, id: string) {
  const actor = requireActor(scope);
  const { order, roles } = await loadOrder(scope.em, actor, id);
  if (!canWorkOn(roles)) throw cannotWork();
  if (TERMINAL_STATES.includes(order.state as WorkOrderState)) {
    throw AppError.conflict(
      'ORDER_CLOSED',
      '已结束的工单不能再添加照片',
      'A closed work order takes no more photos',
    );
  }
}

/**
 * Adds before / during / after photos: images' one way in (ingestImages) checks them and makes them
 * IIIF images of the order's record (masters stored, derivative jobs queued), and they are linked to
 * the order in the same transaction; a failure removes the stored masters.
 */
export async function addPhotos(
  scope: Context,
  deps: PhotoDeps,
  id: string,
  files: SpooledFile[],
  fields: PhotoFields,
) {
  const actor = requireActor(scope);
  const phase = parsePhase(fields.phase);
  const caption = fields.caption?.trim().slice(0, 300) || null;
  if (!files.length)
    throw badField('file', null, 'required', '请上传照片文件（字段 file）', 'Upload a photo (field `file`)');
  const { order, roles } = await loadOrder(scope.em, actor, id);
  if (!canWorkOn(roles)) throw cannotWork();
  const { attached } = await ingestImages(
    scope,
    deps,
    {
      record: order.record,
      createdBy: actor.userId,
      label: (_, sequence) => `${PHASE_ZH[phase]}照片 ${sequence}`.slice(0, 100),
      attach: async (em, images) => {
        const logEntry = fields.logEntryId
          ? await em.findOne(WorkOrderLogEntrySchema, { id: fields.logEntryId, workOrder: order.id })
          : null;
        if (fields.logEntryId && !logEntry) {
          throw badField(
            'logEntryId',
            fields.logEntryId,
            'log_entry_of_order',
            '该修复记录不属于本工单',
            'the log entry is not of this work order',
          );
        }
        const photos = images.map((image) =>
          em.create(WorkOrderPhotoSchema, { workOrder: order.id, image, phase, caption, logEntry }),
        );
        recordAudit(em, scope, {
          action: 'work_order.photo',
          entityType: 'work_order',
          entityId: order.id,
          after: { phase, caption, imageIds: images.map((i) => i.id), logEntryId: logEntry?.id ?? null },
          provinceCode: order.provinceCode,
          institutionId: order.institution.id,
        });
        return { photos, logEntry };
      },
    },
    files,
  );
  return {
    items: attached.photos.map((p) => ({
      id: p.id,
      imageId: p.image.id,
      phase,
      caption,
      logEntryId: attached.logEntry?.id ?? null,
      status: p.image.status,
      service: `${deps.publicUrl}/iiif/3/${p.image.id}`,
    })),
  };
}
