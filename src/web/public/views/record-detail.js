// Pieces of the old record page the review page (/review/:censusNumber) still draws: the fields
// in panels, the identity card and the workflow buttons. /records/:censusNumber itself is drawn by
// the React app (src/web/app/pages/RecordPage.tsx).

import { h } from '../dom.js';
import { t } from '../i18n.js';
import { flash } from '../notice.js';
import { actionErrorMessage, recordSections, runAction, statusBadge, tierLabel, timeEl } from '../records.js';

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
