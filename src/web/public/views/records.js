// The record list of the old shell, used by /review as the reviewer's queue (submitted and
// in-review records): filters kept in the URL, pagination, bulk approve with each record's result.
// /records itself is drawn by the React app (src/web/app/pages/RecordsPage.tsx).

import { append, h, replace, uid } from '../dom.js';
import { pick, t } from '../i18n.js';
import { api, toQuery } from '../api.js';
import { user } from '../session.js';
import '../imports-i18n.js';
import { check, selectField, showErrors, textField } from '../forms.js';
import { emptyState, errorBox, loading, pageHeader, pager } from '../components.js';
import { notify } from '../notice.js';
import {
  DAMAGE_VALUES,
  GRADE_VALUES,
  codeLists,
  codeOptions,
  formatAuthors,
  formatYears,
  recordHref,
  statusBadge,
  statusLabel,
  tierLabel,
  valueOptions,
} from '../records.js';

const PAGE_SIZE = 20;
const FILTERS = [
  'type',
  'status',
  'classification',
  'dynasty',
  'yearFrom',
  'yearTo',
  'grade',
  'damageGrade',
  'q',
];
const YEAR = /^-?\d{1,4}$/;

function filtersForm(ctx, { base, lists, filters, statuses }) {
  const form = h(
    'form',
    { class: 'filters filters-wide', role: 'search', 'aria-label': t('common.filters') },
    selectField({
      name: 'type',
      label: t('rec.type'),
      options: ['guji', 'minguo'].map((v) => ({ value: v, label: t(`rec.type.${v}`) })),
      placeholder: t('common.allTypes'),
      value: filters.type,
    }),
    selectField({
      name: 'status',
      label: t('rec.status'),
      options: statuses.map((s) => ({ value: s, label: statusLabel(s) })),
      placeholder: t('rec.allStatuses'),
      value: filters.status,
    }),
    selectField({
      name: 'classification',
      label: t('field.classification'),
      options: codeOptions(lists, 'classification', filters.classification),
      placeholder: t('common.all'),
      value: filters.classification,
    }),
    textField({
      name: 'dynasty',
      label: t('rec.dynastyFilter'),
      hint: t('rec.dynastyHint'),
      value: filters.dynasty,
      maxlength: 16,
    }),
    textField({
      name: 'yearFrom',
      label: t('rec.yearFrom'),
      hint: t('rec.yearHint'),
      value: filters.yearFrom,
      inputmode: 'numeric',
      maxlength: 5,
    }),
    textField({
      name: 'yearTo',
      label: t('rec.yearTo'),
      value: filters.yearTo,
      inputmode: 'numeric',
      maxlength: 5,
    }),
    selectField({
      name: 'grade',
      label: t('field.grade'),
      options: valueOptions(GRADE_VALUES, filters.grade),
      placeholder: t('common.all'),
      value: filters.grade,
    }),
    selectField({
      name: 'damageGrade',
      label: t('field.damageGrade'),
      options: valueOptions(DAMAGE_VALUES, filters.damageGrade),
      placeholder: t('common.all'),
      value: filters.damageGrade,
    }),
    textField({
      name: 'q',
      label: t('rec.q'),
      type: 'search',
      hint: t('rec.qHint'),
      value: filters.q,
      maxlength: 200,
    }),
    h(
      'div',
      { class: 'filter-actions' },
      h('button', { type: 'submit', class: 'button button-primary' }, t('common.search')),
      Object.values(filters).some(Boolean)
        ? h('a', { href: base, class: 'button button-link' }, t('common.clearFilters'))
        : null,
    ),
  );
  form.noValidate = true;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const problems = check(form, {
      yearFrom: { pattern: YEAR, message: t('rec.yearFormat') },
      yearTo: { pattern: YEAR, message: t('rec.yearFormat') },
    });
    if (problems.length) {
      showErrors(form, problems);
      return;
    }
    const next = Object.fromEntries(FILTERS.map((name) => [name, form.elements[name].value.trim()]));
    ctx.navigate(`${base}${toQuery(next)}`, { focus: '#results-summary' });
  });
  return form;
}

/** "zh / en" of a bulk result's message → the interface language's half. */
function bilingualHalf(message) {
  const at = (message ?? '').indexOf(' / ');
  if (at < 0) return message ?? '';
  return pick(message.slice(0, at), message.slice(at + 3));
}

