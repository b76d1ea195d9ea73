// Finds merged ranges (<mergeCell ref="A5:B6"/>) in a worksheet's raw XML.
//
// exceljs's streaming reader ignores <mergeCells>, and the element comes after <sheetData> in the
// sheet XML, so merges are only known once every row has been read. The XLSX reader therefore
// scans the first sheet once for merges (no cell parsing, little memory) before it yields a row.

import { StringDecoder } from 'node:string_decoder';

// Any namespace prefix (x:mergeCell) and either quote style.
const MERGE_CELL = /<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref\s*=\s*["']([^"']+)["']/g;

/** Longer than any <mergeCell …/> tag (its ref is at most A1:XFD1048576). */
const MAX_TAG_CHARS = 1024;

/** Every merged range of a worksheet, in document order. */
export async function scanMergedRanges(xmlChunks: AsyncIterable<Buffer | string>): Promise<string[]> {
  const decoder = new StringDecoder('utf8');
  const ranges: string[] = [];
  let carry = '';
  const scan = (text: string) => {
    for (const match of text.matchAll(MERGE_CELL)) ranges.push(match[1]!);
  };
  for await (const chunk of xmlChunks) {
    const text = carry + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
    // A tag cut by the chunk boundary is kept for the next round: scan only up to the last '<'.
    // Only a short tail can be the start of a <mergeCell> tag; a long one is cell text after some
    // other tag, and carrying it on would copy a huge cell again with every chunk (quadratic time:
    // a 300 MB cell held the import for twenty minutes).
    const cut = text.lastIndexOf('<');
    scan(cut < 0 ? text : text.slice(0, cut));
    const tail = cut < 0 ? '' : text.slice(cut);
    if (tail.length > MAX_TAG_CHARS) scan(tail);
    carry = tail.length <= MAX_TAG_CHARS ? tail : '';
  }
  scan(carry + decoder.end());
  return ranges;
}
