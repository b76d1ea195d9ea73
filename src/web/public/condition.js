// /records/:censusNumber/condition — grading (grade, 等次, basis) and condition assessments: add
// observations and pH readings, see the computed level live with the rule that decided it, override
// with a reason, and read the history with each assessment beside the one before it.

import { h, replace } from './dom.js';
import { addMessages, pick, t } from './i18n.js';
import { api } from './api.js';
import { errorBox, pageHeader } from './components.js';

addMessages({
  'cond.title': ['定级与破损评估', 'Grading and condition'],
  'cond.grading': ['古籍定级', 'Grading'],
  'cond.assess': ['破损评估', 'Condition assessment'],
  'cond.history': ['评估历史', 'Assessment history'],
});

const DAMAGE_TYPES = [
  '酸化',
  '老化',
  '霉变',
  '虫蛀',
  '鼠啮',
  '水渍',
  '污渍',
  '残缺',
  '粘连',
  '书砖',
  '撕裂',
  '絮化',
  '糟朽',
  '烬毁',
  '折痕',
  '书口/书脊开裂',
  '线断',
  '书皮破损',
  '字迹洇化/褪色',
];
const LEVELS = ['一级', '二级', '三级', '四级', '五级', '完好'];

function field(label, control) {
  return h('label', { class: 'field' }, h('span', { class: 'field-label' }, label), control);
}

function select(name, options, attrs = {}) {
  return h(
    'select',
    { name, ...attrs },
    options.map(([v, l]) => h('option', { value: v }, l)),
  );
}

function showError(box, error) {
  replace(box, errorBox(error));
  box.hidden = false;
}

function acidityBadge(acidity) {
  if (!acidity) return null;
  return h(
    'strong',
    { class: `acidity-badge acidity-${acidity.band}`, 'data-testid': 'acidity' },
    `pH ${acidity.lowestPh} · ${pick(acidity.labelZh, acidity.labelEn)}`,
  );
}

function gradingSection(cn, data, reload) {
  const errors = h('div', { hidden: true });
  const form = h(
    'form',
    { class: 'panel', 'aria-labelledby': 'grading-title' },
    h('h2', { id: 'grading-title' }, t('cond.grading')),
    h(
      'p',
      {},
      pick('当前级别：', 'Current grade: '),
      h('strong', { 'data-testid': 'current-grade' }, data.currentGrade ?? '—'),
      data.current?.heritageLevel ? ` （${data.current.heritageLevel}）` : '',
      data.preciousListEntry
        ? ` · ${pick('名录', 'List')} ${data.preciousListEntry.number}（${pick('第', 'batch ')}${data.preciousListEntry.batch}${pick('批', '')}）`
        : '',
    ),
    field(
      pick('级别', 'Grade'),
      select(
        'grade',
        ['一级', '二级', '三级', '四级', '未定级'].map((g) => [g, g]),
      ),
    ),
    field(
      pick('等次', 'Class'),
      select('rank', [
        ['', '—'],
        ['甲', '甲'],
        ['乙', '乙'],
        ['丙', '丙'],
      ]),
    ),
    field(pick('历史文物性依据', 'Historical basis'), h('textarea', { name: 'basisHistorical', rows: 2 })),
    field(pick('学术资料性依据', 'Scholarly basis'), h('textarea', { name: 'basisScholarly', rows: 2 })),
    field(pick('艺术代表性依据', 'Artistic basis'), h('textarea', { name: 'basisArtistic', rows: 2 })),
    errors,
    h('button', { type: 'submit', class: 'button button-primary' }, pick('保存定级', 'Save grading')),
    h(
      'ol',
      { class: 'grading-history' },
      data.items.map((g) =>
        h(
          'li',
          {},
          `${g.assessedOn} · ${g.label}（${g.heritageLevel ?? '—'}） · ${g.assessor}`,
          g.warnings.map((w) => h('p', { class: 'warning' }, pick(w.messageZh, w.messageEn))),
        ),
      ),
    ),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const f = new FormData(form);
    const body = { grade: f.get('grade') };
    if (f.get('rank')) body.rank = f.get('rank');
    for (const k of ['basisHistorical', 'basisScholarly', 'basisArtistic']) if (f.get(k)) body[k] = f.get(k);
    try {
      await api.post(`/api/records/${encodeURIComponent(cn)}/gradings`, body);
      await reload();
    } catch (error) {
      showError(errors, error);
    }
  });
  return form;
}

function observationRow() {
  const row = h(
    'fieldset',
    { class: 'observation' },
    h('legend', {}, pick('破损观察', 'Observation')),
    field(
      pick('破损类型', 'Damage type'),
      select(
        'damageType',
        DAMAGE_TYPES.map((d) => [d, d]),
      ),
    ),
    field(pick('破损面积 %', 'Area %'), h('input', { name: 'areaPercent', type: 'number', step: 'any' })),
    field(
      pick('受损叶数', 'Leaves affected'),
      h('input', { name: 'leavesAffected', type: 'number', min: 0 }),
    ),
    field(pick('部位', 'Where'), h('input', { name: 'location' })),
  );
  return row;
}

