// Accessible form building blocks: labelled fields with hints and inline errors, a form-level alert,
// and submit handling that maps API error details to fields and moves focus to the first problem.

import { h, replace, uid } from './dom.js';
import { pick, t } from './i18n.js';

function describedBy(...ids) {
  return ids.filter(Boolean).join(' ') || null;
}

/** The label, with the * of a required field beside it (outside, so the label's name stays clean). */
function labelFor(id, label, required) {
  return h(
    'div',
    { class: 'label-line' },
    h('label', { for: id }, label),
    required ? h('span', { class: 'required-mark', 'aria-hidden': 'true' }, '*') : null,
  );
}

function hintAndError(id, hint) {
  const hintEl = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  const errorEl = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  return { hintEl, errorEl };
}

/** A labelled text-like input (text, email, password, tel, number, search, datetime-local). */
export function textField({
  name,
  label,
  type = 'text',
  required = false,
  hint,
  value,
  autocomplete,
  inputmode,
  maxlength,
  size,
  attrs = {},
}) {
  const id = uid(`f-${name}`);
  const { hintEl, errorEl } = hintAndError(id, hint);
  const input = h('input', {
    id,
    name,
    type,
    value: value ?? '',
    required,
    'aria-required': required ? 'true' : null,
    autocomplete,
    inputmode,
    maxlength,
    size,
    'aria-describedby': describedBy(hintEl?.id),
    ...attrs,
  });
  return h(
    'div',
    { class: 'field', dataset: { field: name } },
    labelFor(id, label, required),
    input,
    hintEl,
    errorEl,
  );
}

/** A labelled select; options are [{value, label}]; `placeholder` adds an empty first option. */
export function selectField({
  name,
  label,
  options,
  required = false,
  hint,
  value,
  placeholder,
  attrs = {},
}) {
  const id = uid(`f-${name}`);
  const { hintEl, errorEl } = hintAndError(id, hint);
  const select = h(
    'select',
    {
      id,
      name,
      required,
      'aria-required': required ? 'true' : null,
      'aria-describedby': describedBy(hintEl?.id),
      ...attrs,
    },
    placeholder !== undefined ? h('option', { value: '' }, placeholder) : null,
    options.map((o) =>
      h('option', { value: o.value, selected: String(o.value) === String(value ?? '') }, o.label),
    ),
  );
  return h(
    'div',
    { class: 'field', dataset: { field: name } },
    labelFor(id, label, required),
    select,
    hintEl,
    errorEl,
  );
}

/** A checkbox with its label beside it. */
export function checkboxField({ name, label, checked = false, hint }) {
  const id = uid(`f-${name}`);
  const { hintEl, errorEl } = hintAndError(id, hint);
  const input = h('input', {
    id,
    name,
    type: 'checkbox',
    checked,
    'aria-describedby': describedBy(hintEl?.id),
  });
  return h(
    'div',
    { class: 'field field-checkbox', dataset: { field: name } },
    h('div', { class: 'checkbox-row' }, input, h('label', { for: id }, label)),
    hintEl,
    errorEl,
  );
}

/** Replaces the options of a select, keeping the value when it still exists. */
export function setOptions(select, options, placeholder) {
  const previous = select.value;
  replace(
    select,
    placeholder !== undefined ? h('option', { value: '' }, placeholder) : null,
    options.map((o) => h('option', { value: o.value }, o.label)),
  );
  if (options.some((o) => String(o.value) === previous)) select.value = previous;
}

/** The note that explains the * mark of required fields. */
export function requiredNote() {
  return h(
    'p',
    { class: 'hint required-note' },
    h('span', { class: 'required-mark', 'aria-hidden': 'true' }, '* '),
    t('common.requiredNote'),
  );
}

/** The alert box at the top of a form (created on first use). */
export function formAlert(form) {
  let alert = form.querySelector(':scope > .form-alert');
  if (!alert) {
    alert = h('div', { class: 'form-alert', role: 'alert', tabindex: '-1', hidden: true });
    form.prepend(alert);
  }
  return alert;
}

/** The trimmed value of a named control ('' when missing). */
export function value(form, name) {
  const control = form.elements.namedItem(name);
  return control && typeof control.value === 'string' ? control.value.trim() : '';
}

/** The trimmed value, or null when empty (optional text fields are cleared with null). */
export function valueOrNull(form, name) {
  return value(form, name) || null;
}

function controlFor(form, path) {
  const control = form.elements.namedItem(path);
  if (!control || control.type === 'hidden' || control.closest('[hidden]')) return null;
  return control;
}

