import { recordAudit } from '../audit/audit.service.js';
import { AppError } from '../kernel/app-error.js';
import type { Context } from '../kernel/context.js';
import { loadImageForWrite, loadRecordForImageWrite } from './image-access.service.js';
import { presentImage } from './image.presenter.js';
import { lockRecordAndNextSequence } from './record-image.repository.js';
import { listRecordImages } from './record-images.service.js';

function versionConflict(current: number): AppError {
  return new AppError(
    409,
    'VERSION_CONFLICT',
    `图像已被他人修改（当前版本 ${current}），请刷新后重试`,
    `The image was changed by someone else (current version ${current}); reload and try again`,
    [],
    { currentVersion: current },
  );
}

/** Changes the label of one page image (optimistic lock on `version`). */
export async function relabelImage(
  scope: Context,
  publicUrl: string,
  imageId: string,
  input: { label: string; version?: number | undefined },
) {
  return scope.em.transactional(async (em) => {
    const { image, record } = await loadImageForWrite(scope, imageId, em);
    if (input.version !== undefined && input.version !== image.version) throw versionConflict(image.version);
    const before = image.label;
    if (before !== input.label) {
      image.label = input.label;
      recordAudit(em, scope, {
        action: 'image.relabel',
        entityType: 'record_image',
        entityId: image.id,
        before: { label: before },
        after: { label: input.label },
        provinceCode: record.provinceCode,
        institutionId: record.institution.id,
      });
      await em.flush();
    }
    return presentImage(image, publicUrl, record.censusNumber);
  });
}

/**
 * Puts a record's images in a new order: `imageIds` must list every image of the record exactly
 * once. The (record, sequence) constraint is deferred, so sequences can swap within the transaction.
 */
export async function reorderImages(
  scope: Context,
  publicUrl: string,
  censusNumber: string,
  imageIds: string[],
) {
  return scope.em.transactional(async (em) => {
    const { record } = await loadRecordForImageWrite(scope, censusNumber, em);
    await lockRecordAndNextSequence(em, record.id);
    const images = await listRecordImages(em, record.id);
    const known = new Set(images.map((i) => i.id));
    const sent = new Set(imageIds);
    if (sent.size !== imageIds.length || sent.size !== known.size || imageIds.some((id) => !known.has(id))) {
      throw AppError.badRequest(
        'INVALID_IMAGE_ORDER',
        `imageIds 必须恰好列出该记录的全部 ${known.size} 个图像各一次`,
        `imageIds must list each of the record's ${known.size} images exactly once`,
        [
          {
            path: 'imageIds',
            value: imageIds,
            rule: 'permutation_of_record_images',
            messageZh: '不是该记录图像的一个排列',
            messageEn: "not a permutation of the record's images",
          },
        ],
      );
    }
    const before = images.map((i) => i.id);
    const byId = new Map(images.map((i) => [i.id, i]));
    imageIds.forEach((id, index) => {
      const image = byId.get(id)!;
      if (image.sequence !== index + 1) image.sequence = index + 1;
    });
    recordAudit(em, scope, {
      action: 'image.reorder',
      entityType: 'census_record',
      entityId: censusNumber,
      before: { order: before },
      after: { order: imageIds },
      provinceCode: record.provinceCode,
      institutionId: record.institution.id,
    });
    await em.flush();
    return imageIds.map((id) => presentImage(byId.get(id)!, publicUrl, censusNumber));
  });
}

/** One label of a batch, as sent. */
export interface LabelChange {
  readonly id: string;
  readonly label: string;
  readonly version?: number | undefined;
}

function notOfRecord(changes: readonly LabelChange[], known: Set<string>, count: number): AppError | null {
  const seen = new Set<string>();
  const problems = changes.flatMap((change, index) => {
    const duplicate = seen.has(change.id);
    seen.add(change.id);
    if (known.has(change.id) && !duplicate) return [];
    return [
      {
        path: `items[${index}].id`,
        value: change.id,
        rule: duplicate ? 'unique' : 'image_of_record',
        messageZh: duplicate ? '同一图像出现了两次' : '不是该记录的图像',
        messageEn: duplicate ? 'the same image is listed twice' : "not one of the record's images",
      },
    ];
  });
  if (!problems.length) return null;
  return AppError.badRequest(
    'INVALID_IMAGE_LABELS',
    `items 只能列出该记录的图像（共 ${count} 个），每个至多一次`,
    `items may list only the record's images (${count} in all), each at most once`,
    problems,
  );
}

/**
 * Relabels several page images of one record at once (a batch labelled by a 卷/叶 pattern): every
 * label is stored, or none (an unknown image or a stale version refuses the whole batch).
 */
export async function relabelImages(
  scope: Context,
  publicUrl: string,
  censusNumber: string,
  changes: readonly LabelChange[],
) {
  return scope.em.transactional(async (em) => {
    const { record } = await loadRecordForImageWrite(scope, censusNumber, em);
    await lockRecordAndNextSequence(em, record.id);
    const images = await listRecordImages(em, record.id);
    const byId = new Map(images.map((i) => [i.id, i]));
    const refused = notOfRecord(changes, new Set(byId.keys()), images.length);
    if (refused) throw refused;
    const stale = changes.find((c) => c.version !== undefined && c.version !== byId.get(c.id)!.version);
    if (stale) throw versionConflict(byId.get(stale.id)!.version);
    for (const change of changes) {
      const image = byId.get(change.id)!;
      if (image.label === change.label) continue;
      recordAudit(em, scope, {
        action: 'image.relabel',
        entityType: 'record_image',
        entityId: image.id,
        before: { label: image.label },
        after: { label: change.label },
        provinceCode: record.provinceCode,
        institutionId: record.institution.id,
      });
      image.label = change.label;
    }
    await em.flush();
    return images.map((i) => presentImage(i, publicUrl, censusNumber));
  });
}
