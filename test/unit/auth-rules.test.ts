import test from 'ava';
import { retryAfterSeconds } from '../../src/auth/login-throttle.rules.js';
import {
  auditScope,
  canAdministerProvince,
  canManageAccount,
  canViewInstitutionStaff,
} from '../../src/domain/permissions.rules.js';
import { accountShapeProblems } from '../../src/users/account-shape.rules.js';
import { passwordProblem } from '../../src/domain/password-policy.rules.js';
import type { Role } from '../../src/domain/roles.js';
import type { ActorScope } from '../../src/domain/permissions.rules.js';

const limits = { windowMs: 60_000, perEmail: 3, perIp: 5 };
const now = new Date('2026-01-01T00:10:00Z');
const ago = (s: number) => new Date(now.getTime() - s * 1000);

test('throttle: under the limit no wait', (t) => {
  t.is(retryAfterSeconds({ byEmail: [ago(1), ago(2)], byIp: [] }, now, limits), 0);
});
test('throttle: at the e-mail limit, wait until the oldest counted failure leaves the window', (t) => {
  t.is(retryAfterSeconds({ byEmail: [ago(1), ago(2), ago(10)], byIp: [] }, now, limits), 50);
});
test('throttle: the address limit applies on its own', (t) => {
  t.is(retryAfterSeconds({ byEmail: [], byIp: [ago(1), ago(2), ago(3), ago(4), ago(30)] }, now, limits), 30);
});

const national: ActorScope = { role: 'national_admin', institutionId: null, provinceCode: null };
const fujianAdmin: ActorScope = { role: 'provincial_admin', institutionId: null, provinceCode: '350000' };
const cataloguer: ActorScope = { role: 'cataloguer', institutionId: 'inst-a', provinceCode: '350000' };

const provinceCases: Array<[string, ActorScope, string, boolean]> = [
  ['national admin, any province', national, '320000', true],
  ['provincial admin, own province', fujianAdmin, '350000', true],
  ['provincial admin, other province', fujianAdmin, '320000', false],
  ['cataloguer, own province', cataloguer, '350000', false],
];
for (const [title, actor, province, expected] of provinceCases) {
  test(`canAdministerProvince: ${title}`, (t) => t.is(canAdministerProvince(actor, province), expected));
}

const accountCases: Array<[string, ActorScope, Role, string | null, boolean]> = [
  ['national admin grants provincial admin', national, 'provincial_admin', '320000', true],
  ['national admin grants reader', national, 'reader', null, true],
  ['provincial admin grants cataloguer in province', fujianAdmin, 'cataloguer', '350000', true],
  ['provincial admin grants reviewer in province', fujianAdmin, 'reviewer', '350000', true],
  ['provincial admin grants cataloguer elsewhere', fujianAdmin, 'cataloguer', '320000', false],
  ['provincial admin grants provincial admin', fujianAdmin, 'provincial_admin', '350000', false],
  ['provincial admin grants national admin', fujianAdmin, 'national_admin', null, false],
  ['provincial admin grants reader', fujianAdmin, 'reader', null, false],
  ['cataloguer grants cataloguer', cataloguer, 'cataloguer', '350000', false],
];
for (const [title, actor, role, province, expected] of accountCases) {
  test(`canManageAccount: ${title}`, (t) =>
    t.is(canManageAccount(actor, { role, provinceCode: province }), expected));
}

test('institution staff lists: own institution yes, neighbour no', (t) => {
  t.true(canViewInstitutionStaff(cataloguer, { id: 'inst-a', provinceCode: '350000' }));
  t.false(canViewInstitutionStaff(cataloguer, { id: 'inst-b', provinceCode: '350000' }));
  t.true(canViewInstitutionStaff(fujianAdmin, { id: 'inst-b', provinceCode: '350000' }));
});

test('audit scope: national all, provincial own province, others none', (t) => {
  t.deepEqual(auditScope(national), { allowed: true, provinceCode: null });
  t.deepEqual(auditScope(fujianAdmin), { allowed: true, provinceCode: '350000' });
  t.false(auditScope(cataloguer).allowed);
});

const shapeCases: Array<[Role, string | null, string | null, string[]]> = [
  ['cataloguer', 'i', null, []],
  ['cataloguer', null, null, ['institutionId']],
  ['conservator', 'i', '350000', ['provinceCode']],
  ['reviewer', null, '350000', []],
  ['reviewer', 'i', null, ['provinceCode', 'institutionId']],
  ['provincial_admin', null, null, ['provinceCode']],
  ['national_admin', null, null, []],
  ['national_admin', null, '350000', ['provinceCode']],
  ['reader', 'i', null, ['institutionId']],
];
for (const [role, inst, province, expected] of shapeCases) {
  test(`account shape: ${role} institution=${inst} province=${province}`, (t) => {
    t.deepEqual(
      accountShapeProblems(role, inst, province).map((p) => p.field),
      expected,
    );
  });
}

test('password policy: length and variety', (t) => {
  t.truthy(passwordProblem('Short1'));
  t.truthy(passwordProblem('alllowercaseletters'));
  t.is(passwordProblem('lower-and-symbols'), undefined);
  t.is(passwordProblem('Mixed-Case-Password'), undefined);
  t.truthy(passwordProblem('x'.repeat(201) + 'A'));
});
