/**
 * Where an image's objects live in the bucket (documented in the README). Every stored file is
 * exactly one S3 object (large ones go up as S3 multipart uploads):
 *
 *   masters/{recordId}/{imageId}/{sha256}.{tif|jpg|png}  the master as uploaded
 *   derivatives/{imageId}/pyramid.tif                  tiled pyramidal TIFF for arbitrary requests
 *   tiles/{imageId}/grid.pack                          pre-generated grid tiles and thumbnails,
 *                                                      concatenated JPEGs (one PUT instead of hundreds)
 *   tiles/{imageId}/grid.json                          index: canonical IIIF request → [offset, length]
 *   books/{recordId}/{contentKey}.pdf                  a published book as PDF, made on first download
 *                                                      (contentKey changes with its pages)
 *
 * The master key carries the checksum so a replacement never overwrites the master it replaces.
 */

const EXTENSIONS: Record<string, string> = { tiff: 'tif', jpeg: 'jpg', png: 'png' };

/** Key of a master (format: tiff, jpeg or png). */
export function masterKey(recordId: string, imageId: string, sha256: string, format: string): string {
  return `masters/${recordId}/${imageId}/${sha256}.${EXTENSIONS[format] ?? 'bin'}`;
}

/** Prefix of every derivative of an image. */
export function derivativesPrefix(imageId: string): string {
  return `derivatives/${imageId}/`;
}

/** Key of the stored pyramid. */
export function pyramidKey(imageId: string): string {
  return `derivatives/${imageId}/pyramid.tif`;
}

/** Prefix of every stored tile of an image. */
export function tilesPrefix(imageId: string): string {
  return `tiles/${imageId}/`;
}

/** Key of an image's tile pack. */
export function tilePackKey(imageId: string): string {
  return `tiles/${imageId}/grid.pack`;
}

/** Key of the tile pack's index (canonical `{region}/{size}/{rotation}/{quality}.{format}` → [offset, length]). */
export function tileIndexKey(imageId: string): string {
  return `tiles/${imageId}/grid.json`;
}

/** Prefix of the cached downloads (PDF) of a record's book. */
export function bookDownloadsPrefix(recordId: string): string {
  return `books/${recordId}/`;
}

/** Key of a book's PDF made from pages whose content hashes to `contentKey`. */
export function bookPdfKey(recordId: string, contentKey: string): string {
  return `books/${recordId}/${contentKey}.pdf`;
}

/** Index of a tile pack. */
export type TileIndex = Record<string, [offset: number, length: number]>;

/** Technical metadata written on master and derivative objects. */
export function technicalMetadata(info: {
  width: number;
  height: number;
  format: string;
  masterSha256: string;
  imageId: string;
}): Record<string, string> {
  // The object's own SHA-256 is added as x-amz-meta-sha256 by ObjectStore.putFile.
  return {
    'x-amz-meta-image-id': info.imageId,
    'x-amz-meta-width': String(info.width),
    'x-amz-meta-height': String(info.height),
    'x-amz-meta-format': info.format,
    'x-amz-meta-master-sha256': info.masterSha256,
  };
}
