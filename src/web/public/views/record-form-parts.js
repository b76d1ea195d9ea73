// Building blocks of the census record form: type-specific fields, repeatable rows, reading the
// form into a record body, the changed fields of an edit, mapping server error paths to the
// form's controls, and the edition date derived live as the statement is typed.

import { h, uid } from '../dom.js';
import { getLang, pick, t } from '../i18n.js';
import { api } from '../api.js';
import { selectField, showErrors, textField } from '../forms.js';
import { formatDerivedDate, formatYears } from '../records.js';

export const TYPES = ['guji', 'minguo'];
const GUJI_ONLY = ['grade', 'preciousListNumber', 'extant', 'totalJuan', 'extantJuan'];
const MINGUO_ONLY = [
  'minguoDocumentType',
  'editionStatement',
  'printing',
  'pages',
  'serialHoldings',
  'paper',
  'brittleness',
  'phReadings',
  'collectionHistory',
];
const TEXT_FIELDS = [
  'callNumber',
  'title',
  'titleSource',
  'edition',
  'editionType',
  'publisher',
  'place',
  'mixedCopies',
  'printingState',
  'extant',
  'binding',
  'layout',
  'classification',
  'subclass',
  'grade',
  'damageGrade',
  'documentType',
  'script',
  'notes',
  'abstract',
  'preciousListNumber',
  'minguoDocumentType',
  'editionStatement',
  'printing',
  'serialHoldings',
  'paper',
  'brittleness',
  'collectionHistory',
];
const INT_FIELDS = ['volumes', 'cases', 'totalJuan', 'extantJuan', 'pages'];
// Text fields the schema does not accept as null: an empty value is sent as ''.
const NEVER_NULL = new Set(['callNumber', 'title', 'edition', 'documentType', 'script']);
const INTEGER = /^-?\d+$/;
const NUMBER = /^-?\d+(\.\d+)?$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_DEBOUNCE_MS = 250;

/** Which types a field belongs to (null: both). */
export function typesOf(name) {
  if (GUJI_ONLY.includes(name)) return ['guji'];
  if (MINGUO_ONLY.includes(name)) return ['minguo'];
  return null;
}

/** Marks a node as belonging to some record types (hidden while another type is chosen). */
export function typed(types, node) {
  if (types) node.dataset.types = types.join(' ');
  return node;
}

/** A labelled textarea with hint and inline error, wired like forms.js fields. */
export function textareaField({ name, label, hint, value, rows = 3, required = false, maxlength }) {
  const id = uid(`f-${name}`);
  const hintEl = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  return h(
    'div',
    { class: 'field', dataset: { field: name } },
    h(
      'div',
      { class: 'label-line' },
      h('label', { for: id }, label),
      required ? h('span', { class: 'required-mark', 'aria-hidden': 'true' }, '*') : null,
    ),
    h(
      'textarea',
      {
        id,
        name,
        rows: String(rows),
        required,
        'aria-required': required ? 'true' : null,
        maxlength,
        'aria-describedby': hintEl?.id ?? null,
      },
      value ?? '',
    ),
    hintEl,
    h('p', { class: 'field-error', id: `${id}-error`, hidden: true }),
  );
}

/** A checkbox whose error element follows the forms.js convention. */
function checkbox({ name, label, checked }) {
  const id = uid(`f-${name}`);
  return h(
    'div',
    { class: 'field field-checkbox', dataset: { field: name } },
    h(
      'div',
      { class: 'checkbox-row' },
      h('input', { id, name, type: 'checkbox', checked }),
      h('label', { for: id }, label),
    ),
    h('p', { class: 'field-error', id: `${id}-error`, hidden: true }),
  );
}

// ---------------------------------------------------------------------------------------------
// Repeatable rows

/**
 * A list of rows (authors, seals …). Each row is a fieldset "著者 1" whose controls are named
 * `authors[0].name` etc., renumbered after a row is removed, so server paths find them.
 * spec: {name, rowLabel, addLabel, fields: [{key, label, kind: 'text'|'select'|'checkbox', options, size}]}.
 */