function bulkResultPanel(answer, byNumber) {
  return h(
    'section',
    { class: 'panel bulk-result', 'aria-labelledby': 'bulk-result-title', tabindex: '-1' },
    h('h2', { id: 'bulk-result-title' }, t('rec.bulkResultTitle')),
    h('p', {}, t('rec.bulkResult', { ok: answer.succeeded, failed: answer.failed })),
    h(
      'ul',
      { class: 'bulk-list' },
      answer.results.map((r) =>
        h(
          'li',
          { class: r.ok ? 'bulk-ok' : 'bulk-failed', dataset: { censusNumber: r.censusNumber } },
          h(
            'span',
            { class: `badge ${r.ok ? 'badge-ok' : 'badge-error'}` },
            t(r.ok ? 'rec.bulkOk' : 'rec.bulkFailed'),
          ),
          ' ',
          h('a', { href: recordHref(r.censusNumber), class: 'code' }, r.censusNumber),
          byNumber.get(r.censusNumber) ? ` ${byNumber.get(r.censusNumber)}` : '',
          r.ok
            ? r.status
              ? ` → ${statusLabel(r.status)}`
              : ''
            : h(
                'span',
                { class: 'bulk-error' },
                `：${bilingualHalf(r.error?.message)}`,
                Array.isArray(r.error?.details) && r.error.details.length
                  ? h(
                      'ul',
                      {},
                      r.error.details.map((d) => h('li', {}, pick(d.messageZh, d.messageEn))),
                    )
                  : null,
              ),
        ),
      ),
    ),
  );
}

