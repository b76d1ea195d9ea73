// The part of Mirador 4's ES module the app uses (the package ships no type declarations).
declare module 'mirador' {
  export interface MiradorInstance {
    store: {
      getState(): unknown;
      dispatch(action: unknown): unknown;
      subscribe(listener: () => void): () => void;
    };
    unmount?: () => void;
  }
  export function viewer(config: Record<string, unknown>, plugins?: unknown[]): MiradorInstance;
  /** Opens a leaf (and its opening in book view) in a window. */
  export function setCanvas(windowId: string, canvasId: string): unknown;
  /** Moves a window's viewport (canvas-pixel centre and OpenSeadragon zoom). */
  export function updateViewport(
    windowId: string,
    viewport: { x: number; y: number; zoom: number; flip?: boolean; rotation?: number },
  ): unknown;
  /** Each window's OpenSeadragon viewer, once drawn (its viewport, and events: see retryFailedTiles.ts). */
  export const OSDReferences: {
    get(windowId: string):
      | {
          current?: {
            viewport?: { getContainerSize(): { x: number; y: number } };
            addHandler(event: string, handler: (event: never) => void): void;
          };
        }
      | undefined;
  };
  /** The view a window shows: single | book | scroll | gallery. */
  export function getWindowViewType(state: unknown, props: { windowId: string }): string;
}