function readAssessment(form) {
  const num = (el) => (el.value === '' ? undefined : Number(el.value));
  const observations = [...form.querySelectorAll('.observation')].map((o) => {
    const obs = { damageType: o.querySelector('[name=damageType]').value };
    const area = num(o.querySelector('[name=areaPercent]'));
    const leaves = num(o.querySelector('[name=leavesAffected]'));
    const where = o.querySelector('[name=location]').value.trim();
    if (area !== undefined) obs.areaPercent = area;
    if (leaves !== undefined) obs.leavesAffected = leaves;
    if (where) obs.location = where;
    return obs;
  });
  const phText = form.querySelector('[name=ph]').value.trim();
  const phReadings = phText
    ? phText
        .split(/[,，\s]+/)
        .filter(Boolean)
        .map((v) => ({ value: Number(v) }))
    : [];
  const totalLeaves = num(form.querySelector('[name=totalLeaves]'));
  return { observations, phReadings, ...(totalLeaves !== undefined ? { totalLeaves } : {}) };
}

function assessmentSection(cn, reload) {
  // The live preview and the save report in separate boxes: a preview finishing after a failed
  // save must not hide why the save was refused.
  const previewErrors = h('div', { hidden: true });
  const saveErrors = h('div', { hidden: true });
  const live = h('p', { class: 'computed-level', 'data-testid': 'computed', 'aria-live': 'polite' }, '—');
  const list = h('div', { class: 'observations' });
  const override = select('overrideLevel', [
    ['', pick('不改定', 'no override')],
    ...LEVELS.map((l) => [l, l]),
  ]);
  const form = h(
    'form',
    { class: 'panel', 'aria-labelledby': 'assess-title' },
    h('h2', { id: 'assess-title' }, t('cond.assess')),
    field(pick('总叶数', 'Total leaves'), h('input', { name: 'totalLeaves', type: 'number', min: 1 })),
    list,
    h(
      'button',
      { type: 'button', class: 'button button-secondary', onClick: () => list.append(observationRow()) },
      pick('添加破损观察', 'Add observation'),
    ),
    field(pick('pH 读数（逗号分隔）', 'pH readings (comma separated)'), h('input', { name: 'ph' })),
    h('p', {}, pick('计算结果：', 'Computed level: '), live),
    field(pick('改定等级', 'Override level'), override),
    field(pick('改定理由', 'Override reason'), h('textarea', { name: 'overrideReason', rows: 2 })),
    previewErrors,
    saveErrors,
    h('button', { type: 'submit', class: 'button button-primary' }, pick('保存评估', 'Save assessment')),
  );
  let timer = null;
  const recompute = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      try {
        const r = await api.post('/api/assessments/compute', readAssessment(form));
        const rule = r.decidingRule;
        replace(
          live,
          h('strong', {}, r.computedLevel),
          rule
            ? ` — ${pick(rule.descriptionZh, rule.descriptionEn)}（${pick(rule.evidenceZh, rule.evidenceEn)}）`
            : '',
          ` · ${pick('规则集', 'rule set')} v${r.ruleSetVersion}`,
        );
        previewErrors.hidden = true;
      } catch (error) {
        replace(live, '—');
        showError(previewErrors, error);
      }
    }, 200);
  };
  form.addEventListener('input', recompute);
  form.addEventListener('change', recompute);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = readAssessment(form);
    const f = new FormData(form);
    if (f.get('overrideLevel')) body.overrideLevel = f.get('overrideLevel');
    if (String(f.get('overrideReason') ?? '').trim()) body.overrideReason = f.get('overrideReason');
    saveErrors.hidden = true;
    try {
      await api.post(`/api/records/${encodeURIComponent(cn)}/assessments`, body);
      await reload();
    } catch (error) {
      showError(saveErrors, error);
    }
  });
  list.append(observationRow());
  return form;
}

function historySection(data) {
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'cond-history-title' },
    h('h2', { id: 'cond-history-title' }, t('cond.history')),
    h(
      'ol',
      { class: 'assessment-history', 'data-testid': 'history' },
      data.items.map((a) =>
        h(
          'li',
          { class: 'assessment' },
          h(
            'p',
            {},
            `${a.assessedOn} · ${a.assessor} · `,
            h('strong', {}, a.finalLevel),
            a.overridden ? ` (${pick('计算', 'computed')} ${a.computedLevel}; ${a.overrideReason})` : '',
            ` · v${a.ruleSetVersion}`,
          ),
          a.decidingRule
            ? h('p', {}, pick(a.decidingRule.descriptionZh, a.decidingRule.descriptionEn))
            : null,
          acidityBadge(a.acidity),
          a.previous
            ? h(
                'p',
                { class: `change change-${a.previous.change}` },
                `${pick('前次', 'Before')} ${a.previous.assessedOn}: ${a.previous.finalLevel} → ${a.finalLevel}`,
              )
            : null,
        ),
      ),
    ),
  );
}

/** Draws the grading and condition page of one record. */
export async function renderCondition(ctx) {
  const cn = ctx.params.censusNumber;
  const load = async () => {
    const [gradings, assessments] = await Promise.all([
      api.get(`/api/records/${encodeURIComponent(cn)}/gradings`),
      api.get(`/api/records/${encodeURIComponent(cn)}/assessments`),
    ]);
    if (!ctx.isCurrent()) return;
    ctx.setTitle(t('cond.title'));
    replace(
      ctx.view,
      pageHeader(`${t('cond.title')} · ${cn}`),
      h(
        'p',
        {},
        pick('当前破损级别：', 'Current damage level: '),
        h('strong', { 'data-testid': 'current-level' }, assessments.currentLevel ?? '—'),
        ' ',
        acidityBadge(assessments.acidity),
      ),
      assessments.recordType === 'guji' ? gradingSection(cn, gradings, load) : null,
      assessmentSection(cn, load),
      historySection(assessments),
    );
  };
  await load();
}
