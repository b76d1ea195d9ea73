import { cellId, screenCompletion, type CellBounds } from './screen-tiles.rules.js';

/**
 * The tiles of one level of one pack asked for together — within `windowMs` of the first of them —
 * and what of their screen is still to read (screen-tiles.rules.ts). A viewer's browser sends a
 * screen's tiles over its connections at once, so the first of them arrive within a few
 * milliseconds of each other; later ones, sent as connections come free, start a batch of their own.
 */
export class ScreenBatches {
  private readonly batches = new Map<string, Batch>();
  private readonly windowMs: number;
  private readonly now: () => number;

  /** `now`: the clock in milliseconds (tests give their own). */
  constructor(options: { windowMs: number; now?: () => number }) {
    this.windowMs = options.windowMs;
    this.now = options.now ?? (() => performance.now());
  }

  /**
   * Notes that the tile at (`column`, `row`) of the level `key` was asked for, and returns the cells
   * of its batch's rectangle neither asked for nor returned before (the caller reads them along).
   */
  note(key: string, column: number, row: number): Array<{ column: number; row: number }> {
    const batch = this.batchFor(key);
    batch.asked.add(cellId(column, row));
    const b = batch.bounds;
    batch.bounds = b
      ? {
          minColumn: Math.min(b.minColumn, column),
          maxColumn: Math.max(b.maxColumn, column),
          minRow: Math.min(b.minRow, row),
          maxRow: Math.max(b.maxRow, row),
        }
      : { minColumn: column, maxColumn: column, minRow: row, maxRow: row };
    // Each cell is returned once; the bound counts only the tiles asked for.
    const missing = screenCompletion(batch.bounds, batch.asked).filter(
      (cell) => !batch.returned.has(cellId(cell.column, cell.row)),
    );
    for (const cell of missing) batch.returned.add(cellId(cell.column, cell.row));
    return missing;
  }

  /** The level's batch still within its window, or a new one begun now. */
  private batchFor(key: string): Batch {
    const now = this.now();
    const open = this.batches.get(key);
    if (open && now - open.startedAt <= this.windowMs) return open;
    if (this.batches.size >= MAX_BATCHES) this.forgetOld(now);
    const batch: Batch = { startedAt: now, asked: new Set(), returned: new Set(), bounds: undefined };
    this.batches.set(key, batch);
    return batch;
  }

  private forgetOld(now: number): void {
    for (const [key, batch] of this.batches)
      if (now - batch.startedAt > this.windowMs) this.batches.delete(key);
    // All recent (a flood of levels at once): start afresh rather than grow without bound.
    if (this.batches.size >= MAX_BATCHES) this.batches.clear();
  }
}

/** Batches kept at once (one per level being read within the window). */
const MAX_BATCHES = 1024;

interface Batch {
  readonly startedAt: number;
  readonly asked: Set<string>;
  readonly returned: Set<string>;
  bounds: CellBounds | undefined;
}
