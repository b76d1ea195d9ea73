import test from 'ava';
import { staffAreasOf } from '../../src/auth/staff-areas.rules.js';

test('each role is offered the areas it works in, in navigation order', (t) => {
  t.deepEqual(staffAreasOf('cataloguer'), ['records', 'triage', 'statistics', 'restoration', 'institutions']);
  t.deepEqual(staffAreasOf('reviewer'), ['records', 'review', 'institutions']);
  t.deepEqual(staffAreasOf('reader'), ['institutions']);
  t.deepEqual(staffAreasOf('provincial_admin'), staffAreasOf('national_admin'));
  t.true(staffAreasOf('national_admin').includes('audit'));
  t.false(staffAreasOf('conservator').includes('users'));
});
