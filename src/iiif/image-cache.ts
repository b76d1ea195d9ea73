/**
 * A small in-process LRU of encoded IIIF responses, bounded by bytes: a viewer asks for the same
 * tiles again as the reader pages back and forth, and every hit saves an object-store round trip.
 */
export class ImageResponseCache {
  private readonly entries = new Map<string, Buffer>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): Buffer | undefined {
    const value = this.entries.get(key);
    if (value) {
      // Re-insert to mark as most recently used (Map keeps insertion order).
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  /** Whether the key is held (without marking it used). */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Holds a value unless it is larger than an eighth of the budget (see `holds`). */
  set(key: string, value: Buffer): void {
    if (!this.holds(value.length)) return; // one huge render must not flush the tiles
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.length;
      this.entries.delete(key);
    }
    this.entries.set(key, value);
    this.bytes += value.length;
    for (const [k, v] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(k);
      this.bytes -= v.length;
    }
  }

  /** Whether a value of this many bytes would be held. */
  holds(bytes: number): boolean {
    return bytes <= this.maxBytes / 8;
  }

  get size(): number {
    return this.entries.size;
  }
}