export function repeatable(spec, items, onChange) {
  const rows = h('div', { class: 'repeat-rows' });
  const addButton = h(
    'button',
    { type: 'button', class: 'button button-secondary button-small repeat-add' },
    `+ ${t(spec.addLabel)}`,
  );

  function renumber() {
    [...rows.children].forEach((row, i) => {
      row.querySelector('legend').textContent = t(spec.rowLabel, { n: i + 1 });
      for (const control of row.querySelectorAll('[data-key]')) {
        control.name = `${spec.name}[${i}].${control.dataset.key}`;
      }
      const remove = row.querySelector('.repeat-remove');
      remove.setAttribute('aria-label', t('field.removeRow', { what: t(spec.rowLabel, { n: i + 1 }) }));
    });
  }

  function addRow(item = {}, focus = false) {
    const fields = spec.fields.map((f) => {
      let field;
      if (f.kind === 'select') {
        field = selectField({
          name: f.key,
          label: t(f.label),
          options: f.options(item[f.key]),
          placeholder: t('common.choose'),
          value: item[f.key] ?? '',
        });
      } else if (f.kind === 'checkbox') {
        field = checkbox({ name: f.key, label: t(f.label), checked: Boolean(item[f.key]) });
      } else {
        field = textField({
          name: f.key,
          label: t(f.label),
          value: item[f.key] === null || item[f.key] === undefined ? '' : String(item[f.key]),
          size: f.size,
          inputmode: f.inputmode,
          attrs: f.placeholder ? { placeholder: f.placeholder } : {},
        });
      }
      const control = field.querySelector('input, select, textarea');
      control.dataset.key = f.key;
      field.classList.add(`field-${f.key}`);
      return field;
    });
    const row = h(
      'fieldset',
      { class: 'repeat-row' },
      h('legend', {}, ''),
      h('div', { class: 'repeat-fields' }, fields),
      h(
        'button',
        {
          type: 'button',
          class: 'button button-link button-small repeat-remove',
          onClick: () => {
            const index = [...rows.children].indexOf(row);
            row.remove();
            renumber();
            onChange?.();
            const next = rows.children[index] ?? rows.children[index - 1];
            (next?.querySelector('input, select') ?? addButton).focus();
          },
        },
        t('field.remove'),
      ),
    );
    rows.append(row);
    renumber();
    if (focus) row.querySelector('input, select')?.focus();
    return row;
  }

  addButton.addEventListener('click', () => {
    addRow({}, true);
    onChange?.();
  });
  for (const item of items) addRow(item);
  return {
    node: h('div', { class: 'repeat-group', dataset: { list: spec.name } }, rows, addButton),
    rows: () => [...rows.children],
  };
}

// ---------------------------------------------------------------------------------------------
// Reading the form

function isEmptyRow(values) {
  return Object.values(values).every((v) => v === '' || v === false);
}

/**
 * Reads the form into a record body for the chosen type. Returns {body, problems, indexMaps}:
 * problems are client-side ([{path, message}]); indexMaps translate a list index of the body
 * (empty rows are left out) back to the form's row.
 */
export function readForm(form, type, repeats) {
  const body = {};
  const problems = [];
  const indexMaps = {};
  const applies = (name) => !typesOf(name) || typesOf(name).includes(type);
  const control = (name) => form.elements.namedItem(name);

  for (const name of TEXT_FIELDS) {
    if (!applies(name) || !control(name)) continue;
    const v = control(name).value.trim();
    body[name] = v === '' && !NEVER_NULL.has(name) ? null : v;
  }
  for (const name of INT_FIELDS) {
    if (!applies(name) || !control(name)) continue;
    const v = control(name).value.trim();
    if (v === '') body[name] = null;
    else if (INTEGER.test(v)) body[name] = Number(v);
    else problems.push({ path: name, message: t('field.mustBeInteger') });
  }
  for (const name of ['size', 'frame']) {
    const height = control(`${name}.height`).value.trim();
    const width = control(`${name}.width`).value.trim();
    if (!height && !width) {
      body[name] = null;
      continue;
    }
    let ok = true;
    for (const [side, v] of [
      ['height', height],
      ['width', width],
    ]) {
      if (!NUMBER.test(v)) {
        ok = false;
        problems.push({ path: `${name}.${side}`, message: t('field.mustBeNumber') });
      }
    }
    if (ok) body[name] = { height: Number(height), width: Number(width) };
  }
  const other = control('otherTitles');
  body.otherTitles = other.value
    .split(/\n+/)
    .map((s) => s.trim())
    .filter(Boolean);

  for (const [name, repeat] of Object.entries(repeats)) {
    if (!applies(name)) continue;
    const list = [];
    const map = [];
    repeat.rows().forEach((row, rowIndex) => {
      const values = {};
      for (const c of row.querySelectorAll('[data-key]')) {
        values[c.dataset.key] = c.type === 'checkbox' ? c.checked : c.value.trim();
      }
      if (isEmptyRow(values)) return;
      const prefix = `${name}[${rowIndex}]`;
      const item = readRow(name, values, prefix, problems);
      map.push(rowIndex);
      list.push(item);
    });
    body[name] = list;
    indexMaps[name] = map;
  }
  return { body, problems, indexMaps };
}

