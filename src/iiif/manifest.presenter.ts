// Census record + holding institution + page images → IIIF Presentation 3.0 manifest. Pure: the
// service loads the inputs, this decides the document (labels, metadata, reading layout, canvases,
// ranges per 卷).

import type {
  Annotation,
  AnnotationPage,
  Canvas,
  ContentResource,
  IIIFExternalWebResource,
  ImageService3,
  Manifest,
  MetadataItem,
  Range,
  ResourceProvider,
} from '@iiif/presentation-3';
import type { DerivedEditionDate, RecordType, Responsibility } from '../domain/record.types.js';
import { bilingual, chineseText, chineseValue } from '../domain/iiif/presentation-language.rules.js';
import { readingLayout, type ReadingLayoutRule } from './presentation-layout.rules.js';
import { juanRuns } from './presentation-ranges.rules.js';
import type { PresentationUrls } from './presentation-urls.js';
import {
  manifestKeepsImageServices,
  rightsUri,
  RIGHTS_STATEMENT_TEXT,
  type RightsStatement,
} from '../institutions/rights-statement.rules.js';

export const PRESENTATION_CONTEXT = 'http://iiif.io/api/presentation/3/context.json';

/** The shipped default rights statement (setting `iiif_rights`): no copyright, non-commercial use only. */
export const DEFAULT_IIIF_RIGHTS = 'http://rightsstatements.org/vocab/NoC-NC/1.0/';

/** One page image as the presenter needs it. */
export interface ManifestImage {
  readonly id: string;
  readonly sequence: number;
  readonly label: string;
  readonly width: number;
  readonly height: number;
}

/** Everything a manifest is made from. */
export interface ManifestSource {
  readonly record: {
    readonly censusNumber: string;
    readonly type: RecordType;
    readonly title: string;
    readonly authors: readonly Responsibility[];
    readonly edition: string;
    readonly date: DerivedEditionDate;
    readonly grade: string | null;
    readonly binding: string | null;
    readonly volumes: number | null;
  };
  readonly institution: {
    readonly id: string;
    readonly name: string;
    readonly provinceCode: string;
    /** Who is sent the images (rights-statement.rules.ts); open when not given. */
    readonly rightsStatement?: RightsStatement;
  };
  /** In reading order. */
  readonly images: readonly ManifestImage[];
  /**
   * Whether the reader of this manifest is sent the images (false: the institution keeps them from
   * the public and the reader is not among its staff). Without images there are no thumbnails, and
   * under "metadata only" no image services either: the canvases describe the pages alone.
   */
  readonly imagesVisible?: boolean;
}

/** Settings and URLs a manifest depends on. */
export interface PresentationOptions {
  readonly urls: PresentationUrls;
  readonly rights: string;
  readonly layouts?: readonly ReadingLayoutRule[];
}

/** Thumbnails are at most this wide (a `w,` size request, never upscaled). */
const THUMBNAIL_WIDTH = 200;

/** The Image API 3.0 service of one image (level 2, served by the image server). */
export function imageService(urls: PresentationUrls, imageId: string): ImageService3 {
  return { id: urls.imageService(imageId), type: 'ImageService3', profile: 'level2' };
}

/** A small JPEG of an image through its image service. */
export function thumbnailOf(urls: PresentationUrls, image: ManifestImage): IIIFExternalWebResource {
  const width = Math.min(THUMBNAIL_WIDTH, image.width);
  const height = Math.max(1, Math.round((image.height * width) / image.width));
  return {
    id: `${urls.imageService(image.id)}/full/${width},/0/default.jpg`,
    type: 'Image',
    format: 'image/jpeg',
    width,
    height,
    service: [imageService(urls, image.id)],
  };
}

/** Responsibility statements as catalogued: （宋）朱熹撰, then （明）邵寶輯, joined by an ideographic space. */
export function formatAuthors(authors: readonly Responsibility[]): string {
  return authors.map((a) => `${a.dynasty ? `（${a.dynasty}）` : ''}${a.name}${a.role ?? ''}`).join('\u3000');
}

/** The normalised date as text: 1460, 1736–1795 or the dynasty; null when unknown. */
export function formatDate(date: DerivedEditionDate): string | null {
  if (date.yearFrom !== null) {
    return date.yearTo !== null && date.yearTo !== date.yearFrom
      ? `${date.yearFrom}–${date.yearTo}`
      : String(date.yearFrom);
  }
  return date.dynasty;
}

function metadataOf(source: ManifestSource): MetadataItem[] {
  const { record, institution } = source;
  const items: MetadataItem[] = [{ label: bilingual('题名', 'Title'), value: chineseValue(record.title) }];
  if (record.authors.length) {
    items.push({ label: bilingual('著者', 'Authors'), value: chineseValue(formatAuthors(record.authors)) });
  }
  items.push({ label: bilingual('版本', 'Edition'), value: chineseValue(record.edition) });
  const date = formatDate(record.date);
  if (date) items.push({ label: bilingual('版本年代', 'Date (normalised)'), value: chineseValue(date) });
  items.push({
    label: bilingual('普查登记编号', 'Census registration number'),
    value: { none: [record.censusNumber] },
  });
  if (record.grade) items.push({ label: bilingual('古籍级别', 'Grade'), value: chineseValue(record.grade) });
  if (record.binding)
    items.push({ label: bilingual('装帧形式', 'Binding'), value: chineseValue(record.binding) });
  if (record.volumes !== null)
    items.push({ label: bilingual('册数', 'Volumes'), value: { none: [String(record.volumes)] } });
  items.push({ label: bilingual('收藏单位', 'Holding institution'), value: chineseValue(institution.name) });
  return items;
}

