import { recordAudit } from '../audit/audit.service.js';
import { AppError } from '../kernel/app-error.js';
import { assertSafeInput } from '../kernel/input-safety.js';
import type { SpooledFile } from '../kernel/multipart.js';
import type { Context } from '../kernel/context.js';
import { loadRecordForImageWrite } from './image-access.service.js';
import { presentImage } from './image.presenter.js';
import { ingestImages, type IngestDeps } from './image-ingest.service.js';

/** Where masters go, the limits uploads are checked against, and the base of the answers' URLs. */
export interface ImageUploadDeps extends IngestDeps {
  readonly publicUrl: string;
}

/** Default page label when none was sent: 叶 (leaf) and the sequence number. */
export function defaultLabel(sequence: number): string {
  return `叶${sequence}`;
}

/** Parses the optional `labels` form field: a JSON array of strings, one per file in order. */
export function parseLabels(text: string | undefined, count: number): Array<string | undefined> {
  if (text === undefined || text === '') return Array.from({ length: count }, () => undefined);
  let labels: unknown;
  try {
    labels = JSON.parse(text);
  } catch {
    labels = undefined;
  }
  // JSON inside a form field escapes the request gate: the same check on what it decodes to.
  assertSafeInput(labels, 'form', 'labels');
  if (
    !Array.isArray(labels) ||
    labels.length !== count ||
    labels.some((l) => typeof l !== 'string' || l.trim().length === 0 || l.length > 100)
  ) {
    throw AppError.badRequest(
      'INVALID_LABELS',
      `labels 应为与文件数（${count}）等长的 JSON 字符串数组，每项 1–100 字`,
      `labels must be a JSON array of ${count} strings (one per file, 1–100 characters each)`,
      [
        {
          path: 'labels',
          value: text,
          rule: 'json_string_array',
          messageZh: '格式不正确',
          messageEn: 'invalid format',
        },
      ],
    );
  }
  return (labels as string[]).map((l) => l.trim());
}

/**
 * Adds page images to a record (ingestImages): every file checked first, the masters stored, then
 * the images, their derivative jobs and one audit entry each in one transaction. Any failure
 * removes what was stored: no object, no row.
 */
export async function uploadImages(
  scope: Context,
  deps: ImageUploadDeps,
  censusNumber: string,
  files: SpooledFile[],
  labelsField: string | undefined,
) {
  const { actor, record } = await loadRecordForImageWrite(scope, censusNumber);
  if (!files.length) {
    throw AppError.badRequest('NO_FILES', '请至少上传一个图像文件', 'Upload at least one image file', [
      { path: 'files', rule: 'required', messageZh: '没有文件', messageEn: 'no file' },
    ]);
  }
  const labels = parseLabels(labelsField, files.length);
  const { images } = await ingestImages(
    scope,
    deps,
    {
      record,
      createdBy: actor.userId,
      label: (i, sequence) => labels[i] ?? defaultLabel(sequence),
      attach: async (em, images, uploads) => {
        for (const [i, image] of images.entries()) {
          const upload = uploads[i]!;
          recordAudit(em, scope, {
            action: 'image.upload',
            entityType: 'record_image',
            entityId: image.id,
            after: {
              censusNumber,
              sequence: image.sequence,
              label: image.label,
              format: upload.format,
              width: upload.width,
              height: upload.height,
              sha256: upload.file.sha256,
              originalFilename: image.originalFilename,
            },
            provinceCode: record.provinceCode,
            institutionId: record.institution.id,
          });
        }
      },
    },
    files,
  );
  return images.map((image) => presentImage(image, deps.publicUrl, censusNumber));
}
