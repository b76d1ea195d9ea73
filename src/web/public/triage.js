// /triage — the ranked rescue list of the caller's institution, province or the nation, each score
// explained, with filters and a CSV export.

import { h, replace } from './dom.js';
import { addMessages, pick, t } from './i18n.js';
import { api, toQuery } from './api.js';
import { dataTable, emptyState, pageHeader } from './components.js';

addMessages({
  'nav.triage': ['抢救排序', 'Triage'],
  'nav.statistics': ['统计', 'Statistics'],
  'triage.title': ['待抢救古籍排序', 'Rescue triage list'],
});

/** Roles that see a triage list and statistics (staff of an institution, province or the nation). */
export function seesTriage(u) {
  return ['national_admin', 'provincial_admin', 'cataloguer', 'conservator'].includes(u?.role);
}

const FILTERS = [
  ['damageLevel', pick('破损级别', 'Damage level'), ['一级', '二级', '三级', '四级', '五级', '完好']],
  ['grade', pick('古籍级别', 'Grade'), ['一级', '二级', '三级', '四级', '未定级']],
  ['acidityBand', pick('酸化', 'Acidity'), ['severe', 'heavy', 'needs_deacidification', 'ok']],
  ['preciousOnly', pick('仅名录', 'Listed only'), ['true']],
];

/** Draws the triage list. */
export async function renderTriage(ctx) {
  const q = Object.fromEntries(ctx.query);
  const data = await api.get('/api/triage', q);
  if (!ctx.isCurrent()) return;
  ctx.setTitle(t('triage.title'));
  const form = h(
    'form',
    { class: 'filters', method: 'get', action: '/triage' },
    FILTERS.map(([name, label, options]) =>
      h(
        'label',
        { class: 'field' },
        h('span', { class: 'field-label' }, label),
        h(
          'select',
          { name },
          h('option', { value: '' }, '—'),
          options.map((o) => h('option', { value: o, selected: q[name] === o }, o)),
        ),
      ),
    ),
    h('button', { type: 'submit', class: 'button button-secondary' }, pick('筛选', 'Filter')),
  );
  replace(
    ctx.view,
    pageHeader(
      t('triage.title'),
      h(
        'a',
        { class: 'button button-secondary', href: `/api/triage/export${toQuery(q)}` },
        pick('导出 CSV', 'Export CSV'),
      ),
    ),
    h('p', {}, `${pick('范围', 'Scope')}: ${data.scope.level} · ${pick('共', 'total')} ${data.total}`),
    form,
    data.items.length
      ? dataTable({
          caption: t('triage.title'),
          rowKey: (r) => r.censusNumber,
          columns: [
            { label: '#', cell: (r) => String(r.rank) },
            {
              label: pick('记录', 'Record'),
              cell: (r) =>
                h('a', { href: `/records/${r.censusNumber}/condition` }, `${r.censusNumber} ${r.title}`),
            },
            { label: pick('收藏单位', 'Institution'), cell: (r) => r.institutionName },
            { label: pick('破损', 'Damage'), cell: (r) => r.damageLevel ?? '—' },
            { label: pick('级别', 'Grade'), cell: (r) => r.grade ?? '—' },
            { label: 'pH', cell: (r) => (r.acidity ? String(r.acidity.lowestPh) : '—') },
            { label: pick('分值', 'Score'), cell: (r) => String(r.score) },
            { label: pick('说明', 'Why'), cell: (r) => pick(r.explanationZh, r.explanationEn) },
            {
              label: pick('修复', 'Restoration'),
              // The board's form takes the record's latest condition assessment as "before".
              cell: (r) =>
                h(
                  'a',
                  { href: `/restoration?censusNumber=${encodeURIComponent(r.censusNumber)}` },
                  pick('开修复工单', 'Open a work order'),
                ),
            },
          ],
          rows: data.items,
        })
      : emptyState(),
  );
}
