// Finds merged ranges (<mergeCell ref="A5:B6"/>) in a worksheet's raw XML.
//
// exceljs's streaming reader ignores <mergeCells>, and the element comes after <sheetData> in the
// sheet XML, so merges are only known once every row has been read. The XLSX reader therefore
// scans the first sheet once for merges (no cell parsing, little memory) before it yields a row.

import { StringDecoder } from 'node:string_decoder';

// Any namespace prefix (x:mergeCell) and either quote style.
const MERGE_CELL = /<(?:[\w.-]+:)?mergeCell\b[^>]*?\bref\s*=\s*["']([^"']+)["']/g;

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
    const cut = text.lastIndexOf('<');
    scan(cut < 0 ? text : text.slice(0, cut));
    carry = cut < 0 ? '' : text.slice(cut);
  }
  scan(carry + decoder.end());
  return ranges;
}
