// Synchronised reading of two copies in Mirador (no maintained Mirador 4 plugin does this; the one
// public fork is unpublished): a listener on Mirador's redux store that repeats a page turn or a
// zoom/pan made in one window in the others, through Mirador's own actions.
//
// - Pages: the other window opens the leaf with the same label (卷一 1a ↔ 卷一 1a), else the leaf
//   at the same position; book view then shows the same opening.
// - Zoom and pan: the viewport is carried over scaled by the ratio of the two pages' widths (copies
//   are scanned at different resolutions; Mirador's world coordinates are canvas pixels).
// - A window whose viewport Mirador has just reset (new page: it fits the page afresh) is not
//   repeated, so a page turn does not fight the other window's own fitting; and a change the
//   listener made itself is recognised and not echoed back.

/** The part of a Mirador viewport the listener carries over. */
export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

interface CanvasJson {
  id: string;
  width?: number;
  label?: Record<string, string[]>;
}

/** The slice of Mirador's state the listener reads. */
export interface MiradorState {
  windows: Record<string, { manifestId: string; canvasId?: string | null }>;
  viewers: Record<string, Partial<Viewport> | null | undefined>;
  manifests: Record<string, { json?: { items?: CanvasJson[] } } | undefined>;
}

export interface SyncStore {
  getState(): MiradorState;
  dispatch(action: unknown): unknown;
  subscribe(listener: () => void): () => void;
}

export interface SyncActions {
  setCanvas(windowId: string, canvasId: string): unknown;
  updateViewport(windowId: string, viewport: Viewport): unknown;
  /** Whether to synchronise now (the reader can turn it off and on); changes are still followed. */
  enabled(): boolean;
  /** Whether a window's viewport shows its whole opening: then the others fit theirs, not copy it. */
  showsWhole?(windowId: string, viewport: Viewport): boolean;
}

const labelOf = (canvas: CanvasJson | undefined): string =>
  canvas?.label ? (Object.values(canvas.label)[0]?.[0] ?? '') : '';

function canvasesOf(state: MiradorState, windowId: string): CanvasJson[] {
  const manifestId = state.windows[windowId]?.manifestId;
  return (manifestId && state.manifests[manifestId]?.json?.items) || [];
}

/** The leaf of `target` that matches `canvasId` of `source`: same label, else same position. */
export function matchingCanvas(source: CanvasJson[], target: CanvasJson[], canvasId: string): string | null {
  const index = source.findIndex((c) => c.id === canvasId);
  if (index < 0 || !target.length) return null;
  const label = labelOf(source[index]);
  const sameLabel = label ? target.filter((c) => labelOf(c) === label) : [];
  if (sameLabel.length === 1) return sameLabel[0]!.id;
  return target[Math.min(index, target.length - 1)]!.id;
}

function complete(v: Partial<Viewport> | null | undefined): v is Viewport {
  return !!v && typeof v.x === 'number' && typeof v.y === 'number' && typeof v.zoom === 'number';
}

/** Two viewports that show the same thing up to rounding (OSD reports what it settled on). */
function near(a: Viewport, b: Viewport): boolean {
  return Math.abs(a.x - b.x) < 1 && Math.abs(a.y - b.y) < 1 && Math.abs(a.zoom - b.zoom) <= a.zoom * 1e-3;
}

function widthOf(canvases: CanvasJson[], canvasId: string | null | undefined): number | null {
  const width = canvases.find((c) => c.id === canvasId)?.width;
  return width && width > 0 ? width : null;
}

/** A running synchronisation: `expect` announces a viewport set by other code (not to be repeated). */
export interface Sync {
  stop(): void;
  expect(windowId: string, viewport: Viewport): void;
}

/** Starts synchronising every window of the store with the others. */
export function syncWindows(store: SyncStore, actions: SyncActions): Sync {
  const seenCanvas = new Map<string, string | null | undefined>();
  const seenView = new Map<string, Viewport | null>();
  const expectedCanvas = new Map<string, string>();
  const expectedView = new Map<string, Viewport>();
  let busy = false;

  const listener = () => {
    if (busy) return;
    busy = true;
    try {
      const state = store.getState();
      const ids = Object.keys(state.windows);
      for (const id of ids) {
        const win = state.windows[id]!;
        const others = ids.filter((o) => o !== id);
        // Page turns.
        const before = seenCanvas.get(id);
        if (win.canvasId !== before) {
          seenCanvas.set(id, win.canvasId);
          if (win.canvasId && expectedCanvas.get(id) === win.canvasId) expectedCanvas.delete(id);
          else if (win.canvasId && before !== undefined && actions.enabled()) {
            for (const other of others) {
              const target = matchingCanvas(canvasesOf(state, id), canvasesOf(state, other), win.canvasId);
              if (!target || target === state.windows[other]!.canvasId) continue;
              expectedCanvas.set(other, target);
              store.dispatch(actions.setCanvas(other, target));
            }
          }
        }
        // Zoom and pan.
        const view = state.viewers[id];
        const last = seenView.get(id);
        if (!complete(view)) {
          seenView.set(id, null);
          continue;
        }
        if (last && near(last, view)) continue;
        seenView.set(id, { x: view.x, y: view.y, zoom: view.zoom });
        const expected = expectedView.get(id);
        if (expected && near(expected, view)) {
          expectedView.delete(id);
          continue;
        }
        // The first viewport after a reset is Mirador fitting the new page: not the reader's doing.
        if (!last || !actions.enabled()) continue;
        // Back at the whole opening (a fit after a resize, the reset button): each copy fits its own.
        if (actions.showsWhole?.(id, view)) continue;
        const fresh = store.getState();
        for (const other of others) {
          const from = widthOf(canvasesOf(fresh, id), fresh.windows[id]!.canvasId);
          const to = widthOf(canvasesOf(fresh, other), fresh.windows[other]!.canvasId);
          const scale = from && to ? to / from : 1;
          const next = { x: view.x * scale, y: view.y * scale, zoom: view.zoom / scale };
          expectedView.set(other, next);
          store.dispatch(actions.updateViewport(other, next));
        }
      }
    } finally {
      busy = false;
    }
  };
  listener();
  return {
    stop: store.subscribe(listener),
    expect: (windowId, viewport) => expectedView.set(windowId, viewport),
  };
}
