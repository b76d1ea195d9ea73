import test from 'ava';
import { plausibleImageSize, type ClaimedImage } from '../../src/images/image-plausibility.rules.js';

const rgb = (format: string, width: number, height: number, bits = 8): ClaimedImage => ({
  format,
  width,
  height,
  channels: 3,
  bitsPerSample: bits,
});

test('the files of the report are refused', (t) => {
  t.false(plausibleImageSize(11_776, rgb('jpeg', 15000, 15000)).plausible); // 11.5 KB JPEG
  t.false(plausibleImageSize(1_146, rgb('tiff', 15000, 15000)).plausible);
  t.is(plausibleImageSize(1_146, rgb('tiff', 15000, 15000)).minBytes, 337_500);
});

test('the most compressible real masters measured are accepted', (t) => {
  // 6000×8000 scans measured with sharp (see the rule's comment).
  t.true(plausibleImageSize(281_516, rgb('jpeg', 6000, 8000)).plausible); // blank page, q90
  t.true(plausibleImageSize(152_734, rgb('tiff', 6000, 8000)).plausible); // blank page, LZW
  t.true(plausibleImageSize(159_927, rgb('png', 6000, 8000)).plausible); // blank page, PNG
  const bilevelPng = { format: 'png', width: 6000, height: 8000, channels: 1, bitsPerSample: 1 };
  t.true(plausibleImageSize(5_951, bilevelPng).plausible); // blank page, 1-bit PNG
  // A blank 1-bit page in CCITT G4 costs about one bit per row.
  const g4 = { format: 'tiff', width: 6000, height: 8000, channels: 1, bitsPerSample: 1 };
  t.true(plausibleImageSize(1_200, g4).plausible);
  t.false(plausibleImageSize(900, g4).plausible);
});