const orNull = (v) => (v === '' || v === undefined ? null : v);

function readRow(name, v, prefix, problems) {
  switch (name) {
    case 'authors':
      if (!v.name) problems.push({ path: `${prefix}.name`, message: t('common.fieldRequired') });
      return { dynasty: orNull(v.dynasty), name: v.name, role: orNull(v.role) };
    case 'annotations':
      if (!v.mode) problems.push({ path: `${prefix}.mode`, message: t('common.fieldRequired') });
      return { person: orNull(v.person), mode: v.mode, note: orNull(v.note) };
    case 'seals':
      if (!v.text) problems.push({ path: `${prefix}.text`, message: t('common.fieldRequired') });
      return {
        text: v.text,
        owner: v.ownerUnknown ? null : orNull(v.owner),
        ownerUnknown: Boolean(v.ownerUnknown),
        position: orNull(v.position),
      };
    default: {
      // phReadings
      let value = null;
      if (!v.value) problems.push({ path: `${prefix}.value`, message: t('common.fieldRequired') });
      else if (!NUMBER.test(v.value))
        problems.push({ path: `${prefix}.value`, message: t('field.mustBeNumber') });
      else value = Number(v.value);
      if (v.measuredAt && !ISO_DATE.test(v.measuredAt))
        problems.push({ path: `${prefix}.measuredAt`, message: t('field.mustBeDate') });
      return { value, method: orNull(v.method), point: orNull(v.point), measuredAt: orNull(v.measuredAt) };
    }
  }
}

/** A comparable form of a field's value (null, '' and [] alike; list items with fixed keys). */
function comparable(name, value) {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && !value.length))
    return 'null';
  const item = (o, keys) => keys.map((k) => (o[k] === undefined || o[k] === '' ? null : o[k]));
  switch (name) {
    case 'authors':
      return JSON.stringify(value.map((a) => item(a, ['dynasty', 'name', 'role'])));
    case 'annotations':
      return JSON.stringify(value.map((a) => item(a, ['person', 'mode', 'note'])));
    case 'seals':
      return JSON.stringify(
        value.map((s) => [...item(s, ['text', 'owner', 'position']), Boolean(s.ownerUnknown)]),
      );
    case 'phReadings':
      return JSON.stringify(value.map((p) => item(p, ['value', 'method', 'point', 'measuredAt'])));
    case 'size':
    case 'frame':
      return JSON.stringify([value.height, value.width]);
    default:
      return JSON.stringify(value);
  }
}

/** The fields of `body` that differ from the stored record. */
export function changedFields(record, body) {
  const stored = { ...record, edition: record.edition?.text ?? '' };
  return Object.fromEntries(
    Object.entries(body).filter(
      ([name, value]) => comparable(name, stored[name]) !== comparable(name, value),
    ),
  );
}

