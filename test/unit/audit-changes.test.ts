// What an audit entry changed, as read: codes by the features' labels, ids by names, bookkeeping
// left out, and an unknown field said to be one rather than shown bare.
import test from 'ava';
import { auditChanges, referencedIds } from '../../src/audit-log/audit-changes.rules.js';

const names = {
  people: new Map([['0b6c3f52-9a43-4c1e-8f0e-2d8c7a3b9e11', '林小英']]),
  institutions: new Map([['5e2a1c77-3b1d-4f5a-9c2e-7d4b8a6f0c22', '福建省圖書館']]),
};

test('work-order states, damage levels and restoration roles read by their labels', (t) => {
  const [state] = auditChanges(
    { entityType: 'work_order', before: { state: 'approved' }, after: { state: 'in_progress' } },
    names,
  );
  t.like(state, { label: { zh: '工单状态' }, before: { zh: '方案已批准' }, after: { zh: '修复中' } });
  const [level] = auditChanges(
    { entityType: 'census_record', before: { damageGrade: null }, after: { damageGrade: '三级' } },
    names,
  );
  t.like(level, { before: null, after: { zh: '三级破损', en: 'Level 3' } });
  const role = auditChanges(
    {
      entityType: 'restoration_role',
      before: null,
      after: { userId: '0b6c3f52-9a43-4c1e-8f0e-2d8c7a3b9e11', role: 'inspector' },
    },
    names,
  );
  t.deepEqual(
    role.map((c) => [c.label.zh, c.after?.zh]),
    [
      ['人员', '林小英'],
      ['角色', '验收人'],
    ],
  );
});

test('ids without a name, versions, derived labels and e-mails of others are left out', (t) => {
  const changes = auditChanges(
    {
      entityType: 'work_order',
      before: null,
      after: {
        logEntryId: '9d1e2f3a-0000-4000-8000-000000000001',
        imageIds: ['9d1e2f3a-0000-4000-8000-000000000002'],
        version: 3,
        stateLabel: { zh: '修复中', en: 'In treatment' },
        reviewerEmail: 'x@example.org',
        centreId: '5e2a1c77-3b1d-4f5a-9c2e-7d4b8a6f0c22',
        summary: '蟲蛀嚴重，需逐葉托裱。',
      },
    },
    names,
  );
  t.deepEqual(
    changes.map((c) => [c.field, c.after?.zh]),
    [
      ['centreId', '福建省圖書館'],
      ['summary', '蟲蛀嚴重，需逐葉托裱。'],
    ],
  );
});

test('a gone person, a reset password, lists and an unknown field read as words', (t) => {
  const changes = auditChanges(
    {
      entityType: 'user',
      before: { reviewerId: '1a2b3c4d-0000-4000-8000-00000000000f', active: true },
      after: {
        password: '(reset)',
        active: false,
        onSiteNetworks: ['10.1.0.0/16', '192.168.3.0/24'],
        zzz: 1,
      },
    },
    names,
  );
  const by = Object.fromEntries(changes.map((c) => [c.field, c]));
  t.like(by['reviewerId'], { before: { zh: '（已不存在的账户）' }, after: null });
  t.like(by['password'], { after: { zh: '已重置', en: 'reset' } });
  t.like(by['active'], { before: { zh: '是', en: 'yes' }, after: { zh: '否', en: 'no' } });
  t.like(by['onSiteNetworks'], { after: { zh: '10.1.0.0/16；192.168.3.0/24' } });
  t.like(by['zzz'], { label: { zh: '其他（zzz）', en: 'other (zzz)' } });
});

test('only well-formed ids of people and institutions are looked up', (t) => {
  t.deepEqual(
    referencedIds([
      { after: { userId: '0b6c3f52-9a43-4c1e-8f0e-2d8c7a3b9e11', centreId: "x' or 1=1 --" } },
      { before: { institutionId: '5e2a1c77-3b1d-4f5a-9c2e-7d4b8a6f0c22' }, after: null },
    ]),
    {
      people: ['0b6c3f52-9a43-4c1e-8f0e-2d8c7a3b9e11'],
      institutions: ['5e2a1c77-3b1d-4f5a-9c2e-7d4b8a6f0c22'],
    },
  );
});

test("a grading's warnings, kept as codes, read by their names", (t) => {
  const changes = auditChanges(
    {
      entityType: 'grading_assessment',
      before: null,
      after: { grade: '三级', warnings: ['GRADE_BELOW_PERIOD_FLOOR', 'PRECIOUS_LIST_BELOW_GRADE_2'] },
    },
    names,
  );
  const warnings = changes.find((c) => c.label.zh === '提示');
  t.is(warnings?.after?.zh, '低于版本年代所示下限；名录古籍定级低于二级');
  t.notRegex(JSON.stringify(changes), /GRADE_|PRECIOUS_/);
});
