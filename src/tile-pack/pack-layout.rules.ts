// What delivery needs to know of a pack beyond its index, worked out once per index rather than on
// every page opened: where its first view ends. (Filtering a ~300-entry index by pack order for
// the opened page and the next two took 6 % of the service's time in a cold reading session.)

import type { TileIndex } from '../domain/object-layout.rules.js';
import { inFirstView } from './pack-order.rules.js';

/** A pack index with what delivery reads it by. */
export interface PackLayout {
  readonly index: TileIndex;
  /**
   * End of the first view (thumbnails and screen-sized levels), which starts at byte 0 in packs laid
   * out in pack order; 0 when it is not one run (older packs), so it is not read ahead.
   */
  readonly firstViewEnd: number;
}

/** The layout of a pack from its index and the image's size. */
export function packLayout(index: TileIndex, image: { width: number; height: number }): PackLayout {
  let firstEnd = 0;
  let firstBytes = 0;
  for (const path of Object.keys(index)) {
    if (!inFirstView(path, image)) continue;
    const [offset, length] = index[path]!;
    firstEnd = Math.max(firstEnd, offset + length);
    firstBytes += length;
  }
  // Scattered (an older pack): reading from 0 to its end would drag the bytes between along.
  const firstViewEnd = firstBytes > 0 && firstEnd <= 2 * firstBytes ? firstEnd : 0;
  return { index, firstViewEnd };
}
