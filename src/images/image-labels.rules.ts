// Bilingual labels of a page image's processing status, shipped with each image so no page keeps
// its own copy.
import type { Label } from '../domain/record-labels.rules.js';
import type { ImageStatus } from './record-image.entity.js';

const STATUS_LABELS: Readonly<Record<ImageStatus, Label>> = {
  processing: { zh: '处理中', en: 'Processing' },
  ready: { zh: '就绪', en: 'Ready' },
  failed: { zh: '失败', en: 'Failed' },
};

export const imageStatusLabel = (status: ImageStatus): Label => STATUS_LABELS[status];
