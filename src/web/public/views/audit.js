// /audit — the audit log for administrators: filter by entity, actor and time; before/after on demand.

import { h, replace } from '../dom.js';
import { formatDateTime, has, pick, t } from '../i18n.js';
import { api, toQuery } from '../api.js';
import { check, selectField, showApiError, showErrors, textField } from '../forms.js';
import { dataTable, emptyState, loading, pageHeader, pager } from '../components.js';

const PAGE_SIZE = 50;
const ENTITY_TYPES = ['institution', 'user', 'auth_token'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** datetime-local value (local time) → ISO string with offset, or '' when empty/invalid. */
function toIso(local) {
  if (!local) return '';
  const date = new Date(local);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString();
}

/** ISO string → datetime-local value in local time. */
function toLocalInput(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function label(prefix, key) {
  return has(`${prefix}.${key}`) ? t(`${prefix}.${key}`) : key;
}

function changes(entry) {
  if (!entry.before && !entry.after) return t('common.dash');
  const block = (title, data) =>
    data
      ? [
          h('h3', { class: 'changes-title' }, title),
          h('pre', { class: 'json' }, JSON.stringify(data, null, 2)),
        ]
      : null;
  return h(
    'details',
    { class: 'changes' },
    h('summary', {}, t('audit.show')),
    block(t('audit.before'), entry.before),
    block(t('audit.after'), entry.after),
  );
}

export async function renderAudit(ctx) {
  ctx.setTitle(t('audit.title'));
  const filters = {
    entityType: ctx.query.get('entityType') ?? '',
    entityId: ctx.query.get('entityId') ?? '',
    actorId: ctx.query.get('actorId') ?? '',
    from: ctx.query.get('from') ?? '',
    to: ctx.query.get('to') ?? '',
  };
  const page = Math.max(1, Number.parseInt(ctx.query.get('page') ?? '1', 10) || 1);
  const form = h(
    'form',
    { class: 'filters filters-wide', role: 'search', 'aria-label': t('common.filters') },
    selectField({
      name: 'entityType',
      label: t('audit.entityType'),
      options: ENTITY_TYPES.map((e) => ({ value: e, label: label('entity', e) })),
      placeholder: t('common.all'),
      value: filters.entityType,
    }),
    textField({
      name: 'entityId',
      label: t('audit.entityId'),
      value: filters.entityId,
      maxlength: 64,
      autocomplete: 'off',
    }),
    textField({
      name: 'actorId',
      label: t('audit.actorId'),
      hint: t('audit.actorIdHint'),
      value: filters.actorId,
      autocomplete: 'off',
    }),
    textField({
      name: 'from',
      label: t('audit.from'),
      type: 'datetime-local',
      value: toLocalInput(filters.from),
    }),
    textField({ name: 'to', label: t('audit.to'), type: 'datetime-local', value: toLocalInput(filters.to) }),
    h(
      'div',
      { class: 'filter-actions' },
      h('button', { type: 'submit', class: 'button button-primary' }, t('common.search')),
      Object.values(filters).some(Boolean)
        ? h('a', { href: '/audit', class: 'button button-link' }, t('common.clearFilters'))
        : null,
    ),
  );
  form.noValidate = true;
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const problems = check(form, {
      actorId: { pattern: UUID, message: t('audit.uuidFormat') },
      from: { test: (v) => Boolean(toIso(v)), message: t('audit.dateFormat') },
      to: { test: (v) => Boolean(toIso(v)), message: t('audit.dateFormat') },
    });
    if (problems.length) {
      showErrors(form, problems);
      return;
    }
    const query = toQuery({
      entityType: form.elements.entityType.value,
      entityId: form.elements.entityId.value.trim(),
      actorId: form.elements.actorId.value.trim(),
      from: toIso(form.elements.from.value),
      to: toIso(form.elements.to.value),
    });
    ctx.navigate(`/audit${query}`, { focus: '#results-summary' });
  });
  const results = h('section', { class: 'results', 'aria-labelledby': 'results-summary' }, loading());
  ctx.view.append(pageHeader(t('audit.title')), form, results);

  let answer;
  try {
    answer = await api.get('/api/audit', { ...filters, page, pageSize: PAGE_SIZE });
  } catch (error) {
    if (error.status !== 400) throw error;
    replace(results);
    showApiError(form, error);
    return;
  }
  if (!ctx.isCurrent()) return;
  // The filter offers every entity type the server names, by its label.
  const select = form.elements.entityType;
  for (const { value, label: text } of answer.entityTypes ?? []) {
    if (![...select.options].some((o) => o.value === value)) {
      select.append(h('option', { value }, pick(text.zh, text.en)));
    }
  }
  if (filters.entityType) select.value = filters.entityType;
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
    caption: t('audit.title'),
    columns: [
      {
        label: t('audit.at'),
        className: 'nowrap',
        cell: (e) => h('time', { datetime: e.at }, formatDateTime(e.at)),
      },
      { label: t('audit.actor'), className: 'break', cell: (e) => e.actorName ?? t('audit.system') },
      { label: t('audit.action'), cell: (e) => pick(e.actionLabel.zh, e.actionLabel.en) },
      {
        label: t('audit.entity'),
        className: 'break',
        cell: (e) => [
          pick(e.entityTypeLabel.zh, e.entityTypeLabel.en),
          ' ',
          e.entityType === 'institution'
            ? h('a', { href: `/institutions/${encodeURIComponent(e.entityId)}`, class: 'code' }, e.entityId)
            : h('span', { class: 'code' }, e.entityId),
        ],
      },
      { label: t('audit.changes'), cell: changes },
    ],
    rows: answer.items,
  });
  const hrefFor = (p) => `/audit${toQuery({ ...filters, page: p })}`;
  replace(
    results,
    summary,
    table,
    pager({ page: answer.page, pageSize: answer.pageSize, total: answer.total, hrefFor }),
  );
}
