// /review/:censusNumber — one record's fields,
// each with a “批注” button for a field comment, the current round's comments beside their field,
// and the review steps (开始审校 / 退回修改 / 审校通过).

import { append, h, uid } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { linkButton, pageHeader } from '../components.js';
import { notify } from '../notice.js';
import { check, onSubmit } from '../forms.js';
import { allowedActions, canReview, currentRound, loadRecord, recordHref, timeEl } from '../records.js';
import { fieldPanels, identityCard, workflowButtons } from './record-detail.js';

// ---------------------------------------------------------------------------------------------
// One record under review

/** The “批注” button of a field, its small form, and the current round's comments on the field. */
function commentTools(record, field, comments, { canComment }) {
  const list = h(
    'ul',
    { class: 'comment-list', 'aria-label': `${t('review.commentsHere')}：${field.label}` },
    comments.map((c) => commentItem(c)),
  );
  if (!canComment) return comments.length ? h('div', { class: 'field-comments' }, list) : null;
  const formId = uid('comment-form');
  const button = h(
    'button',
    {
      type: 'button',
      class: 'button button-link button-small comment-button',
      'aria-expanded': 'false',
      'aria-controls': formId,
    },
    t('review.comment'),
    h('span', { class: 'visually-hidden' }, ` ${field.label}`),
  );
  // The form exists only while open, so the page does not carry one hidden form per field.
  const slot = h('div', { class: 'comment-slot' });
  let form = null;

  function close(refocus) {
    form?.remove();
    form = null;
    button.setAttribute('aria-expanded', 'false');
    if (refocus) button.focus();
  }

  function open() {
    const textId = uid('comment-text');
    form = h(
      'form',
      { class: 'comment-form', id: formId, 'aria-label': t('review.commentOn', { field: field.label }) },
      h(
        'div',
        { class: 'field', dataset: { field: 'text' } },
        h('label', { for: textId }, t('review.commentText')),
        h('textarea', { id: textId, name: 'text', rows: '3', maxlength: '4000', required: true }),
        h('p', { class: 'field-error', id: `${textId}-error`, hidden: true }),
      ),
      h(
        'div',
        { class: 'form-actions' },
        h('button', { type: 'submit', class: 'button button-primary button-small' }, t('review.commentSend')),
        h(
          'button',
          { type: 'button', class: 'button button-secondary button-small', onClick: () => close(true) },
          t('common.cancel'),
        ),
      ),
    );
    const mine = form;
    mine.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') close(true);
    });
    onSubmit(mine, {
      validate: () => check(mine, { text: { required: true } }),
      submit: async () => {
        const saved = await api.post(`/api/records/${encodeURIComponent(record.censusNumber)}/comments`, {
          field: field.key,
          text: mine.elements.text.value.trim(),
        });
        list.append(commentItem(saved));
        close(true);
        notify(t('review.commentSaved'));
      },
    });
    slot.append(mine);
    button.setAttribute('aria-expanded', 'true');
    mine.elements.text.focus();
  }

  button.addEventListener('click', () => (form ? close(false) : open()));
  return h('div', { class: 'field-comments' }, button, slot, list);
}

function commentItem(c) {
  return h(
    'li',
    { class: 'comment' },
    h('span', { class: 'comment-text' }, c.text),
    h('span', { class: 'comment-meta' }, ' — ', c.actorEmail ?? '', ' · ', timeEl(c.at)),
  );
}

/** /review/:censusNumber */
export async function renderReview(ctx) {
  const cn = ctx.params.censusNumber;
  const record = await loadRecord(cn);
  if (!ctx.isCurrent()) return;
  if (!record) {
    ctx.setTitle(t('common.notFoundTitle'));
    append(ctx.view, [
      pageHeader(t('common.notFoundTitle')),
      h('p', {}, t('rec.notFound')),
      h('p', {}, linkButton('/review', t('review.queueTitle'), 'secondary')),
    ]);
    return;
  }
  const review = await api.get(`/api/records/${encodeURIComponent(cn)}/review`);
  if (!ctx.isCurrent()) return;
  ctx.setTitle(t('review.title', { title: record.title }));
  const round = currentRound(review);
  const underReview = ['submitted', 'in_review'].includes(record.status);
  const mayComment = underReview && canReview(record);
  const byField = new Map();
  for (const c of review.comments.filter((c) => c.round === round)) {
    if (!byField.has(c.field)) byField.set(c.field, []);
    byField.get(c.field).push(c);
  }
  const actions = allowedActions(record, { sides: ['review'] });
  append(ctx.view, [
    h(
      'nav',
      { class: 'breadcrumb', 'aria-label': t('nav.breadcrumb') },
      h('a', { href: '/review' }, t('review.queueTitle')),
    ),
    pageHeader(
      t('review.title', { title: record.title }),
      linkButton(recordHref(cn), record.censusNumber, 'secondary'),
      linkButton(recordHref(cn, '/history'), t('rec.history'), 'secondary'),
    ),
    identityCard(record),
    h(
      'section',
      { class: 'panel workflow-panel', 'aria-labelledby': 'workflow-title' },
      h(
        'h2',
        { id: 'workflow-title' },
        t('wf.actions'),
        round ? h('span', { class: 'round-badge' }, ` · ${t('review.currentRound', { n: round })}`) : null,
      ),
      actions.length
        ? h('div', { class: 'workflow-actions' }, workflowButtons(ctx, record, actions))
        : h('p', {}, underReview ? t('wf.noneAllowed') : t('review.notUnderReview')),
    ),
    h('h2', { class: 'visually-hidden' }, t('review.fields')),
    fieldPanels(record, (field) =>
      field.key === 'editionDate'
        ? null
        : commentTools(record, field, byField.get(field.key) ?? [], { canComment: mayComment }),
    ),
  ]);
}
