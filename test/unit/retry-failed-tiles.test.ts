// The viewer's retry of tiles the image service could not send yet (retryFailedTiles.ts), against
// an object with OpenSeadragon's event and tiled-image calls.
import test from 'ava';
import { retryFailedTiles } from '../../src/web/app/records/retryFailedTiles.js';

function fakeViewer() {
  let updates = 0;
  const tiledImage = {
    getClip: (): unknown => null,
    setClip: (clip: unknown) => {
      if (clip !== null) throw new Error('the clip must stay as it was');
      updates += 1;
    },
  };
  type Handler = (event: { tile: { exists: boolean }; tiledImage: typeof tiledImage }) => void;
  const handlers: Handler[] = [];
  return {
    viewer: { addHandler: (_event: string, handler: Handler) => void handlers.push(handler) },
    fail: (tile: { exists: boolean }) => handlers.forEach((h) => h({ tile, tiledImage })),
    handlers: () => handlers.length,
    updates: () => updates,
  };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('a failed tile is marked as existing again after the pause, and the image chooses its tiles anew', async (t) => {
  const osd = fakeViewer();
  retryFailedTiles(osd.viewer, { max: 3, delayMs: 20 });
  const tile = { exists: false };
  osd.fail(tile);
  t.false(tile.exists, 'not before the pause');
  t.is(osd.updates(), 0);
  await pause(60);
  t.true(tile.exists);
  t.is(osd.updates(), 1);
});

test('a tile is asked for again at most `max` times; another tile has its own count', async (t) => {
  const osd = fakeViewer();
  retryFailedTiles(osd.viewer, { max: 3, delayMs: 0 });
  const tile = { exists: false };
  for (let i = 0; i < 5; i++) osd.fail(tile);
  osd.fail({ exists: false });
  await pause(20);
  t.is(osd.updates(), 4);
});

test('a viewer is hooked once however often it is seen', (t) => {
  const osd = fakeViewer();
  retryFailedTiles(osd.viewer);
  retryFailedTiles(osd.viewer);
  t.is(osd.handlers(), 1);
});
