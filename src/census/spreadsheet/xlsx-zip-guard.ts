// Refuses XLSX zip bombs before any XML is parsed. An .xlsx is a zip archive: a 312 KB upload can
// hold a 300 MB worksheet or shared-string table, which exceljs would parse for many minutes. The
// archive is read once with unzipper's streaming parser (the same one exceljs uses, so this sees
// what exceljs will see, whatever the central directory claims), every part is inflated and counted
// as it streams, and nothing is kept: the pass stops at the first part that inflates too much.
//
// The bounds follow Apache POI's ZipSecureFile: a part may not inflate to more than 100 times its
// compressed size once it is past 100 KiB (real sheets compress 5–30 times), and all parts together
// may not inflate past MAX_UNZIPPED_BYTES.

import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import unzipper from 'unzipper';
import { fileError } from './sheet-errors.js';

/** Largest inflated size of all parts of one workbook together. */
export const MAX_UNZIPPED_BYTES = 1024 * 1024 * 1024;
/** Largest ratio of inflated to compressed size of one part, once it is past RATIO_GRACE_BYTES. */
export const MAX_INFLATE_RATIO = 100;
const RATIO_GRACE_BYTES = 100 * 1024;

function zipBomb(part: string, inflated: number, compressed: number, total: boolean) {
  const why = total
    ? {
        zh: `解压后超过 ${MAX_UNZIPPED_BYTES} 字节的上限`,
        en: `it inflates past the limit of ${MAX_UNZIPPED_BYTES} bytes`,
      }
    : {
        zh: `部件 ${part} 由 ${compressed} 字节解压出 ${inflated} 字节以上（压缩比超过 ${MAX_INFLATE_RATIO}）`,
        en: `part ${part} inflates from ${compressed} bytes to more than ${inflated} (a ratio above ${MAX_INFLATE_RATIO})`,
      };
  return fileError(
    'XLSX_ZIP_BOMB',
    `工作簿解压后过大，疑为“压缩炸弹”，未导入：${why.zh}。正常的工作簿不会这样；请检查文件，或另存为 CSV 后上传`,
    `The workbook inflates far too much and looks like a zip bomb, so it was not imported: ${why.en}. A normal workbook does not; check the file, or save it as CSV and upload that`,
    [
      {
        path: 'file',
        value: part,
        rule: total ? 'max_unzipped_bytes' : 'max_inflate_ratio',
        messageZh: why.zh,
        messageEn: why.en,
      },
    ],
  );
}

/** Throws XLSX_ZIP_BOMB when a part of the archive inflates too much; other zip errors are thrown as they are. */
export async function checkZipBomb(path: string): Promise<void> {
  const fileSize = (await stat(path)).size;
  const input = createReadStream(path);
  const zip = input.pipe(unzipper.Parse({ forceStream: true }));
  let total = 0;
  // A damaged archive fails the parser, not the part being read (and a truncated one may still
  // announce a part that never ends): end that part's read with the error, and announce no more.
  let current: unzipper.Entry | undefined;
  let failure: Error | undefined;
  input.on('error', (error) => zip.destroy(error));
  zip.on('error', (error: Error) => {
    failure ??= error;
    current?.destroy(error);
  });
  try {
    for await (const entry of zip as AsyncIterable<unzipper.Entry>) {
      if (failure) throw failure;
      current = entry;
      // A part written with a data descriptor has no size in its local header: measure it against the file.
      const compressed = entry.vars.compressedSize > 0 ? entry.vars.compressedSize : fileSize;
      let inflated = 0;
      for await (const chunk of entry as AsyncIterable<Buffer>) {
        inflated += chunk.length;
        total += chunk.length;
        if (total > MAX_UNZIPPED_BYTES) throw zipBomb(entry.path, inflated, compressed, true);
        if (inflated > RATIO_GRACE_BYTES && inflated > compressed * MAX_INFLATE_RATIO)
          throw zipBomb(entry.path, inflated, compressed, false);
      }
    }
    if (failure) throw failure;
  } finally {
    input.destroy();
    zip.destroy();
  }
}
