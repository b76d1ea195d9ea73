import test from 'ava';
import {
  actorRolesFor,
  canGrantRestoration,
  canRaiseWorkOrder,
  canViewWorkOrder,
  needsIndependentApproval,
} from '../../src/restoration/work-order-access.rules.js';
import { logTotals, workerIds } from '../../src/restoration/work-order-totals.rules.js';

const order = { institutionId: 'A', provinceCode: '350000', grantedCentreId: 'C' };
const cons = (institutionId: string) => ({
  role: 'conservator' as const,
  institutionId,
  provinceCode: '350000',
});

test('the holding institution and the granted centre see the order; others do not', (t) => {
  t.true(canViewWorkOrder({ role: 'cataloguer', institutionId: 'A', provinceCode: '350000' }, order));
  t.true(canViewWorkOrder(cons('C'), order));
  t.false(canViewWorkOrder(cons('B'), order));
  t.false(canViewWorkOrder(cons('C'), { ...order, grantedCentreId: null }));
  t.true(canViewWorkOrder({ role: 'provincial_admin', institutionId: null, provinceCode: '350000' }, order));
  t.false(canViewWorkOrder({ role: 'provincial_admin', institutionId: null, provinceCode: '320000' }, order));
});

test('roles come from the account and its capabilities, only where the actor works on the order', (t) => {
  t.deepEqual(actorRolesFor(cons('A'), new Set(['inspector']), order), {
    isConservator: true,
    isStudioHead: false,
    isInspector: true,
  });
  t.deepEqual(actorRolesFor(cons('B'), new Set(['studio_head', 'inspector']), order), {
    isConservator: false,
    isStudioHead: false,
    isInspector: false,
  });
  const cataloguer = { role: 'cataloguer' as const, institutionId: 'A', provinceCode: '350000' };
  t.false(actorRolesFor(cataloguer, new Set(), order).isConservator);
});

test('raising and granting', (t) => {
  const record = { institutionId: 'A', provinceCode: '350000' };
  t.true(canRaiseWorkOrder(cons('C'), record, ['C']));
  t.false(canRaiseWorkOrder(cons('C'), record, []));
  t.false(
    canRaiseWorkOrder({ role: 'cataloguer', institutionId: 'C', provinceCode: '110000' }, record, ['C']),
  );
  t.true(
    canGrantRestoration({ role: 'cataloguer', institutionId: 'A', provinceCode: '350000' }, record, false),
  );
  t.false(canGrantRestoration(cons('A'), record, false));
  t.true(canGrantRestoration(cons('A'), record, true));
});

test('independent approval for 一级/二级 and the precious list', (t) => {
  t.true(needsIndependentApproval({ grade: '一级甲等', preciousListNumber: null }));
  t.true(needsIndependentApproval({ grade: '二级', preciousListNumber: null }));
  t.false(needsIndependentApproval({ grade: '三级', preciousListNumber: null }));
  t.true(needsIndependentApproval({ grade: null, preciousListNumber: '00123' }));
});

test('totals are exact to the hundredth and workers include whoever started or completed', (t) => {
  t.deepEqual(
    logTotals([
      { leavesTreated: 3, hours: '0.10' },
      { leavesTreated: 4, hours: 0.2 },
    ]),
    { leaves: 7, hours: 0.3 },
  );
  t.deepEqual(
    workerIds(
      ['u1'],
      [
        { action: 'plan', actorId: 'u2' },
        { action: 'start', actorId: 'u3' },
        { action: null, actorId: 'u4' },
      ],
    ).sort(),
    ['u1', 'u3'],
  );
});
