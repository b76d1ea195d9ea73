// /restoration — the studio's board of work orders by state, with a form to raise one;
// /work-orders/:id — one order: status and actions, plan and materials, log with photo upload,
// before/after photos; links to the printable restoration record (修复档案) and to the before/after
// manifest side by side in Mirador.

import { append, h } from './dom.js';
import { pick, t } from './i18n.js';
import { api } from './api.js';
import { definitionList, pageHeader } from './components.js';
import { flash } from './notice.js';
import { field, logForm, photoForm, planForm, showFormError } from './restoration-forms.js';
import './restoration-i18n.js';

const BOARD_STATES = [
  'proposed',
  'planned',
  'approved',
  'in_progress',
  'on_hold',
  'completed',
  'rejected',
  'accepted',
];
// Mirrors PLAN_EDITABLE in src/restoration/work-order-update.service.ts: the plan is fixed once approved.
const PLAN_EDITABLE = ['proposed', 'planned'];

/** Roles that see restoration work orders (the server narrows to their institution or province). */
export function seesRestoration(u) {
  return ['national_admin', 'provincial_admin', 'cataloguer', 'conservator'].includes(u?.role);
}

function ensureStyles() {
  if (document.querySelector('link[data-restoration]')) return;
  document.head.append(
    h('link', { rel: 'stylesheet', href: '/static/restoration.css', dataset: { restoration: '1' } }),
  );
}

const stateLabel = (o) => pick(o.stateLabel.zh, o.stateLabel.en);
const totals = (x) => t('wo.leavesHours', { leaves: x.leaves, hours: x.hours });

function createForm(ctx) {
  const box = h('div', { class: 'wo-form-errors' });
  const form = h(
    'form',
    { class: 'panel wo-create', 'aria-labelledby': 'wo-new-title', noValidate: true },
    h('h2', { id: 'wo-new-title' }, t('wo.new')),
    h('p', { class: 'hint' }, t('wo.newHint')),
    box,
    h(
      'div',
      { class: 'field-row' },
      field(
        t('wo.censusNumber'),
        h('input', {
          type: 'text',
          name: 'censusNumber',
          'data-path': 'censusNumber',
          required: true,
          value: ctx.query.get('censusNumber') ?? '',
        }),
      ),
      field(
        t('wo.assessmentId'),
        h('input', {
          type: 'text',
          name: 'assessmentId',
          'data-path': 'assessmentId',
          value: ctx.query.get('assessmentId') ?? '',
        }),
      ),
      field(t('wo.summary'), h('input', { type: 'text', name: 'summary', 'data-path': 'summary' })),
    ),
    h('button', { type: 'submit', class: 'button button-primary' }, t('wo.create')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const f = new FormData(form);
    try {
      const created = await api.post('/api/work-orders', {
        censusNumber: String(f.get('censusNumber')).trim(),
        assessmentId: String(f.get('assessmentId')).trim() || null,
        summary: String(f.get('summary')).trim() || null,
      });
      flash(t('wo.created'));
      await ctx.navigate(`/work-orders/${created.id}`);
    } catch (error) {
      showFormError(form, box, error);
    }
  });
  return form;
}

/** The board: one column per state, newest first, and the form to raise an order. */
export async function renderRestorationBoard(ctx) {
  ensureStyles();
  const data = await api.get('/api/work-orders', { limit: 500 });
  if (!ctx.isCurrent()) return;
  ctx.setTitle(t('wo.boardTitle'));
  const columns = BOARD_STATES.map((state) => {
    const cards = data.items.filter((o) => o.state === state);
    const label = cards[0] ? stateLabel(cards[0]) : state;
    return h(
      'section',
      { class: 'wo-column', dataset: { state }, 'aria-label': label },
      h('h2', {}, `${label} (${cards.length})`),
      cards.length
        ? h(
            'ul',
            {},
            cards.map((o) =>
              h(
                'li',
                {},
                h(
                  'a',
                  { class: 'wo-card', href: `/work-orders/${o.id}` },
                  h('strong', {}, o.title),
                  h('span', {}, o.censusNumber),
                  h('span', {}, o.centre?.name ?? o.institution.name),
                  h('span', {}, totals(o.totals)),
                ),
              ),
            ),
          )
        : h('p', { class: 'empty' }, t('wo.emptyColumn')),
    );
  });
  ctx.view.append(pageHeader(t('wo.boardTitle')), createForm(ctx), h('div', { class: 'wo-board' }, columns));
}

