import test from 'ava';
import { containsPattern } from '../../src/kernel/like-pattern.js';

test('a contains-pattern takes %, _ and the escape character literally', (t) => {
  t.is(containsPattern('a%b_c\\d'), '%a\\%b\\_c\\\\d%');
  t.is(containsPattern('史記'), '%史記%');
});
