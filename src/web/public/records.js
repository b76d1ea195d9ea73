// Shared pieces of the census-record pages: code lists, labels of statuses and tiers, how each
// field is shown, which workflow steps the interface offers, the note dialog and error mapping.

import './records-i18n.js';
import { h, replace } from './dom.js';
import { formatDateTime, getLang, has, pick, t } from './i18n.js';
import { api } from './api.js';
import { user } from './session.js';

// ---------------------------------------------------------------------------------------------
// Reference data

let codeListsPromise = null;

/** The code lists as a Map name → {labelZh, labelEn, values: [{value, active}]} (fetched once). */
export function codeLists() {
  if (!codeListsPromise) {
    codeListsPromise = api
      .get('/api/code-lists')
      .then((answer) => new Map(answer.items.map((list) => [list.name, list])));
    codeListsPromise.catch(() => {
      codeListsPromise = null;
    });
  }
  return codeListsPromise;
}

/** Options of a code list for a select: active values, plus `keep` (the record's current value). */
export function codeOptions(lists, name, keep) {
  const values = (lists.get(name)?.values ?? []).filter((v) => v.active || v.value === keep);
  const options = values.map((v) => ({ value: v.value, label: v.value }));
  if (keep && !options.some((o) => o.value === keep)) options.push({ value: keep, label: keep });
  return options;
}

/** Grades as catalogues write them (grading-condition.md). */
export const GRADE_VALUES = [
  '一级甲等',
  '一级乙等',
  '一级丙等',
  '二级甲等',
  '二级乙等',
  '二级丙等',
  '三级甲等',
  '三级乙等',
  '三级丙等',
  '四级',
  '未定级',
];
export const DAMAGE_VALUES = ['一级', '二级', '三级', '四级', '五级', '完好', '未评估'];

/** Plain options from a list of values, keeping an unknown current value selectable. */
export function valueOptions(values, keep) {
  const options = values.map((v) => ({ value: v, label: v }));
  if (keep && !values.includes(keep)) options.push({ value: keep, label: keep });
  return options;
}

// ---------------------------------------------------------------------------------------------
// Labels and formatting

export function statusLabel(status) {
  return has(`status.${status}`) ? t(`status.${status}`) : status;
}

export function statusBadge(status) {
  return h('span', { class: `badge status-badge status-${status}` }, statusLabel(status));
}

export function tierLabel(tier) {
  return has(`tier.${tier}`) ? t(`tier.${tier}`) : tier;
}

export function typeLabel(type) {
  return t(`rec.type.${type}`);
}

/** （宋）朱熹撰 （明）邵寶輯 (full-width space between) — the catalogue form of responsibility. */
export function formatAuthors(authors) {
  return (authors ?? [])
    .map((a) => `${a.dynasty ? `（${a.dynasty}）` : ''}${a.name ?? ''}${a.role ?? ''}`)
    .join('\u3000');
}

