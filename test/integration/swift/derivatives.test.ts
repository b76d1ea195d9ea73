// The derivative-job tests of ../derivatives.test.ts, against OpenStack Swift (s3api) instead of s3rver.
import test from 'ava';
import { swiftUnavailableReason, useS3Server } from '../../helpers/environment.js';

const reason = swiftUnavailableReason();
if (reason) {
  console.log(`derivative tests on Swift skipped: ${reason}`);
  test.skip(`[swift] derivative tests (${reason})`, () => undefined);
} else {
  useS3Server('swift');
  await import('../derivatives.test.js');
}