/** What a manifest carries of its page images: everything, image services without thumbnails, or neither. */
type ImageContent = 'full' | 'services' | 'none';

function imageContentOf(source: ManifestSource): ImageContent {
  if (source.imagesVisible !== false) return 'full';
  return manifestKeepsImageServices(source.institution.rightsStatement ?? 'open') ? 'services' : 'none';
}

function canvasOf(source: ManifestSource, options: PresentationOptions, image: ManifestImage): Canvas {
  const manifestId = options.urls.manifest(source.record.censusNumber);
  const canvasId = `${manifestId}/canvas/${image.id}`;
  const content = imageContentOf(source);
  const canvas: Canvas = {
    id: canvasId,
    type: 'Canvas',
    label: chineseText(image.label || String(image.sequence)),
    width: image.width,
    height: image.height,
  };
  // Nothing paints the canvas; `items` stays, empty, as the Presentation schema requires it.
  if (content === 'none') return { ...canvas, items: [] };
  const body: IIIFExternalWebResource = {
    id: `${options.urls.imageService(image.id)}/full/max/0/default.jpg`,
    type: 'Image',
    format: 'image/jpeg',
    width: image.width,
    height: image.height,
    service: [imageService(options.urls, image.id)],
  };
  const painting: Annotation = {
    id: `${canvasId}/annotation/image`,
    type: 'Annotation',
    motivation: 'painting',
    body: body as ContentResource,
    target: canvasId,
  };
  const page: AnnotationPage = { id: `${canvasId}/page`, type: 'AnnotationPage', items: [painting] };
  if (content === 'full') canvas.thumbnail = [thumbnailOf(options.urls, image)];
  canvas.items = [page];
  return canvas;
}

/** The holding institution and the terms of use of the images, in Chinese and English. */
function requiredStatementOf(institution: ManifestSource['institution']) {
  const text = RIGHTS_STATEMENT_TEXT[institution.rightsStatement ?? 'open'];
  return {
    label: bilingual('收藏单位与使用条件', 'Holding institution and terms of use'),
    value: chineseValue(
      `${institution.name}藏。${text.labelZh}：${text.termsZh}`,
      `Held by ${institution.name}. ${text.labelEn}: ${text.termsEn}`,
    ),
  };
}

function rangesOf(manifestId: string, canvases: readonly Canvas[], labels: readonly string[]): Range[] {
  return juanRuns(labels).map((run, i) => ({
    id: `${manifestId}/range/${i + 1}`,
    type: 'Range',
    label: chineseText(run.zh, run.en),
    items: run.pages.map((p) => ({ id: canvases[p]!.id, type: 'Canvas' as const })),
  }));
}

/** A page of the web application (homepage links). */
function webPage(id: string, label: string): ContentResource {
  // The package's ContentResource type lacks `label`, which the spec requires for homepages.
  return { id, type: 'Text', label: chineseText(label), format: 'text/html' } as unknown as ContentResource;
}

/** The provider (holding institution) as an IIIF Agent with its page in the application. */
export function providerOf(
  urls: PresentationUrls,
  institution: ManifestSource['institution'],
): ResourceProvider {
  const homepage = urls.institutionPage(institution.id);
  return {
    id: homepage,
    type: 'Agent',
    label: chineseText(institution.name),
    homepage: [webPage(homepage, institution.name)],
  };
}

/** The IIIF Presentation 3.0 manifest of a record. */
export function presentManifest(source: ManifestSource, options: PresentationOptions): Manifest {
  const { record, institution, images } = source;
  const { urls } = options;
  const id = urls.manifest(record.censusNumber);
  const layout = readingLayout(record.binding, record.type, options.layouts);
  const canvases = images.map((image) => canvasOf(source, options, image));
  const ranges = rangesOf(
    id,
    canvases,
    images.map((i) => i.label),
  );
  const manifest: Manifest = {
    '@context': PRESENTATION_CONTEXT,
    id,
    type: 'Manifest',
    label: chineseText(record.title),
    metadata: metadataOf(source),
    summary: chineseValue(`${record.title}\u3000${record.edition}`),
    requiredStatement: requiredStatementOf(institution),
    rights: rightsUri(institution.rightsStatement ?? 'open', options.rights),
    provider: [providerOf(urls, institution)],
    homepage: [webPage(urls.recordPage(record.censusNumber), record.title)],
    seeAlso: [{ id: urls.recordJson(record.censusNumber), type: 'Dataset', format: 'application/json' }],
    partOf: [{ id: urls.collection({ level: 'institution', id: institution.id }), type: 'Collection' }],
    viewingDirection: layout.viewingDirection,
    behavior: [...layout.behavior],
    items: canvases,
  };
  if (images[0] && imageContentOf(source) === 'full') manifest.thumbnail = [thumbnailOf(urls, images[0])];
  if (record.date.yearFrom !== null && record.date.yearFrom > 0) {
    manifest.navDate = `${String(record.date.yearFrom).padStart(4, '0')}-01-01T00:00:00Z`;
  }
  if (ranges.length) manifest.structures = ranges;
  return manifest;
}
