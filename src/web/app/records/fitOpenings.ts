// Every page turn shows the whole opening. Mirador 4.0.0 re-fits the viewport after a page turn
// only by chance (its OpenSeadragon component tests the new bounds the wrong way round, patched in
// src/web/vendor-patches/, and a viewport event of the previous leaf can still land after the reset), so a book
// that opens on its single cover leaf kept that leaf's width and cut off the second leaf of every
// opening. This listener checks, after each turn and after a resize of a window that showed its
// whole opening, that the viewport contains the leaves shown (laid out as Mirador lays them: side
// by side at the height of the shortest, or stacked for a top-to-bottom book) and fits them when it
// does not. Zooming by the reader is left alone.

import type { Viewport } from './syncWindows.js';

/** Re-centrings of a shifted opening at the fitting zoom, per opening shown. */
const MAX_RECENTRES = 5;
/** How long after a turn a window's opening is kept whole against late viewport events. */
const WATCH_AFTER_TURN_MS = 1500;

interface CanvasJson {
  id: string;
  width?: number;
  height?: number;
}

export interface FitState {
  windows: Record<string, { manifestId: string; visibleCanvases?: string[] }>;
  viewers: Record<string, Partial<Viewport> | null | undefined>;
  manifests: Record<string, { json?: { items?: CanvasJson[]; viewingDirection?: string } } | undefined>;
}

export interface FitStore {
  getState(): FitState;
  dispatch(action: unknown): unknown;
  subscribe(listener: () => void): () => void;
}

/** The world Mirador builds for the leaves shown: [width, height] in canvas pixels. */
export function openingSize(canvases: CanvasJson[], direction = 'left-to-right'): [number, number] | null {
  if (!canvases.length || canvases.some((c) => !c.width || !c.height)) return null;
  if (direction === 'top-to-bottom' || direction === 'bottom-to-top') {
    const width = Math.min(...canvases.map((c) => c.width!));
    return [width, canvases.reduce((sum, c) => sum + Math.floor((width * c.height!) / c.width!), 0)];
  }
  const height = Math.min(...canvases.map((c) => c.height!));
  return [canvases.reduce((sum, c) => sum + Math.floor((height * c.width!) / c.height!), 0), height];
}

/** The viewport that fits a world of `size` into a container (OpenSeadragon: zoom = 1 / visible width). */
export function fittingViewport(
  [width, height]: [number, number],
  container: { x: number; y: number },
): Viewport {
  const visibleWidth =
    width / height > container.x / container.y ? width : (height * container.x) / container.y;
  return { x: width / 2, y: height / 2, zoom: 1 / visibleWidth };
}

/** Whether a viewport shows all of a world of `size` (to a pixel). */
export function showsAll(
  view: Viewport,
  [width, height]: [number, number],
  container: { x: number; y: number },
) {
  const visibleWidth = 1 / view.zoom;
  const visibleHeight = (visibleWidth * container.y) / container.x;
  return (
    view.x - visibleWidth / 2 <= 1 &&
    view.x + visibleWidth / 2 >= width - 1 &&
    view.y - visibleHeight / 2 <= 1 &&
    view.y + visibleHeight / 2 >= height - 1
  );
}

/**
 * Starts watching: `containerOf` gives a window's viewer size in pixels (null before it is drawn),
 * `update` Mirador's updateViewport action. Returns the stop function.
 */
export function fitOpenings(
  store: FitStore,
  containerOf: (windowId: string) => { x: number; y: number } | null,
  update: (windowId: string, viewport: Viewport & { flip: boolean; rotation: number }) => unknown,
): () => void {
  const opening = new Map<string, string>();
  // Windows just turned (or resized at fit), with the fits left to try and until when to watch:
  // a stale viewport event of the previous leaf, or a synchronised window's move, can land after
  // the opening was first seen whole, so a turned window is watched for a moment, not only once.
  const pending = new Map<string, { tries: number; until: number }>();
  const watch = () => ({ tries: 3, until: Date.now() + WATCH_AFTER_TURN_MS });
  // Re-centrings per opening: bounded, so a viewer that cannot take the fit is not asked forever.
  const recentres = new Map<string, number>();
  // Whether each window last showed its whole opening, and in what container size: a window that
  // did and is then resized (sidebar opened, layout settled, phone turned) is fitted again.
  const atFit = new Map<string, boolean>();
  const seenContainer = new Map<string, { x: number; y: number }>();
  let busy = false;
  const listener = () => {
    if (busy) return;
    busy = true;
    try {
      const state = store.getState();
      for (const [id, win] of Object.entries(state.windows)) {
        const shown = (win.visibleCanvases ?? []).join(' ');
        if (opening.get(id) !== shown) {
          opening.set(id, shown);
          pending.set(id, watch());
          recentres.delete(id);
        }
        const view = state.viewers[id];
        const container = containerOf(id);
        if (!view || view.x === undefined || view.y === undefined || !view.zoom || !container) continue;
        const manifest = state.manifests[win.manifestId]?.json;
        const canvases = (win.visibleCanvases ?? []).map((c) => manifest?.items?.find((i) => i.id === c));
        const size = openingSize(
          canvases.filter((c): c is CanvasJson => !!c),
          manifest?.viewingDirection,
        );
        if (!size) continue;
        const before = seenContainer.get(id);
        seenContainer.set(id, container);
        const resized =
          before && (Math.abs(before.x - container.x) > 1 || Math.abs(before.y - container.y) > 1);
        if (resized && atFit.get(id) && !pending.has(id)) pending.set(id, watch());
        const whole = showsAll(view as Viewport, size, container);
        atFit.set(id, whole);
        // At the fitting zoom an opening that is not whole has only been shifted (a late event of
        // the previous leaf, the other copy's synchronised move): centre it again, as a viewer
        // constrained to its page would. A reader's own zoom is a different zoom and is left alone.
        const fit = fittingViewport(size, container);
        const recentred = recentres.get(id) ?? 0;
        if (!whole && recentred < MAX_RECENTRES && Math.abs(view.zoom - fit.zoom) <= fit.zoom * 0.01) {
          recentres.set(id, recentred + 1);
          store.dispatch(update(id, { ...fit, flip: false, rotation: 0 }));
          continue;
        }
        const watched = pending.get(id);
        if (!watched) continue;
        if (Date.now() > watched.until) {
          pending.delete(id);
          continue;
        }
        if (whole || watched.tries === 0) continue;
        // Fitted here; the window stays watched until Mirador reports the fitted viewport.
        pending.set(id, { ...watched, tries: watched.tries - 1 });
        store.dispatch(update(id, { ...fittingViewport(size, container), flip: false, rotation: 0 }));
      }
    } finally {
      busy = false;
    }
  };
  listener();
  return store.subscribe(listener);
}

/** Whether a window of the store shows its whole opening in `viewport` (false when unknown). */
export function showsWholeOpening(
  state: FitState,
  windowId: string,
  viewport: Viewport,
  container: { x: number; y: number } | null,
): boolean {
  const win = state.windows[windowId];
  const manifest = win && state.manifests[win.manifestId]?.json;
  if (!win || !container) return false;
  const canvases = (win.visibleCanvases ?? []).map((c) => manifest?.items?.find((i) => i.id === c));
  const size = openingSize(
    canvases.filter((c): c is CanvasJson => !!c),
    manifest?.viewingDirection,
  );
  return size !== null && showsAll(viewport, size, container);
}
