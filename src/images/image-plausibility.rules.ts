/**
 * Whether an image file is big enough to hold the pixels its header claims. A header is a few
 * bytes anyone can edit: an 11.5 KB JPEG or a 1,146-byte TIFF claiming 15000×15000 pixels would
 * otherwise be decoded (libvips fills in what is missing) into a 922 MB working pyramid of nothing.
 *
 * The floor is the raw size the header claims (pixels × channels × bits per sample) divided by
 * the best compression the file's codecs can reach on any content:
 * - deflate (PNG, TIFF deflate) cannot beat ~1032:1, LZW and PackBits do worse;
 * - a baseline or progressive Huffman JPEG spends at least one bit per 8×8 block and channel,
 *   512:1 at best;
 * - only CCITT G3/G4 (1-bit TIFF) goes further, down to about one bit per row of a blank page.
 * Measured with sharp on the most compressible real masters there are — 6000×8000 scans of a
 * blank page and of a mostly white page with faint scanner noise and a few lines of text:
 * JPEG q75–q90 170–510:1, TIFF LZW/deflate and PNG up to 943:1, a 1-bit PNG of the blank page
 * 1008:1 (its 5,951 bytes are 0.000124 bytes per pixel, so a plain bytes-per-pixel floor would
 * have to sit below the reported lying JPEG's 0.00005 to spare it). A ratio of 2000:1 leaves every
 * real master at least twice that room, and refuses the reported files by 30× and 600×.
 */
export const MAX_COMPRESSION_RATIO = 2000;

/** What the header claims, as the check needs it. */
export interface ClaimedImage {
  readonly format: string;
  readonly width: number;
  readonly height: number;
  readonly channels: number;
  readonly bitsPerSample: number;
}

/** Whether `bytes` can plausibly hold the claimed image, and the least number of bytes it needs. */
export function plausibleImageSize(
  bytes: number,
  claim: ClaimedImage,
): { plausible: boolean; minBytes: number } {
  const raw =
    (claim.width * claim.height * Math.max(1, claim.channels) * Math.max(1, claim.bitsPerSample)) / 8;
  // Fax coding of a 1-bit TIFF: at best one bit per row.
  const floor =
    claim.format === 'tiff' && claim.bitsPerSample === 1 ? claim.height / 8 : raw / MAX_COMPRESSION_RATIO;
  const minBytes = Math.floor(floor);
  return { plausible: bytes >= minBytes, minBytes };
}
