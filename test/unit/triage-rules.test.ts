import test from 'ava';
import {
  DEFAULT_TRIAGE_WEIGHTS,
  explainTriageScore,
  validateTriageWeights,
} from '../../src/triage/triage.rules.js';
import { resolveScope } from '../../src/triage/triage-scope.rules.js';
import { validatePreciousListEntry } from '../../src/grading/precious-list.rules.js';

test('a 一级 book at 一级破损, listed and severely acidic, scores every factor', (t) => {
  const r = explainTriageScore(DEFAULT_TRIAGE_WEIGHTS, {
    damageLevel: '一级',
    grade: '一级甲等',
    onPreciousList: true,
    acidityBand: 'severe',
  });
  t.is(r.score, 220);
  t.deepEqual(
    r.parts.map((p) => p.factor),
    ['damageLevel', 'grade', 'preciousList', 'acidity'],
  );
});

test('unassessed and ungraded records score nothing', (t) => {
  const r = explainTriageScore(DEFAULT_TRIAGE_WEIGHTS, {
    damageLevel: '未评估',
    grade: '未定级',
    onPreciousList: false,
    acidityBand: null,
  });
  t.is(r.score, 0);
  t.is(r.explanationEn, 'nothing scores = 0');
});

test('weights must be complete whole numbers from 0 to 1000', (t) => {
  t.deepEqual(validateTriageWeights(DEFAULT_TRIAGE_WEIGHTS), []);
  const issues = validateTriageWeights({
    ...DEFAULT_TRIAGE_WEIGHTS,
    damageLevel: { ...DEFAULT_TRIAGE_WEIGHTS.damageLevel, 一级: 1.5 },
    acidity: { severe: 1 },
    preciousList: 1001,
  });
  t.deepEqual(
    issues.map((i) => i.field),
    ['damageLevel.一级', 'acidity.heavy', 'acidity.needs_deacidification', 'acidity.ok', 'preciousList'],
  );
});

test('scopes follow the role', (t) => {
  const inst = { id: 'a', provinceCode: '350000' };
  t.is(
    resolveScope({ role: 'national_admin', institutionId: null, provinceCode: null }, {})?.level,
    'nation',
  );
  t.is(
    resolveScope({ role: 'provincial_admin', institutionId: null, provinceCode: '350000' }, {})?.level,
    'province',
  );
  t.is(
    resolveScope(
      { role: 'provincial_admin', institutionId: null, provinceCode: '320000' },
      { institution: inst },
    ),
    undefined,
  );
  t.is(
    resolveScope({ role: 'conservator', institutionId: 'a', provinceCode: '350000' }, {})?.institutionId,
    'a',
  );
  t.is(resolveScope({ role: 'reviewer', institutionId: null, provinceCode: '350000' }, {}), undefined);
});

test('precious list entries: number, batch and its year', (t) => {
  t.deepEqual(validatePreciousListEntry({ number: '00940.1', batch: 1, year: 2008 }), []);
  t.deepEqual(
    validatePreciousListEntry({ number: '0940', batch: 6, year: 2019 }).map((i) => i.field),
    ['number', 'year'],
  );
  t.is(validatePreciousListEntry({ number: '13026', batch: 0, year: 2008 })[0]?.field, 'batch');
});