/** Turns a server path into the form's control name (zod dots, skipped empty rows, whole objects). */
function resolvePath(form, path, indexMaps) {
  if (!path) return null;
  let p = path.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
  p = p.replace(/^(\w+)\[(\d+)\]/, (m, list, i) =>
    indexMaps[list] && indexMaps[list][Number(i)] !== undefined
      ? `${list}[${indexMaps[list][Number(i)]}]`
      : m,
  );
  const candidates = [p];
  if (p === 'size' || p === 'frame') candidates.push(`${p}.height`);
  const row = /^(\w+)\[(\d+)\]$/.exec(p);
  if (row) {
    const first = { authors: 'name', annotations: 'mode', seals: 'text', phReadings: 'value' }[row[1]];
    if (first) candidates.push(`${p}.${first}`);
  }
  if (/^\w+$/.test(p) && ['authors', 'annotations', 'seals', 'phReadings'].includes(p)) {
    const firstRow = { authors: 'name', annotations: 'mode', seals: 'text', phReadings: 'value' }[p];
    candidates.push(`${p}[0].${firstRow}`);
  }
  for (const name of candidates) {
    const control = form.elements.namedItem(name);
    if (control instanceof window.Element && control.id && !control.closest('[hidden]')) return name;
  }
  return null;
}

/** Shows an API error on the record form: each detail under its field, the rest in the alert. */
export function showRecordError(form, error, indexMaps) {
  const problems = (error.details ?? []).map((d) => ({
    path: resolvePath(form, d.path, indexMaps),
    message: pick(d.messageZh, d.messageEn) ?? d.rule,
  }));
  const validation = ['RECORD_INVALID', 'VALIDATION_FAILED', 'REASON_REQUIRED'].includes(error.code);
  const headline = validation && problems.length ? undefined : error.localized();
  showErrors(form, problems, { headline, requestId: error.status >= 500 ? error.requestId : null });
}

// ---------------------------------------------------------------------------------------------
// The derived edition date, live

export function editionDatePreview(form, getType) {
  const output = h('output', { class: 'derived-date', 'aria-live': 'polite', id: uid('edition-date') });
  const labelId = uid('edition-date-label');
  output.setAttribute('aria-labelledby', labelId);
  const node = h(
    'div',
    { class: 'field derived-date-field' },
    h('p', { class: 'derived-date-label', id: labelId }, t('field.editionDate')),
    output,
  );
  let timer = null;
  let sequence = 0;

  const show = (text, kind) => {
    output.className = `derived-date derived-date-${kind}`;
    output.dataset.state = kind;
    output.value = text;
  };

  async function run() {
    const text = form.elements.namedItem('edition').value.trim();
    const mine = ++sequence;
    if (!text) {
      show(t('date.empty'), 'empty');
      return;
    }
    const hint = form.elements.namedItem('authors[0].dynasty')?.value.trim();
    let answer;
    try {
      answer = await api.get('/api/edition-date', { text, dynastyHint: hint || undefined });
    } catch {
      if (mine === sequence) show('', 'empty');
      return;
    }
    if (mine !== sequence || !form.isConnected) return;
    if (!answer.ok) {
      show(pick(answer.error.messageZh, answer.error.messageEn), 'error');
      return;
    }
    const date = answer.date;
    const derived = formatDerivedDate(date);
    // Warnings (a year past the era's end, an ambiguous era …) are shown even when no date is derived.
    const warnings = (answer.warnings ?? []).map((w) => pick(w.messageZh, w.messageEn));
    if (!derived) {
      show([t('date.none'), ...warnings].join(getLang() === 'en' ? ' · ' : '；'), 'none');
      return;
    }
    const parts = [derived];
    if (answer.later?.length)
      parts.push(t('date.later', { dates: answer.later.map(formatYears).filter(Boolean).join('、') }));
    parts.push(...warnings);
    const tooLate = getType() === 'guji' && date.yearFrom !== null && date.yearFrom >= 1912;
    if (tooLate) parts.push(t('date.gujiTooLate', { year: date.yearFrom }));
    show(parts.join(getLang() === 'en' ? ' · ' : '；'), tooLate ? 'error' : 'ok');
  }

  const schedule = () => {
    window.clearTimeout(timer);
    show(t('date.checking'), 'pending');
    timer = window.setTimeout(run, DATE_DEBOUNCE_MS);
  };
  form.addEventListener('input', (event) => {
    const name = event.target.name;
    if (name === 'edition' || name === 'authors[0].dynasty') schedule();
  });
  return { node, run, schedule };
}
