// The canonical paths a tile pack of a 6000×8000 page holds — two thumbnails, the tiles of scale 8
// and of scale 1 — for tests of the pack's layout and of reading it.

export const PAGE = { width: 6000, height: 8000 };

/** The canonical paths of PAGE's pack, in no particular order. */
export function pagePaths(): string[] {
  const paths = ['full/75,100/0/default.jpg', 'full/150,200/0/default.jpg'];
  for (const sf of [8, 1]) {
    const span = 512 * sf;
    for (let y = 0; y < PAGE.height; y += span)
      for (let x = 0; x < PAGE.width; x += span) {
        const w = Math.min(span, PAGE.width - x);
        const h = Math.min(span, PAGE.height - y);
        paths.push(
          `${x},${y},${w},${h}/${sf === 1 ? 'max' : `${Math.ceil(w / sf)},${Math.ceil(h / sf)}`}/0/default.jpg`,
        );
      }
  }
  return paths;
}