const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** A reign year in Chinese: 1 → 元, 4 → 四, 10 → 十, 61 → 六十一. */
export function chineseYear(n) {
  if (n === 1) return '元';
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens > 1 ? DIGITS[tens] : ''}${tens ? '十' : ''}${DIGITS[ones]}`;
}

/** The year or range of a derived date: 1460, 1736–1795, or ''. */
export function formatYears(date) {
  if (!date || date.yearFrom === null || date.yearFrom === undefined) return '';
  return date.yearTo !== null && date.yearTo !== undefined && date.yearTo !== date.yearFrom
    ? `${date.yearFrom}–${date.yearTo}`
    : String(date.yearFrom);
}

/** 明 天顺四年 → 1460（精确到年）; '' when nothing was derived. */
export function formatDerivedDate(date) {
  if (!date || date.precision === 'unknown' || date.yearFrom === null) return '';
  const era = date.era ? `${date.era}${date.eraYear ? `${chineseYear(date.eraYear)}年` : ''}` : '';
  // 民国二十年: the era names the period itself, so 民国 is not written twice.
  const left = [date.era === date.dynasty ? '' : date.dynasty, era].filter(Boolean).join(' ');
  const precision = t(`precision.${date.precision}`);
  const right = `${formatYears(date)}${getLang() === 'en' ? ` (${precision})` : `（${precision}）`}`;
  return left ? `${left} → ${right}` : right;
}

function formatSize(size) {
  return size ? `${size.height} × ${size.width}` : '';
}

function formatList(items, format) {
  if (!items?.length) return '';
  return h(
    'ol',
    { class: 'value-list' },
    items.map((item) => h('li', {}, format(item))),
  );
}

/** Fields of a record as shown on the detail and review pages, grouped; `types` limits a field. */
export const FIELD_GROUPS = [
  {
    key: 'identity',
    fields: [
      { key: 'callNumber' },
      { key: 'title', label: (r) => (r.type === 'minguo' ? 'field.titleMinguo' : 'field.title') },
      { key: 'otherTitles', show: (r) => (r.otherTitles ?? []).join('；') },
      { key: 'titleSource' },
    ],
  },
  {
    key: 'responsibility',
    fields: [{ key: 'authors', show: (r) => formatAuthors(r.authors) }],
  },
  {
    key: 'edition',
    label: (r) => (r.type === 'minguo' ? 'rec.group.editionMinguo' : 'rec.group.edition'),
    fields: [
      {
        key: 'edition',
        label: (r) => (r.type === 'minguo' ? 'field.editionMinguo' : 'field.edition'),
        show: (r) => r.edition?.text ?? '',
      },
      {
        key: 'editionDate',
        label: () => 'field.editionDate',
        // The date's warnings (a year past the era's end …) stay visible to the reviewer.
        show: (r) =>
          [
            formatDerivedDate(r.edition),
            ...(r.edition?.warnings ?? []).map((w) => pick(w.messageZh, w.messageEn)),
          ]
            .filter(Boolean)
            .join(getLang() === 'en' ? ' · ' : '；'),
      },
      { key: 'editionType' },
      { key: 'publisher' },
      { key: 'place' },
      { key: 'editionStatement', types: ['minguo'] },
      { key: 'printing', types: ['minguo'] },
      { key: 'mixedCopies' },
      { key: 'printingState' },
    ],
  },
  {
    key: 'physical',
    fields: [
      { key: 'volumes' },
      { key: 'cases' },
      { key: 'extant', types: ['guji'] },
      { key: 'totalJuan', types: ['guji'] },
      { key: 'extantJuan', types: ['guji'] },
      { key: 'pages', types: ['minguo'] },
      { key: 'serialHoldings', types: ['minguo'] },
      { key: 'binding' },
      { key: 'size', show: (r) => formatSize(r.size) },
      { key: 'frame', show: (r) => formatSize(r.frame) },
      { key: 'layout' },
    ],
  },
  {
    key: 'classification',
    fields: [
      { key: 'classification' },
      { key: 'subclass' },
      { key: 'minguoDocumentType', types: ['minguo'] },
      { key: 'documentType' },
      { key: 'script' },
    ],
  },
  {
    key: 'annotations',
    fields: [
      {
        key: 'annotations',
        show: (r) =>
          formatList(r.annotations, (a) => [a.person ?? '', a.mode ?? '', a.note ? `：${a.note}` : '']),
      },
    ],
  },
  {
    key: 'seals',
    fields: [
      {
        key: 'seals',
        show: (r) =>
          formatList(r.seals, (s) => [
            `「${s.text}」`,
            s.ownerUnknown || !s.owner ? ` ${t('field.sealOwnerUnknown')}` : ` ${s.owner}`,
            s.position ? `（${s.position}）` : '',
          ]),
      },
    ],
  },
  {
    key: 'grading',
    fields: [
      { key: 'grade', types: ['guji'] },
      { key: 'damageGrade' },
      { key: 'preciousListNumber', types: ['guji'] },
    ],
  },
  {
    key: 'paper',
    types: ['minguo'],
    fields: [
      { key: 'paper' },
      { key: 'brittleness' },
      {
        key: 'phReadings',
        show: (r) =>
          formatList(r.phReadings, (p) =>
            [`pH ${p.value}`, p.method, p.point, p.measuredAt].filter(Boolean).join(' · '),
          ),
      },
    ],
  },
  {
    key: 'notes',
    fields: [{ key: 'notes' }, { key: 'abstract' }, { key: 'collectionHistory', types: ['minguo'] }],
  },
];

function applies(item, record) {
  return !item.types || item.types.includes(record.type);
}

/** Groups of [field, label, value] for one record (type-specific fields of the other type left out). */
export function recordSections(record) {
  return FIELD_GROUPS.filter((g) => applies(g, record)).map((group) => ({
    key: group.key,
    title: t(group.label ? group.label(record) : `rec.group.${group.key}`),
    fields: group.fields
      .filter((f) => applies(f, record))
      .map((f) => {
        const raw = f.show ? f.show(record) : record[f.key];
        return {
          key: f.key,
          label: t(f.label ? f.label(record) : `field.${f.key}`),
          value: raw === null || raw === undefined || raw === '' ? null : raw,
        };
      }),
  }));
}

// ---------------------------------------------------------------------------------------------
// Who may do what (the interface offers; the server decides)

/** Whether the user catalogues records of this institution/province. */
export function canCatalogue(record, u = user()) {
  if (!u) return false;
  if (u.role === 'national_admin') return true;
  if (u.role === 'provincial_admin') return u.provinceCode === record.provinceCode;
  return u.role === 'cataloguer' && u.institutionId === record.institutionId;
}

/** Staff who work with unpublished records (everyone but registered readers). */
export function isStaff(u = user()) {
  return Boolean(u) && u.role !== 'reader';
}

/** Whether the user reviews (reviewers and administrators). */
export function isReviewerRole(u = user()) {
  return ['reviewer', 'provincial_admin', 'national_admin'].includes(u?.role);
}

/** Whether the user may review this record (assignment is checked by the server). */
export function canReview(record, u = user()) {
  if (!u) return false;
  if (u.role === 'national_admin') return true;
  if (u.role === 'provincial_admin' || u.role === 'reviewer') return u.provinceCode === record.provinceCode;
  return false;
}

function canPublish(record, u = user()) {
  return (
    u?.role === 'national_admin' || (u?.role === 'provincial_admin' && u.provinceCode === record.provinceCode)
  );
}

/** The workflow of the server (record-workflow.rules.ts) as the page needs it. */
export const WORKFLOW = {
  submit: { from: ['draft', 'returned'], segment: 'submit', side: 'catalogue' },
  recall: { from: ['submitted'], segment: 'recall', side: 'catalogue' },
  start_review: { from: ['submitted'], segment: 'start-review', side: 'review' },
  return: { from: ['submitted', 'in_review'], segment: 'return', side: 'review', note: 'return' },
  approve: { from: ['submitted', 'in_review'], segment: 'approve', side: 'review' },
  publish: { from: ['approved'], segment: 'publish', side: 'publish' },
  withdraw: {
    from: ['draft', 'submitted', 'in_review', 'returned', 'approved', 'published'],
    segment: 'withdraw',
    side: 'catalogue_or_publish',
    note: 'withdraw',
  },
};

/** Workflow steps the current user may take on a record in its status. */
export function allowedActions(record, { sides } = {}) {
  return Object.entries(WORKFLOW)
    .filter(([, rule]) => rule.from.includes(record.status))
    .filter(([, rule]) => !sides || sides.includes(rule.side))
    .filter(([, rule]) => {
      switch (rule.side) {
        case 'catalogue':
          return canCatalogue(record);
        case 'review':
          return canReview(record);
        case 'publish':
          return canPublish(record);
        default:
          return canCatalogue(record) || canPublish(record);
      }
    })
    .map(([action]) => action);
}

/** Whether the interface offers editing (locked while under review; a reason needed after approval). */
export function canEdit(record) {
  return canCatalogue(record) && ['draft', 'returned', 'approved', 'published'].includes(record.status);
}

// ---------------------------------------------------------------------------------------------
// Workflow dialog and actions

/**
 * Asks for the note of a return or withdrawal in a modal dialog. Resolves with the note, or null
 * when cancelled. `send(note)` runs the request; its 400 is shown on the note field.
 */
export function askNote({ title, label, hint, confirm, send }) {
  return new Promise((resolve) => {
    const returnFocus = document.activeElement;
    const id = `note-${Date.now()}`;
    const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
    const textarea = h('textarea', {
      id,
      name: 'note',
      rows: '4',
      required: true,
      'aria-required': 'true',
      'aria-describedby': `${id}-hint`,
      maxlength: '4000',
    });
    let settled = false;
    const finish = (value) => {
      if (settled) return;
      settled = true;
      dialog.close();
      dialog.remove();
      if (returnFocus?.isConnected) returnFocus.focus();
      resolve(value);
    };
    const submitButton = h('button', { type: 'submit', class: 'button button-primary' }, confirm);
    const form = h(
      'form',
      { class: 'form', method: 'dialog' },
      h(
        'div',
        { class: 'field', dataset: { field: 'note' } },
        h(
          'div',
          { class: 'label-line' },
          h('label', { for: id }, label),
          h('span', { class: 'required-mark', 'aria-hidden': 'true' }, '*'),
        ),
        textarea,
        h('p', { class: 'hint', id: `${id}-hint` }, hint),
        error,
      ),
      h(
        'div',
        { class: 'form-actions' },
        submitButton,
        h(
          'button',
          { type: 'button', class: 'button button-secondary', onClick: () => finish(null) },
          t('common.cancel'),
        ),
      ),
    );
    const showError = (message) => {
      replace(error, h('span', { class: 'visually-hidden' }, t('common.errorPrefix')), message);
      error.hidden = false;
      textarea.setAttribute('aria-invalid', 'true');
      textarea.setAttribute('aria-describedby', `${id}-hint ${id}-error`);
      textarea.closest('.field').classList.add('has-error');
      textarea.focus();
    };
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (form.dataset.busy === 'true') return;
      const note = textarea.value.trim();
      if (!note) {
        showError(t('common.fieldRequired'));
        return;
      }
      form.dataset.busy = 'true';
      submitButton.setAttribute('aria-disabled', 'true');
      try {
        await send(note);
        finish(note);
      } catch (e) {
        if (e?.name !== 'ApiError') throw e;
        if (e.status === 400 && e.details?.length)
          showError(pick(e.details[0].messageZh, e.details[0].messageEn));
        else finish({ error: e });
      } finally {
        form.dataset.busy = 'false';
        submitButton.removeAttribute('aria-disabled');
      }
    });
    const heading = h('h2', { id: `${id}-title` }, title);
    const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': `${id}-title` }, heading, form);
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish(null);
    });
    document.body.append(dialog);
    dialog.showModal();
    textarea.focus();
  });
}

/** Posts one workflow step; returns the record JSON. */
export function postAction(censusNumber, action, note) {
  return api.post(
    `/api/records/${encodeURIComponent(censusNumber)}/${WORKFLOW[action].segment}`,
    note ? { note } : {},
  );
}

/**
 * Takes a workflow step from a button: asks for the note when the step needs one, then posts.
 * Resolves {record} on success, {error} on a refusal, null when the user cancelled.
 */
export async function runAction(record, action) {
  const rule = WORKFLOW[action];
  if (rule.note) {
    let saved = null;
    const answer = await askNote({
      title: `${t(`wf.${action}`)} · ${record.censusNumber}`,
      label: t(rule.note === 'return' ? 'wf.noteReturn' : 'wf.noteWithdraw'),
      hint: t(rule.note === 'return' ? 'wf.noteReturnHint' : 'wf.noteWithdrawHint'),
      confirm: t(`wf.${action}`),
      send: async (note) => {
        saved = await postAction(record.censusNumber, action, note);
      },
    });
    if (answer === null) return null;
    if (typeof answer === 'object' && answer.error) return { error: answer.error };
    return { record: saved };
  }
  try {
    return { record: await postAction(record.censusNumber, action) };
  } catch (error) {
    if (error?.name !== 'ApiError') throw error;
    return { error };
  }
}

/** The message of a refused step: the server's, with the steps the record's status allows (409). */
export function actionErrorMessage(error) {
  const parts = [error.localized()];
  if (error.status === 409 && error.allowedActions?.length) {
    parts.push(t('wf.allowed', { actions: error.allowedActions.map((a) => t(`wf.${a}`)).join('、') }));
  }
  return parts.join(' ');
}

/** The path of a record page. */
export function recordHref(censusNumber, suffix = '') {
  return `/records/${encodeURIComponent(censusNumber)}${suffix}`;
}

/** Loads a record, or null when it does not exist or is not visible (404). */
export async function loadRecord(censusNumber) {
  try {
    return await api.get(`/api/records/${encodeURIComponent(censusNumber)}`);
  } catch (error) {
    if (error.status === 404 || (error.status === 400 && error.code === 'VALIDATION_FAILED')) return null;
    throw error;
  }
}

/** Current review round: the number of submissions so far. */
export function currentRound(review) {
  return review.events.filter((e) => e.action === 'submit').length;
}

/** The date and time of an ISO string as a <time>. */
export function timeEl(iso) {
  return h('time', { datetime: iso }, formatDateTime(iso));
}
