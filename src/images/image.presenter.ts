import type { RecordImage } from './record-image.entity.js';
import { imageStatusLabel } from './image-labels.rules.js';

/** Record image → API JSON; `service` is the IIIF Image API base URI. */
export function presentImage(image: RecordImage, publicUrl: string, censusNumber?: string) {
  return {
    id: image.id,
    ...(censusNumber ? { censusNumber } : {}),
    sequence: image.sequence,
    label: image.label,
    status: image.status,
    statusLabel: imageStatusLabel(image.status),
    error: image.error ?? null,
    width: image.width,
    height: image.height,
    format: image.format,
    sizeBytes: image.sizeBytes,
    sha256: image.sha256,
    originalFilename: image.originalFilename,
    service: `${publicUrl}/iiif/3/${image.id}`,
    version: image.version,
    createdAt: image.createdAt.toISOString(),
    updatedAt: image.updatedAt.toISOString(),
  };
}
