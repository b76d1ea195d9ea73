import test from 'ava';
import { isDueEvery } from '../../src/jobs/periodic.rules.js';

const at = (date: number, hour: number, min: number) => ({ date, hour, min });

test('a daily job is due at midnight UTC every day, and at no other minute', (t) => {
  t.true(isDueEvery(24 * 60, at(1, 0, 0)));
  t.true(isDueEvery(24 * 60, at(17, 0, 0)));
  t.false(isDueEvery(24 * 60, at(17, 0, 1)));
  t.false(isDueEvery(24 * 60, at(17, 12, 0)));
});

test('shorter and odd intervals fall on fixed clock times; a fraction of a minute is every minute', (t) => {
  t.deepEqual(
    [0, 6, 12, 18, 3].map((h) => isDueEvery(6 * 60, at(9, h, 0))),
    [true, true, true, true, false],
  );
  t.deepEqual(
    [at(1, 0, 0), at(1, 1, 30), at(1, 1, 0), at(2, 0, 0)].map((m) => isDueEvery(90, m)),
    [true, true, false, true],
  );
  t.true(isDueEvery(0.06, at(3, 4, 5)));
});

test('an interval of a month or more runs on the first of the month', (t) => {
  t.true(isDueEvery(31 * 24 * 60, at(1, 0, 0)));
  t.false(isDueEvery(31 * 24 * 60, at(2, 0, 0)));
  t.false(isDueEvery(31 * 24 * 60, at(28, 0, 0)));
});
