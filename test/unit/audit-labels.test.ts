// Every action the features write to the audit log has a name in both languages (no
// record.publish on an administrator's screen), and every entity type they name has a label.
import fs from 'node:fs';
import path from 'node:path';
import test from 'ava';
import {
  AUDIT_ACTIONS,
  auditActionLabel,
  auditActorLabel,
  ENTITY_TYPE_LABELS,
  entityTypeLabel,
} from '../../src/audit-log/audit-labels.rules.js';
import { WORKFLOW_ACTIONS } from '../../src/domain/record-workflow.rules.js';
import { WORK_ORDER_ACTIONS } from '../../src/restoration/work-order-state.rules.js';

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'web' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The literal actions and entity types written next to recordAudit calls in the server's code. */
function writtenCodes(): { actions: Set<string>; entityTypes: Set<string> } {
  const actions = new Set<string>();
  const entityTypes = new Set<string>();
  for (const file of sourceFiles('src')) {
    const text = fs.readFileSync(file, 'utf8');
    if (!text.includes('recordAudit(') || file.includes(`${path.sep}audit${path.sep}`)) continue;
    for (const line of text.split('\n')) {
      if (/\baction:/.test(line))
        for (const m of line.matchAll(/'([a-z_]+(?:\.[a-z_]+)+)'/g)) actions.add(m[1]!);
      if (/\bentityType:/.test(line)) for (const m of line.matchAll(/'([a-z_]+)'/g)) entityTypes.add(m[1]!);
    }
  }
  return { actions, entityTypes };
}

test('every audit action the features write is named in both languages', (t) => {
  const { actions } = writtenCodes();
  t.true(actions.size > 30, `found ${actions.size} actions`);
  for (const a of WORKFLOW_ACTIONS) actions.add(`record.${a}`);
  for (const a of WORK_ORDER_ACTIONS) actions.add(`work_order.${a}`);
  const missing = [...actions].filter((a) => !AUDIT_ACTIONS.includes(a));
  t.deepEqual(missing, [], 'actions without a label');
  t.deepEqual(auditActionLabel('record.publish'), { zh: '发布记录', en: 'Published' });
});

test('every entity type the features write has a label; census_record reads 普查记录', (t) => {
  const { entityTypes } = writtenCodes();
  t.true(entityTypes.size > 10);
  t.deepEqual(
    [...entityTypes].filter((e) => !(e in ENTITY_TYPE_LABELS)),
    [],
  );
  t.is(entityTypeLabel('census_record').zh, '普查记录');
});

test('an unknown code is said to be one, not shown bare; no person is the service, said so', (t) => {
  t.is(auditActionLabel('x.y').zh, '其他操作（x.y）');
  t.is(entityTypeLabel('thing').en, 'other (thing)');
  t.is(auditActorLabel(null).zh, '系统（自动任务）');
  t.deepEqual(auditActorLabel('林普查'), { zh: '林普查', en: '林普查' });
});