/** Removes every inline error and the form alert. */
export function clearErrors(form) {
  for (const el of form.querySelectorAll('.field-error')) {
    el.hidden = true;
    el.textContent = '';
  }
  for (const el of form.querySelectorAll('[aria-invalid]')) {
    el.removeAttribute('aria-invalid');
    const ids = (el.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter((id) => id && !id.endsWith('-error'));
    if (ids.length) el.setAttribute('aria-describedby', ids.join(' '));
    else el.removeAttribute('aria-describedby');
  }
  for (const el of form.querySelectorAll('.field.has-error')) el.classList.remove('has-error');
  const alert = formAlert(form);
  alert.hidden = true;
  alert.replaceChildren();
}

/** Shows one inline error under its field; returns the control, or null when the form has no such field. */
export function setFieldError(form, path, message) {
  const control = controlFor(form, path);
  if (!control) return null;
  const errorEl = document.getElementById(`${control.id}-error`);
  if (!errorEl) return null;
  const previous = errorEl.hidden ? '' : errorEl.lastChild?.textContent;
  replace(
    errorEl,
    h('span', { class: 'visually-hidden' }, t('common.errorPrefix')),
    previous ? `${previous}；${message}` : message,
  );
  errorEl.hidden = false;
  control.setAttribute('aria-invalid', 'true');
  const ids = (control.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  if (!ids.includes(errorEl.id)) control.setAttribute('aria-describedby', [...ids, errorEl.id].join(' '));
  control.closest('.field')?.classList.add('has-error');
  return control;
}

/**
 * Shows problems: [{path, message}] inline where a field matches, the rest in the alert, with an
 * optional headline. Focus moves to the first invalid field (in page order).
 */
export function showErrors(form, problems, { headline, requestId } = {}) {
  clearErrors(form);
  const invalid = [];
  const unmapped = [];
  for (const problem of problems) {
    const control = problem.path ? setFieldError(form, problem.path, problem.message) : null;
    if (control) invalid.push(control);
    else unmapped.push(problem.message);
  }
  const alert = formAlert(form);
  const title = headline ?? t('common.fixErrors', { n: invalid.length });
  replace(
    alert,
    h('p', { class: 'form-alert-title' }, title),
    unmapped.length
      ? h(
          'ul',
          {},
          unmapped.map((m) => h('li', {}, m)),
        )
      : null,
    requestId ? h('p', { class: 'request-id' }, t('common.requestId', { id: requestId })) : null,
  );
  alert.hidden = false;
  const first = [...form.elements].find((el) => invalid.includes(el));
  if (first) first.focus();
  else alert.focus();
  return first ?? null;
}

/** Shows an ApiError on a form: validation details inline, the server's message otherwise. */
export function showApiError(form, error, { pathMap = {} } = {}) {
  const problems = (error.details ?? []).map((d) => ({
    path: pathMap[d.path] ?? d.path,
    message: pick(d.messageZh, d.messageEn) ?? d.rule,
  }));
  const allMapped = problems.length > 0 && problems.every((p) => controlFor(form, p.path));
  const headline =
    error.status === 400 && error.code === 'VALIDATION_FAILED' && allMapped ? undefined : error.localized();
  return showErrors(form, problems, { headline, requestId: error.status >= 500 ? error.requestId : null });
}

/**
 * Wires a form: Enter or the submit button runs `validate` (returns [{path, message}]) and then
 * `submit`; API errors are shown with showApiError (then `onError` may add to the alert). The
 * submit button says `busyLabel` meanwhile.
 */
export function onSubmit(
  form,
  { validate = () => [], submit, busyLabel = t('common.saving'), pathMap, onError },
) {
  form.noValidate = true;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (form.dataset.busy === 'true') return;
    const problems = validate();
    if (problems.length) {
      showErrors(form, problems);
      return;
    }
    clearErrors(form);
    const button = form.querySelector('button[type="submit"]');
    const label = button?.textContent;
    form.dataset.busy = 'true';
    form.setAttribute('aria-busy', 'true');
    if (button) {
      button.setAttribute('aria-disabled', 'true');
      button.textContent = busyLabel;
    }
    try {
      await submit();
    } catch (error) {
      if (error?.name !== 'ApiError') throw error;
      if (form.isConnected) {
        showApiError(form, error, { pathMap });
        onError?.(error);
      }
    } finally {
      form.dataset.busy = 'false';
      form.removeAttribute('aria-busy');
      if (button) {
        button.removeAttribute('aria-disabled');
        if (button.textContent === busyLabel) button.textContent = label;
      }
    }
  });
}

/** Client-side checks: required fields and simple patterns → [{path, message}]. */
export function check(form, rules) {
  const problems = [];
  for (const [name, rule] of Object.entries(rules)) {
    const control = controlFor(form, name);
    if (!control) continue;
    const v = control.value.trim();
    if (rule.required && !v) problems.push({ path: name, message: t('common.fieldRequired') });
    else if (v && rule.pattern && !rule.pattern.test(v)) problems.push({ path: name, message: rule.message });
    else if (v && rule.test && !rule.test(v)) problems.push({ path: name, message: rule.message });
  }
  return problems;
}
