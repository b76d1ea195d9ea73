// A work order's before / after photos as a IIIF Presentation 3.0 manifest: before canvases first, then
// after canvases, with one range for each so a viewer can show the two states side by side.

import type { AnnotationPage, Canvas, ContentResource, Manifest, Range } from '@iiif/presentation-3';
import { bilingual, chineseText } from '../domain/iiif/presentation-language.rules.js';

const CONTEXT = 'http://iiif.io/api/presentation/3/context.json';

export interface ManifestPhoto {
  readonly imageId: string;
  readonly phase: 'before' | 'after';
  readonly caption: string | null;
  readonly width: number;
  readonly height: number;
}

export interface WorkOrderManifestSource {
  readonly workOrderId: string;
  readonly censusNumber: string;
  readonly title: string;
  readonly institution: string;
  readonly photos: readonly ManifestPhoto[];
}

const PHASE = { before: ['修复前', 'Before treatment'], after: ['修复后', 'After treatment'] } as const;

/** The manifest document; `manifestId` is its own URL, `imageService` the IIIF Image API base of an image. */
export function presentWorkOrderManifest(
  src: WorkOrderManifestSource,
  manifestId: string,
  imageService: (imageId: string) => string,
): Manifest {
  const ordered = [
    ...src.photos.filter((p) => p.phase === 'before'),
    ...src.photos.filter((p) => p.phase === 'after'),
  ];
  const canvases: Canvas[] = ordered.map((p, i) => {
    const id = `${manifestId}/canvas/${p.imageId}`;
    const service = imageService(p.imageId);
    const body = {
      id: `${service}/full/max/0/default.jpg`,
      type: 'Image',
      format: 'image/jpeg',
      width: p.width,
      height: p.height,
      service: [{ id: service, type: 'ImageService3', profile: 'level2' }],
    } as ContentResource;
    const page: AnnotationPage = {
      id: `${id}/page`,
      type: 'AnnotationPage',
      items: [{ id: `${id}/annotation/image`, type: 'Annotation', motivation: 'painting', body, target: id }],
    };
    const [zh, en] = PHASE[p.phase];
    return {
      id,
      type: 'Canvas',
      label: bilingual(`${zh} ${i + 1}${p.caption ? `：${p.caption}` : ''}`, `${en} ${i + 1}`),
      width: p.width,
      height: p.height,
      items: [page],
    };
  });
  const ranges: Range[] = (['before', 'after'] as const)
    .map((phase) => ({
      id: `${manifestId}/range/${phase}`,
      type: 'Range' as const,
      label: bilingual(PHASE[phase][0], PHASE[phase][1]),
      items: ordered
        .map((p, i) => (p.phase === phase ? { id: canvases[i]!.id, type: 'Canvas' as const } : null))
        .filter((c): c is { id: string; type: 'Canvas' } => c !== null),
    }))
    .filter((r) => r.items.length > 0);
  return {
    '@context': CONTEXT,
    id: manifestId,
    type: 'Manifest',
    label: chineseText(`${src.title}（修复前后对照）`),
    summary: bilingual(
      `普查编号 ${src.censusNumber}，修复工单 ${src.workOrderId}`,
      `Census number ${src.censusNumber}, work order ${src.workOrderId}`,
    ),
    requiredStatement: {
      label: bilingual('收藏单位', 'Holding institution'),
      value: chineseText(src.institution),
    },
    behavior: ['individuals'],
    items: canvases,
    ...(ranges.length ? { structures: ranges } : {}),
  } as Manifest;
}