function photoStrip(photos, phase) {
  const items = photos.filter((p) => p.phase === phase);
  return h(
    'figure',
    { class: 'wo-photos', dataset: { phase } },
    h('figcaption', {}, `${t(`wo.phase.${phase}`)} (${items.length})`),
    items.length
      ? items.map((p) =>
          h(
            'a',
            { href: `${p.service}/full/max/0/default.jpg`, target: '_blank' },
            h('img', { src: p.thumbnail, alt: p.caption ?? t(`wo.phase.${phase}`), loading: 'lazy' }),
          ),
        )
      : h('p', { class: 'empty' }, t('wo.noPhotos')),
  );
}

function actionsPanel(order, reload) {
  const box = h('div', { class: 'wo-form-errors' });
  const reason = h('textarea', { name: 'reason', 'data-path': 'reason', rows: '2' });
  const accepting = order.myActions.includes('accept');
  const rating = h(
    'select',
    { name: 'rating', 'data-path': 'rating' },
    h('option', { value: '' }, '—'),
    ['优', '良', '合格'].map((r) => h('option', { value: r }, r)),
  );
  const form = h('form', { class: 'panel wo-actions', 'aria-labelledby': 'wo-actions-title' });
  const send = async (action) => {
    try {
      await api.post(`/api/work-orders/${order.id}/transitions`, {
        action,
        version: order.version,
        reason: reason.value.trim() || null,
        rating: action === 'accept' ? rating.value || null : null,
        findings: ['accept', 'reject'].includes(action) ? reason.value.trim() || null : null,
      });
      flash(t('wo.done', { action: t(`wo.action.${action}`) }));
      await reload();
    } catch (error) {
      showFormError(form, box, error);
    }
  };
  form.addEventListener('submit', (event) => event.preventDefault());
  append(form, [
    h('h2', { id: 'wo-actions-title' }, t('wo.actions')),
    box,
    order.myActions.length
      ? [
          field(t('wo.reason'), reason, t('wo.reasonHint')),
          accepting ? field(t('wo.rating'), rating) : null,
          h(
            'div',
            { class: 'wo-action-buttons' },
            order.actions.map(({ action, label, blocked }) =>
              h(
                'button',
                {
                  type: 'button',
                  class: `button ${action === 'cancel' || action === 'reject' ? 'button-secondary' : 'button-primary'}`,
                  dataset: { action },
                  disabled: blocked ? true : undefined,
                  'aria-describedby': blocked ? `wo-blocked-${action}` : undefined,
                  onClick: () => send(action),
                },
                pick(label.zh, label.en),
              ),
            ),
          ),
          // What the server still waits for before an action opens (e.g. the after-treatment assessment).
          order.actions
            .filter((offer) => offer.blocked)
            .map(({ action, blocked }) =>
              h(
                'p',
                { class: 'hint wo-blocked', id: `wo-blocked-${action}` },
                pick(blocked.messageZh, blocked.messageEn),
              ),
            ),
        ]
      : h('p', { class: 'hint' }, t('wo.noActions')),
  ]);
  return form;
}

function logTable(order) {
  if (!order.log.length) return h('p', { class: 'empty' }, t('wo.logEmpty'));
  const head = ['wo.workDate', 'wo.conservator', 'wo.step', 'wo.leaves', 'wo.hours', 'wo.notes', 'wo.photos'];
  return h(
    'table',
    { class: 'data-table wo-log' },
    h('caption', { class: 'visually-hidden' }, t('wo.log')),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        head.map((k) => h('th', { scope: 'col' }, k === 'wo.photos' ? t('wo.phase.during') : t(k))),
      ),
    ),
    h(
      'tbody',
      {},
      order.log.map((e) =>
        h(
          'tr',
          {},
          h('td', {}, e.workDate),
          h('td', {}, e.conservator?.displayName ?? '—'),
          h('td', {}, e.step),
          h('td', { class: 'num' }, String(e.leavesTreated)),
          h('td', { class: 'num' }, String(e.hours)),
          h('td', {}, e.notes ?? ''),
          h('td', { class: 'num' }, String(e.photoIds.length)),
        ),
      ),
    ),
  );
}

