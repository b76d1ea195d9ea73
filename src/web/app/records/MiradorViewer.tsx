// Page images in Mirador 4. Mirador's code (≈2 MB) is imported only when a page with images draws
// this component, so other pages never load it; it shares the app's React and MUI.
// The manifest decides how a book reads: Mirador's `views` pick book view for `behavior: paged`
// (scroll view for a `continuous` scroll, single pages otherwise) and it pages in the manifest's
// viewingDirection, so a thread-bound book reads right to left, two leaves to an opening.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentLang } from '../i18n/index.js';
import { fitOpenings, showsWholeOpening, type FitState, type FitStore } from './fitOpenings.js';
import { syncWindows, type SyncStore } from './syncWindows.js';
import { retryFailedTiles } from './retryFailedTiles.js';

/** One window: a manifest, and the leaf to open on (else the first). Same-site paths or URLs. */
export interface ViewerWindow {
  manifestId: string;
  canvasId?: string;
}

type ViewerElement = HTMLDivElement & { miradorViewer?: unknown };

/** Tiles OpenSeadragon may start in one frame: a 1600×1000 screen shows up to 15 of one level. */
const TILES_PER_FRAME = 16;

export function MiradorViewer({
  manifestIds,
  windows,
  height = '75vh',
  sync,
  stacked = false,
}: {
  manifestIds?: string[];
  windows?: ViewerWindow[];
  height?: string;
  /** Turn pages and zoom in every window together (comparing copies); undefined: never. */
  sync?: boolean;
  /** Two windows one above the other (a phone) instead of side by side. */
  stacked?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const id = `mirador-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const ref = useRef<ViewerElement>(null);
  const [failed, setFailed] = useState(false);
  const list: ViewerWindow[] = windows ?? (manifestIds ?? []).map((manifestId) => ({ manifestId }));
  const key = list.map((w) => `${w.manifestId}#${w.canvasId ?? ''}`).join(' ');
  const lang = i18n.language;
  // Read by the running viewer: turning sync off and on keeps the reader's place.
  const syncOn = useRef(sync);
  syncOn.current = sync;
  const syncable = sync !== undefined;
  useEffect(() => {
    let cancelled = false;
    let stop: (() => void) | undefined;
    let instance: { unmount?: () => void } | undefined;
    const el = ref.current;
    import('mirador')
      .then((Mirador) => {
        if (cancelled || !el) return;
        const viewer = Mirador.viewer({
          id,
          language: currentLang() === 'en' ? 'en' : 'zh-CN',
          windows: list.map((w, i) => ({
            id: `${id}-${i}`,
            manifestId: new URL(w.manifestId, window.location.href).href,
            ...(w.canvasId ? { canvasId: w.canvasId } : {}),
          })),
          window: {
            allowClose: false,
            allowMaximize: false,
            allowFullscreen: true,
            sideBarOpenByDefault: false,
            // The default `views` (paged → book, continuous → scroll) follow the manifest's behavior.
            defaultView: 'single',
            panels: {
              info: true,
              attribution: true,
              canvas: true,
              annotations: false,
              search: false,
              layers: false,
            },
          },
          workspace: {
            type: 'mosaic',
            showZoomControls: true,
            // Laid out from the start: a layout changed after the pages were fitted would crop them.
            ...(stacked && list.length === 2
              ? { layout: { direction: 'column', first: `${id}-0`, second: `${id}-1`, splitPercentage: 50 } }
              : {}),
          },
          workspaceControlPanel: { enabled: false },
          // Each page turn fits the new opening: Mirador's default keeps the previous zoom, which
          // shows the single cover leaf's width and so cuts off the second leaf of every opening.
          // OpenSeadragon asks for one tile per animation frame by default: the tiles of a zoomed
          // screen then reach the server 20–30 ms apart, each read from the object store on its own
          // (16 tiles over ~400 ms, 16 GETs, on a cold 6000×8000 page). Asked for in one frame,
          // they leave together over the browser's connections and the server reads adjacent ones
          // in one GET (tile-pack/range-reader.ts): the zoom took 308–410 ms against 461–517 ms.
          osdConfig: { preserveViewport: false, maxTilesPerFrame: TILES_PER_FRAME },
        });
        instance = viewer;
        el.miradorViewer = viewer;
        const store = viewer.store as unknown as SyncStore;
        // The view each window opened in (single | book | scroll), for people and tests to read.
        const showViews = () => {
          const state = store.getState();
          el.dataset.views = Object.keys(state.windows)
            .map((windowId) => Mirador.getWindowViewType(state, { windowId }))
            .join(' ');
        };
        // Each window's OpenSeadragon viewer asks again for tiles that failed (retryFailedTiles.ts);
        // a viewer exists once its window has drawn, which changes the store.
        const retryTiles = () => {
          for (const windowId of Object.keys(store.getState().windows)) {
            const osd = Mirador.OSDReferences.get(windowId)?.current;
            if (osd) retryFailedTiles(osd);
          }
        };
        const unwatch = store.subscribe(() => {
          showViews();
          retryTiles();
        });
        showViews();
        const containerOf = (windowId: string) => {
          const size = Mirador.OSDReferences.get(windowId)?.current?.viewport?.getContainerSize();
          return size && size.x > 0 && size.y > 0 ? size : null;
        };
        const synced = syncable
          ? syncWindows(store, {
              enabled: () => Boolean(syncOn.current),
              showsWhole: (windowId, viewport) =>
                showsWholeOpening(
                  store.getState() as unknown as FitState,
                  windowId,
                  viewport,
                  containerOf(windowId),
                ),
              setCanvas: (windowId, canvasId) => Mirador.setCanvas(windowId, canvasId),
              updateViewport: (windowId, viewport) => Mirador.updateViewport(windowId, viewport),
            })
          : undefined;
        const unfit = fitOpenings(store as unknown as FitStore, containerOf, (windowId, viewport) => {
          synced?.expect(windowId, viewport);
          return Mirador.updateViewport(windowId, viewport);
        });
        stop = () => {
          unwatch();
          unfit();
          synced?.stop();
        };
        el.dataset.ready = 'true';
      })
      .catch(() => {
        if (!cancelled) setFailed(true);
      });
    return () => {
      cancelled = true;
      stop?.();
      instance?.unmount?.();
      if (el) delete el.dataset.ready;
    };
    // The viewer is made once per set of windows and language; Mirador keeps its own state afterwards.
  }, [key, lang, syncable, stacked]);
  if (failed) return <Alert severity="error">{t('record.viewerFailed')}</Alert>;
  return (
    <Box
      ref={ref}
      id={id}
      className="iiif-viewer"
      data-manifests={list.map((w) => w.manifestId).join(' ')}
      sx={{ position: 'relative', height, width: '100%' }}
    />
  );
}
