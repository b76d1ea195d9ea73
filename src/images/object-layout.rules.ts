/**
 * Where an image's objects live in the bucket (documented in the README):
 *
 *   masters/{recordId}/{imageId}/{sha256}/part-NNNNN    the master as uploaded, in ≤32 MiB parts
 *   derivatives/{imageId}/pyramid/part-NNNNN           tiled pyramidal TIFF for arbitrary requests
 *   tiles/{imageId}/grid/part-NNNNN                    pre-generated grid tiles and thumbnails,
 *                                                      concatenated JPEGs (one PUT instead of hundreds)
 *   tiles/{imageId}/grid.json                          index: canonical IIIF request → [offset, length]
 *
 * The master key carries the checksum so a replacement never overwrites the master it replaces.
 */

/** Prefix of a master's parts. */
export function masterPrefix(recordId: string, imageId: string, sha256: string): string {
  return `masters/${recordId}/${imageId}/${sha256}`;
}

/** Prefix of every derivative of an image. */
export function derivativesPrefix(imageId: string): string {
  return `derivatives/${imageId}/`;
}

/** Prefix of the pyramid's parts. */
export function pyramidPrefix(imageId: string): string {
  return `derivatives/${imageId}/pyramid`;
}

/** Prefix of every stored tile of an image. */
export function tilesPrefix(imageId: string): string {
  return `tiles/${imageId}/`;
}

/** Prefix of the parts of an image's tile pack. */
export function tilePackPrefix(imageId: string): string {
  return `tiles/${imageId}/grid`;
}

/** Key of the tile pack's index (canonical `{region}/{size}/{rotation}/{quality}.{format}` → [offset, length]). */
export function tileIndexKey(imageId: string): string {
  return `tiles/${imageId}/grid.json`;
}

/** Index of a tile pack. */
export type TileIndex = Record<string, [offset: number, length: number]>;

/** Number of parts a file of this size was stored in (see ObjectStore.putFileInParts). */
export function partCount(sizeBytes: number, partBytes: number): number {
  return Math.max(1, Math.ceil(sizeBytes / partBytes));
}

/** Technical metadata written on master and derivative objects. */
export function technicalMetadata(info: {
  width: number;
  height: number;
  format: string;
  sha256: string;
  imageId: string;
}): Record<string, string> {
  return {
    'x-amz-meta-image-id': info.imageId,
    'x-amz-meta-width': String(info.width),
    'x-amz-meta-height': String(info.height),
    'x-amz-meta-format': info.format,
    'x-amz-meta-sha256': info.sha256,
  };
}