function recordTable({ items, selectable, selected, onToggle, linkFor, showInstitution }) {
  const columns = [
    selectable
      ? {
          label: t('rec.choose'),
          head: () => h('span', { class: 'visually-hidden' }, t('rec.choose')),
          className: 'select-cell',
          cell: (r) =>
            h('input', {
              type: 'checkbox',
              class: 'select-one',
              value: r.censusNumber,
              'aria-label': t('rec.select', { title: `${r.censusNumber} ${r.title}` }),
              checked: selected.has(r.censusNumber),
              onChange: (e) => onToggle([r.censusNumber], e.currentTarget.checked),
            }),
        }
      : null,
    {
      label: t('rec.censusNumber'),
      className: 'nowrap',
      cell: (r) => h('a', { href: linkFor(r), class: 'code' }, r.censusNumber),
    },
    {
      label: t('rec.titleAuthor'),
      cell: (r) => [
        h('span', { class: 'record-title' }, r.title),
        r.authors?.length ? h('span', { class: 'record-authors' }, formatAuthors(r.authors)) : null,
      ],
    },
    {
      label: t('rec.editionDate'),
      cell: (r) => [
        h('span', {}, r.edition?.text || t('common.dash')),
        formatYears(r.edition) ? h('span', { class: 'record-years' }, formatYears(r.edition)) : null,
      ],
    },
    { label: t('rec.type'), className: 'nowrap', cell: (r) => t(`rec.typeShort.${r.type}`) },
    showInstitution ? { label: t('rec.institution'), cell: (r) => r.institutionName ?? '' } : null,
    {
      label: t('rec.gradeDamage'),
      className: 'nowrap',
      cell: (r) => [r.grade ?? t('common.dash'), ' / ', r.damageGrade ?? t('common.dash')],
    },
    { label: t('rec.status'), cell: (r) => statusBadge(r.status) },
    { label: t('rec.tier'), className: 'nowrap', cell: (r) => tierLabel(r.tier) },
  ].filter(Boolean);
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'data-table record-table' },
      h('caption', { class: 'visually-hidden' }, t('rec.listTitle')),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          columns.map((c) => h('th', { scope: 'col', class: c.className }, c.head ? c.head() : c.label)),
        ),
      ),
      h(
        'tbody',
        {},
        items.map((row) =>
          h(
            'tr',
            { dataset: { key: row.censusNumber } },
            columns.map((c) =>
              h(
                'td',
                { 'data-label': c.label, class: c.className },
                h('div', { class: 'cell' }, c.cell(row)),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

/**
 * Draws a record list. options: {base: '/records' | '/review', title, intro, fixed: query always
 * sent, statuses: selectable statuses, bulk: ['submit' | 'approve'], linkFor(record)}.
 */
export async function recordList(ctx, { base, title, intro, fixed = {}, statuses, bulk, linkFor, actions }) {
  ctx.setTitle(title);
  const filters = Object.fromEntries(FILTERS.map((name) => [name, ctx.query.get(name) ?? '']));
  const page = Math.max(1, Number.parseInt(ctx.query.get('page') ?? '1', 10) || 1);
  append(ctx.view, [pageHeader(title, ...(actions ?? []))]);
  if (intro) append(ctx.view, [h('p', { class: 'lede' }, intro)]);
  const lists = await codeLists();
  if (!ctx.isCurrent()) return;
  const bulkArea = h('div', { class: 'bulk-area' });
  const results = h('section', { class: 'results', 'aria-labelledby': 'results-summary' }, loading());
  append(ctx.view, [filtersForm(ctx, { base, lists, filters, statuses }), bulkArea, results]);

  const selected = new Set();
  const u = user();
  const showInstitution = u?.role !== 'cataloguer' && u?.role !== 'conservator';
  let items = [];

  async function runBulk(action) {
    const numbers = items.map((r) => r.censusNumber).filter((n) => selected.has(n));
    if (!numbers.length) {
      notify(t('rec.bulkNone'), 'info');
      return;
    }
    const byNumber = new Map(items.map((r) => [r.censusNumber, r.title]));
    let answer;
    try {
      answer = await api.post(`/api/records/bulk/${action}`, { censusNumbers: numbers });
    } catch (error) {
      if (error.status === 401) return;
      replace(bulkArea, errorBox(error));
      return;
    }
    selected.clear();
    await load();
    const panel = bulkResultPanel(answer, byNumber);
    replace(bulkArea, panel);
    panel.focus();
  }

  function toolbar() {
    if (!bulk?.length) return null;
    const count = h(
      'span',
      { class: 'selection-count', 'aria-live': 'polite' },
      t('rec.selected', { n: selected.size }),
    );
    const allId = uid('select-all');
    return h(
      'div',
      { class: 'bulk-toolbar', role: 'group', 'aria-label': t('common.actions') },
      h(
        'div',
        { class: 'checkbox-row' },
        h('input', {
          type: 'checkbox',
          id: allId,
          class: 'select-all',
          checked: items.length > 0 && items.every((r) => selected.has(r.censusNumber)),
          onChange: (e) =>
            onToggle(
              items.map((r) => r.censusNumber),
              e.currentTarget.checked,
            ),
        }),
        h('label', { for: allId }, t('rec.selectAll')),
      ),
      count,
      bulk.map((action) =>
        h(
          'button',
          {
            type: 'button',
            class: 'button button-secondary button-small',
            dataset: { bulk: action },
            onClick: async (e) => {
              const button = e.currentTarget;
              if (button.getAttribute('aria-disabled') === 'true') return;
              button.setAttribute('aria-disabled', 'true');
              try {
                await runBulk(action);
              } finally {
                button.removeAttribute('aria-disabled');
              }
            },
          },
          t(action === 'submit' ? 'rec.bulkSubmit' : 'rec.bulkApprove'),
        ),
      ),
    );
  }

  function onToggle(numbers, on) {
    for (const n of numbers) {
      if (on) selected.add(n);
      else selected.delete(n);
    }
    for (const box of results.querySelectorAll('input.select-one')) box.checked = selected.has(box.value);
    const all = results.querySelector('input.select-all');
    if (all) all.checked = items.length > 0 && items.every((r) => selected.has(r.censusNumber));
    const count = results.querySelector('.selection-count');
    if (count) count.textContent = t('rec.selected', { n: selected.size });
  }

  async function load() {
    let answer;
    try {
      answer = await api.get('/api/records', { ...filters, ...fixed, page, pageSize: PAGE_SIZE });
    } catch (error) {
      if (error.status === 401) throw error;
      replace(results, errorBox(error));
      return;
    }
    if (!ctx.isCurrent()) return;
    items = answer.items;
    const summary = h(
      'h2',
      { id: 'results-summary', class: 'results-summary', tabindex: '-1' },
      t('common.total', { total: answer.totalCapped ? `${answer.total}+` : answer.total }),
    );
    if (!items.length) {
      replace(results, summary, emptyState());
      return;
    }
    const hrefFor = (p) => `${base}${toQuery({ ...filters, page: p })}`;
    replace(
      results,
      summary,
      toolbar(),
      recordTable({
        items,
        selectable: Boolean(bulk?.length),
        selected,
        onToggle,
        linkFor,
        showInstitution,
      }),
      pager({ page: answer.page, pageSize: answer.pageSize, total: answer.total, hrefFor }),
    );
  }
  await load();
}
