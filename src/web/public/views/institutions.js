// Institution list: filters (province, type, search) kept in the URL, a table, pagination.

import { h, replace } from '../dom.js';
import { provinceLabel, t, typeLabel } from '../i18n.js';
import { api, toQuery } from '../api.js';
import { isAdmin } from '../session.js';
import { institutionTypes, provinces } from '../reference.js';
import { selectField, textField } from '../forms.js';
import { dataTable, emptyState, linkButton, loading, pageHeader, pager } from '../components.js';

const PAGE_SIZE = 20;

function filtersForm(ctx, { provinceList, typeList, filters }) {
  const form = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': t('common.filters') },
    selectField({
      name: 'provinceCode',
      label: t('inst.province'),
      options: provinceList.map((p) => ({ value: p.code, label: `${provinceLabel(p)} ${p.code}` })),
      placeholder: t('common.allProvinces'),
      value: filters.provinceCode,
    }),
    selectField({
      name: 'type',
      label: t('inst.type'),
      options: typeList.map((v) => ({ value: v, label: typeLabel(v) })),
      placeholder: t('common.allTypes'),
      value: filters.type,
    }),
    textField({ name: 'q', label: t('inst.q'), type: 'search', hint: t('inst.qHint'), value: filters.q }),
    h(
      'div',
      { class: 'filter-actions' },
      h('button', { type: 'submit', class: 'button button-primary' }, t('common.search')),
      filters.provinceCode || filters.type || filters.q
        ? h('a', { href: '/institutions', class: 'button button-link' }, t('common.clearFilters'))
        : null,
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = toQuery({
      provinceCode: form.elements.provinceCode.value,
      type: form.elements.type.value,
      q: form.elements.q.value.trim(),
    });
    ctx.navigate(`/institutions${query}`, { focus: '#results-summary' });
  });
  return form;
}

export async function renderInstitutions(ctx) {
  ctx.setTitle(t('inst.listTitle'));
  const filters = {
    provinceCode: ctx.query.get('provinceCode') ?? '',
    type: ctx.query.get('type') ?? '',
    q: ctx.query.get('q') ?? '',
  };
  const page = Math.max(1, Number.parseInt(ctx.query.get('page') ?? '1', 10) || 1);
  const results = h('section', { class: 'results', 'aria-labelledby': 'results-summary' }, loading());
  ctx.view.append(
    pageHeader(t('inst.listTitle'), isAdmin() ? linkButton('/institutions/new', t('inst.new')) : null),
  );

  const [provinceList, typeList] = await Promise.all([provinces(), institutionTypes()]);
  if (!ctx.isCurrent()) return;
  ctx.view.append(filtersForm(ctx, { provinceList, typeList, filters }), results);

  const answer = await api.get('/api/institutions', { ...filters, page, pageSize: PAGE_SIZE });
  if (!ctx.isCurrent()) return;
  const byCode = new Map(provinceList.map((p) => [p.code, p]));
  const summary = h(
    'h2',
    { id: 'results-summary', class: 'results-summary', tabindex: '-1' },
    t('common.total', { total: answer.total }),
  );
  if (!answer.items.length) {
    replace(results, summary, emptyState());
    return;
  }
  const table = dataTable({
    caption: t('inst.listTitle'),
    rowKey: (i) => i.id,
    columns: [
      { label: t('inst.fullCode'), className: 'nowrap code', cell: (i) => i.fullCode },
      {
        label: t('inst.name'),
        cell: (i) => h('a', { href: `/institutions/${encodeURIComponent(i.id)}` }, i.name),
      },
      { label: t('inst.province'), cell: (i) => provinceLabel(byCode.get(i.provinceCode)) || i.provinceName },
      { label: t('inst.type'), cell: (i) => typeLabel(i.type) },
      {
        label: t('inst.keyProtectionShort'),
        cell: (i) =>
          i.keyProtectionBatch ? t('inst.batchN', { n: i.keyProtectionBatch }) : t('common.dash'),
      },
      {
        label: t('inst.restorationShort'),
        cell: (i) => (i.isRestorationCentre ? t('common.yes') : t('common.no')),
      },
    ],
    rows: answer.items,
  });
  const hrefFor = (p) => `/institutions${toQuery({ ...filters, page: p })}`;
  replace(
    results,
    summary,
    table,
    pager({ page: answer.page, pageSize: answer.pageSize, total: answer.total, hrefFor }),
  );
}
