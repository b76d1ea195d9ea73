// /records/:censusNumber — one record: the census number up front, status and completeness, the
// workflow steps the user may take in this status (the server still decides), every field, and
// links to editing and to the history.

import { append, h } from '../dom.js';
import { t } from '../i18n.js';
import { linkButton, pageHeader } from '../components.js';
import { flash } from '../notice.js';
import {
  actionErrorMessage,
  allowedActions,
  canCatalogue,
  canEdit,
  canReview,
  loadRecord,
  recordHref,
  recordSections,
  runAction,
  statusBadge,
  takeWarnings,
  tierLabel,
  timeEl,
  warningsBox,
} from '../records.js';
import { recordImagesSection } from './iiif-viewer.js';
import { conditionLink } from '../condition.js';
import './record-images.js'; // registers the img.* messages used by the “manage images” link

/** The record's fields, one panel per group; `extra(field)` may add to each value (review page). */
export function fieldPanels(record, extra) {
  return recordSections(record).map((section) =>
    h(
      'section',
      { class: 'panel record-section', 'aria-labelledby': `sec-${section.key}` },
      h('h2', { id: `sec-${section.key}` }, section.title),
      h(
        'dl',
        { class: 'details record-fields' },
        section.fields.map((f) => [
          h('dt', { dataset: { field: f.key } }, f.label),
          h(
            'dd',
            { dataset: { field: f.key } },
            h('div', { class: 'field-value' }, f.value ?? t('common.dash')),
            extra ? extra(f) : null,
          ),
        ]),
      ),
    ),
  );
}

/** The census number, status, type, institution and tier of a record. */
export function identityCard(record) {
  return h(
    'section',
    { class: 'record-identity', 'aria-label': t('rec.censusNumber') },
    h(
      'div',
      { class: 'census-number-box' },
      h('span', { class: 'census-number-label' }, t('rec.censusNumber')),
      h('span', { class: 'census-number code', id: 'census-number' }, record.censusNumber),
    ),
    h(
      'dl',
      { class: 'identity-facts' },
      h(
        'div',
        {},
        h('dt', {}, t('rec.status')),
        h('dd', { id: 'record-status', tabindex: '-1' }, statusBadge(record.status)),
      ),
      h('div', {}, h('dt', {}, t('rec.type')), h('dd', {}, t(`rec.type.${record.type}`))),
      h('div', {}, h('dt', {}, t('rec.institution')), h('dd', {}, record.institutionName ?? '')),
      h('div', {}, h('dt', {}, t('rec.tier')), h('dd', { id: 'record-tier' }, tierLabel(record.tier))),
      h('div', {}, h('dt', {}, t('rec.updatedAt')), h('dd', {}, timeEl(record.updatedAt))),
      h('div', {}, h('dt', {}, t('rec.version')), h('dd', {}, String(record.version))),
    ),
  );
}

/**
 * Buttons for the workflow steps of `actions`; after a step the page is drawn again with the
 * outcome announced. `after(record)` gives the URL to go to (default: this page).
 */
export function workflowButtons(ctx, record, actions, { after } = {}) {
  return actions.map((action) =>
    h(
      'button',
      {
        type: 'button',
        class: `button ${action === 'return' || action === 'withdraw' ? 'button-secondary' : 'button-primary'}`,
        dataset: { action },
        onClick: async (event) => {
          const button = event.currentTarget;
          if (button.getAttribute('aria-disabled') === 'true') return;
          button.setAttribute('aria-disabled', 'true');
          let outcome;
          try {
            outcome = await runAction(record, action);
          } finally {
            button.removeAttribute('aria-disabled');
          }
          if (!outcome) return;
          if (outcome.error) {
            if (outcome.error.status === 401) return;
            flash(actionErrorMessage(outcome.error), 'error');
          } else {
            flash(t(`wf.done.${action}`));
          }
          const next = after && outcome.record ? after(outcome.record) : window.location.pathname;
          await ctx.navigate(next, { replace: next === window.location.pathname, focus: '#record-status' });
        },
      },
      t(`wf.${action}`),
    ),
  );
}

export async function renderRecordDetail(ctx) {
  const cn = ctx.params.censusNumber;
  const record = await loadRecord(cn);
  if (!ctx.isCurrent()) return;
  if (!record) {
    ctx.setTitle(t('common.notFoundTitle'));
    append(ctx.view, [
      pageHeader(t('common.notFoundTitle')),
      h('p', {}, t('rec.notFound')),
      h('p', {}, linkButton('/records', t('rec.backToList'), 'secondary')),
    ]);
    return;
  }
  ctx.setTitle(`${record.title} ${record.censusNumber}`);
  const actions = allowedActions(record);
  const reviewLink =
    canReview(record) && ['submitted', 'in_review'].includes(record.status)
      ? linkButton(`/review/${encodeURIComponent(cn)}`, t('rec.reviewPage'), 'secondary')
      : null;
  const images = await recordImagesSection(record);
  if (!ctx.isCurrent()) return;
  append(ctx.view, [
    h(
      'nav',
      { class: 'breadcrumb', 'aria-label': t('nav.breadcrumb') },
      h('a', { href: '/records' }, t('rec.listTitle')),
    ),
    pageHeader(
      record.title,
      canEdit(record) ? linkButton(recordHref(cn, '/edit'), t('rec.edit'), 'secondary') : null,
      record.workflowVisible ? linkButton(recordHref(cn, '/history'), t('rec.history'), 'secondary') : null,
      canCatalogue(record) ? linkButton(recordHref(cn, '/images'), t('img.manage'), 'secondary') : null,
      conditionLink(record),
    ),
    identityCard(record),
    images,
    warningsBox(takeWarnings(cn)),
    record.status === 'withdrawn' && record.withdrawReason
      ? h('p', { class: 'notice notice-info' }, `${t('rec.withdrawReason')}：${record.withdrawReason}`)
      : null,
    actions.length || reviewLink
      ? h(
          'section',
          { class: 'panel workflow-panel', 'aria-labelledby': 'workflow-title' },
          h('h2', { id: 'workflow-title' }, t('wf.actions')),
          h('div', { class: 'workflow-actions' }, workflowButtons(ctx, record, actions), reviewLink),
        )
      : null,
    fieldPanels(record),
  ]);
}
