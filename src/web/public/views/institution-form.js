// The institution form, for creating (/institutions/new) and editing (on the detail page).

import { h } from '../dom.js';
import { provinceLabel, t, typeLabel } from '../i18n.js';
import { api } from '../api.js';
import { canAdministerProvince } from '../session.js';
import { institutionTypes, provinces } from '../reference.js';
import {
  checkboxField,
  check,
  formAlert,
  onSubmit,
  requiredNote,
  selectField,
  textField,
  value,
  valueOrNull,
} from '../forms.js';
import { linkButton, pageHeader } from '../components.js';
import { flash } from '../notice.js';

const CODE = /^\d{4}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The RRRRRR-IIII preview, updated as the province or code changes. */
function fullCodePreview(form) {
  const output = h('output', { id: 'full-code-preview', class: 'code', 'aria-live': 'polite' });
  const update = () => {
    const province = form.elements.provinceCode.value || '______';
    const code = form.elements.code.value.trim();
    output.value = `${province}-${CODE.test(code) ? code : '____'}`;
  };
  form.addEventListener('input', update);
  form.addEventListener('change', update);
  return { output, update };
}

/**
 * Builds the form. `institution` is null when creating. `onSaved(institution)` runs after a
 * successful save; `onConflict()` reloads after a version conflict.
 */
export function institutionForm({ institution, provinceList, typeList, onSaved, onConflict, cancelHref }) {
  const editing = Boolean(institution);
  const allowedProvinces = provinceList.filter(
    (p) => canAdministerProvince(p.code) || p.code === institution?.provinceCode,
  );
  const batchOptions = [1, 2, 3, 4, 5, 6].map((n) => ({ value: String(n), label: t('inst.batchN', { n }) }));
  const form = h('form', {
    class: 'form institution-form',
    'aria-label': editing ? t('inst.editTitle') : t('inst.createTitle'),
  });
  const preview = fullCodePreview(form);
  const codeField = textField({
    name: 'code',
    label: t('inst.code'),
    required: true,
    hint: t('inst.codeHint'),
    value: institution?.code,
    inputmode: 'numeric',
    maxlength: 4,
    size: 6,
    autocomplete: 'off',
  });
  form.append(
    requiredNote(),
    h(
      'fieldset',
      {},
      h('legend', {}, t('inst.basic')),
      h(
        'div',
        { class: 'field-row' },
        selectField({
          name: 'provinceCode',
          label: t('inst.province'),
          required: true,
          placeholder: allowedProvinces.length > 1 ? t('common.choose') : undefined,
          options: allowedProvinces.map((p) => ({ value: p.code, label: `${provinceLabel(p)} ${p.code}` })),
          value: institution?.provinceCode ?? (allowedProvinces.length === 1 ? allowedProvinces[0].code : ''),
        }),
        codeField,
      ),
      h(
        'div',
        { class: 'field full-code' },
        h('label', { for: preview.output.id }, t('inst.fullCode')),
        h('p', { class: 'hint' }, t('inst.fullCodeHint')),
        preview.output,
      ),
      textField({
        name: 'name',
        label: t('inst.name'),
        required: true,
        value: institution?.name,
        maxlength: 200,
        autocomplete: 'organization',
      }),
      selectField({
        name: 'type',
        label: t('inst.type'),
        required: true,
        placeholder: t('common.choose'),
        options: typeList.map((v) => ({ value: v, label: typeLabel(v) })),
        value: institution?.type,
      }),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, t('inst.contact')),
      textField({
        name: 'address',
        label: t('inst.address'),
        value: institution?.address,
        maxlength: 300,
        autocomplete: 'street-address',
      }),
      h(
        'div',
        { class: 'field-row' },
        textField({
          name: 'contactName',
          label: t('inst.contactName'),
          value: institution?.contactName,
          maxlength: 100,
          autocomplete: 'name',
        }),
        textField({
          name: 'contactPhone',
          label: t('inst.contactPhone'),
          type: 'tel',
          value: institution?.contactPhone,
          maxlength: 50,
          autocomplete: 'tel',
        }),
      ),
      textField({
        name: 'contactEmail',
        label: t('inst.contactEmail'),
        type: 'email',
        value: institution?.contactEmail,
        maxlength: 200,
        autocomplete: 'email',
        attrs: { spellcheck: 'false' },
      }),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, t('inst.protection')),
      selectField({
        name: 'keyProtectionBatch',
        label: t('inst.keyProtectionBatch'),
        options: [{ value: '', label: t('inst.batchNone') }, ...batchOptions],
        value: institution?.keyProtectionBatch ?? '',
      }),
      checkboxField({
        name: 'isRestorationCentre',
        label: t('inst.restorationCentre'),
        checked: institution?.isRestorationCentre,
      }),
    ),
    h(
      'div',
      { class: 'form-actions' },
      h(
        'button',
        { type: 'submit', class: 'button button-primary' },
        editing ? t('common.save') : t('inst.create'),
      ),
      cancelHref ? linkButton(cancelHref, t('common.cancel'), 'secondary') : null,
    ),
  );
  preview.update();
  let version = institution?.version;

  onSubmit(form, {
    validate: () =>
      check(form, {
        provinceCode: { required: true },
        code: { required: true, pattern: CODE, message: t('inst.codeFormat') },
        name: { required: true },
        type: { required: true },
        contactEmail: { pattern: EMAIL, message: t('inst.emailFormat') },
      }),
    submit: async () => {
      const batch = value(form, 'keyProtectionBatch');
      const body = {
        provinceCode: value(form, 'provinceCode'),
        code: value(form, 'code'),
        name: value(form, 'name'),
        type: value(form, 'type'),
        address: valueOrNull(form, 'address'),
        contactName: valueOrNull(form, 'contactName'),
        contactPhone: valueOrNull(form, 'contactPhone'),
        contactEmail: valueOrNull(form, 'contactEmail'),
        keyProtectionBatch: batch ? Number(batch) : null,
        isRestorationCentre: form.elements.isRestorationCentre.checked,
      };
      const saved = editing
        ? await api.patch(`/api/institutions/${encodeURIComponent(institution.id)}`, { ...body, version })
        : await api.post('/api/institutions', body);
      version = saved.version;
      await onSaved(saved);
    },
    onError: (error) => {
      if (error.code === 'VERSION_CONFLICT' && onConflict) {
        formAlert(form).append(
          h(
            'p',
            {},
            h(
              'button',
              { type: 'button', class: 'button button-secondary', onClick: onConflict },
              t('common.reload'),
            ),
          ),
        );
      }
    },
  });
  return form;
}

/** /institutions/new */
export async function renderInstitutionNew(ctx) {
  ctx.setTitle(t('inst.createTitle'));
  const [provinceList, typeList] = await Promise.all([provinces(), institutionTypes()]);
  if (!ctx.isCurrent()) return;
  const form = institutionForm({
    institution: null,
    provinceList,
    typeList,
    cancelHref: '/institutions',
    onSaved: async (saved) => {
      flash(t('inst.created', { name: saved.name }));
      await ctx.navigate(`/institutions/${encodeURIComponent(saved.id)}`);
    },
  });
  ctx.view.append(pageHeader(t('inst.createTitle')), h('section', { class: 'panel' }, form));
}