/** One work order. */
export async function renderWorkOrder(ctx) {
  ensureStyles();
  const id = ctx.params.id;
  const [order, terms] = await Promise.all([
    api.get(`/api/work-orders/${encodeURIComponent(id)}`),
    api.get('/api/restoration-terms'),
  ]);
  if (!ctx.isCurrent()) return;
  ctx.setTitle(`${t('wo.title')} ${order.censusNumber}`);
  const reload = () => ctx.navigate(`/work-orders/${id}`, { replace: true, focus: null });
  const canWork = order.roles.isConservator || order.roles.isStudioHead;
  const cn = encodeURIComponent(order.censusNumber);
  const levels = `${order.damageLevel.before ?? '—'} → ${order.damageLevel.after ?? '—'}`;
  const status = h(
    'section',
    { class: 'panel wo-status', 'aria-labelledby': 'wo-status-title' },
    h('h2', { id: 'wo-status-title' }, t('wo.status')),
    definitionList([
      [
        t('wo.status'),
        h('strong', { class: 'wo-state', dataset: { state: order.state } }, stateLabel(order)),
      ],
      [t('wo.version'), String(order.version)],
      [t('wo.institution'), order.institution.name],
      [t('wo.centre'), order.centre?.name],
      [t('wo.custody'), order.custody],
      [t('wo.damage'), h('span', { class: 'wo-levels' }, levels)],
      [t('wo.totals'), h('span', { class: 'wo-totals' }, totals(order.totals))],
      [t('wo.plannedBy'), order.plannedBy?.displayName],
      [t('wo.approvedBy'), order.approvedBy?.displayName],
      [
        t('wo.acceptance'),
        order.acceptance
          ? `${order.acceptance.rating ?? ''} · ${order.acceptance.by?.displayName ?? ''} · ${order.acceptance.findings ?? ''}`
          : null,
      ],
    ]),
  );
  const save = async (body) => {
    await api.patch(`/api/work-orders/${id}`, { version: order.version, ...body });
    flash(t('wo.saved'));
    await reload();
  };
  const plan =
    canWork && PLAN_EDITABLE.includes(order.state)
      ? planForm(order, terms.items, save)
      : h(
          'section',
          { class: 'panel', 'aria-labelledby': 'wo-plan-title' },
          h('h2', { id: 'wo-plan-title' }, t('wo.plan')),
          h(
            'ul',
            { class: 'wo-plan' },
            (order.plan?.techniques ?? []).map((x) => h('li', {}, `${x.technique}：${x.reason}`)),
          ),
          order.plan?.risks ? h('p', {}, `${t('wo.risks')}: ${order.plan.risks}`) : null,
        );
  const working = canWork && order.state === 'in_progress';
  const addLog = async (body, files) => {
    const { entry } = await api.post(`/api/work-orders/${id}/log`, body);
    if (files.length) {
      const form = new FormData();
      for (const file of files) form.append('file', file, file.name);
      form.set('phase', 'during');
      form.set('logEntryId', entry.id);
      form.set('caption', body.step);
      await api.upload(`/api/work-orders/${id}/photos`, form);
    }
    flash(t('wo.logged'));
    await reload();
  };
  const upload = async (form) => {
    await api.upload(`/api/work-orders/${id}/photos`, form);
    flash(t('wo.uploaded'));
    await reload();
  };
  ctx.view.append(
    pageHeader(
      `${order.title} · ${order.censusNumber}`,
      h('a', { href: `/records/${cn}`, class: 'button button-secondary' }, t('wo.recordPage')),
      h(
        'a',
        {
          href: `/api/work-orders/${id}/record?format=html`,
          class: 'button button-secondary',
          target: '_blank',
          rel: 'noopener',
        },
        t('wo.printRecord'),
      ),
      h(
        'a',
        {
          href: `/compare?workOrder=${encodeURIComponent(id)}`,
          class: 'button button-secondary wo-compare-link',
        },
        t('wo.compare'),
      ),
    ),
    h('div', { class: 'wo-grid' }, status, actionsPanel(order, reload)),
    plan,
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'wo-log-title' },
      h('h2', { id: 'wo-log-title' }, t('wo.log')),
      logTable(order),
      working ? logForm(terms.items, addLog) : null,
    ),
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'wo-photos-title' },
      h('h2', { id: 'wo-photos-title' }, t('wo.photos')),
      h(
        'div',
        { class: 'wo-compare' },
        ['before', 'during', 'after'].map((p) => photoStrip(order.photos, p)),
      ),
      canWork && !['accepted', 'cancelled'].includes(order.state) ? photoForm(upload) : null,
      canWork && order.state === 'in_progress'
        ? h('p', {}, h('a', { href: `/records/${cn}/condition` }, t('wo.afterAssessment')))
        : null,
    ),
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'wo-history-title' },
      h('h2', { id: 'wo-history-title' }, t('wo.history')),
      h(
        'ol',
        { class: 'wo-history' },
        order.history.map((x) =>
          h(
            'li',
            {},
            `${x.at.slice(0, 16).replace('T', ' ')} ${x.actor.displayName}: ${x.from ?? '—'} → ${x.to}${x.reason ? ` (${x.reason})` : ''}`,
          ),
        ),
      ),
    ),
  );
}
