// How a record is read, from its binding (装帧形式): Chinese bindings page right to left, Western
// bindings of 民国 items left to right, scrolls unroll continuously. The table is the shipped
// default; it is kept as data (setting `iiif_reading_layouts`) so a centre can change it.

import type { ViewingDirection } from '@iiif/presentation-3';
import { foldTerm } from '../census/term-folding.rules.js';
import type { RecordType } from '../domain/record.types.js';

/** The IIIF behaviours this project uses for whole objects. */
export type LayoutBehavior = 'paged' | 'continuous' | 'individuals';

/** How one binding is presented. `types` limits a rule to record types (absent: every type). */
export interface ReadingLayoutRule {
  readonly bindings: readonly string[];
  readonly types?: readonly RecordType[];
  readonly viewingDirection: ViewingDirection;
  readonly behavior: readonly LayoutBehavior[];
}

/** The reading layout of a record. */
export interface ReadingLayout {
  readonly viewingDirection: ViewingDirection;
  readonly behavior: readonly LayoutBehavior[];
}

/** Shipped default: what is not listed (线装, 包背装, 蝴蝶装, 经折装, unknown …) pages right to left. */
export const DEFAULT_READING_LAYOUTS: readonly ReadingLayoutRule[] = [
  { bindings: ['卷轴装'], viewingDirection: 'top-to-bottom', behavior: ['continuous'] },
  // A 古籍 rebound in a Western binding is still a Chinese book read right to left.
  { bindings: ['平装', '精装'], types: ['minguo'], viewingDirection: 'left-to-right', behavior: ['paged'] },
];

/** Chinese books: right to left, two leaves side by side. */
export const DEFAULT_LAYOUT: ReadingLayout = { viewingDirection: 'right-to-left', behavior: ['paged'] };

/** The layout of a record: the first rule naming its binding (traditional or simplified) and type. */
export function readingLayout(
  binding: string | null,
  type: RecordType,
  rules: readonly ReadingLayoutRule[] = DEFAULT_READING_LAYOUTS,
): ReadingLayout {
  if (binding) {
    const key = foldTerm(binding);
    const rule = rules.find(
      (r) => r.bindings.some((b) => foldTerm(b) === key) && (!r.types || r.types.includes(type)),
    );
    if (rule) return { viewingDirection: rule.viewingDirection, behavior: rule.behavior };
  }
  return DEFAULT_LAYOUT;
}
