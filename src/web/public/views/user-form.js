// /users/new — create an account; the institution or province fields follow the chosen role.
// ?institutionId=… pre-fills the institution (link from an institution's staff list).

import { h, replace } from '../dom.js';
import { pick, provinceLabel, t } from '../i18n.js';
import { api } from '../api.js';
import { grantableRoles, isNationalAdmin, user } from '../session.js';
import { provinces, roles } from '../reference.js';
import { check, onSubmit, requiredNote, selectField, setOptions, textField, value } from '../forms.js';
import { linkButton, pageHeader } from '../components.js';
import { flash } from '../notice.js';

const INSTITUTION_ROLES = ['cataloguer', 'conservator'];
const PROVINCE_ROLES = ['provincial_admin', 'reviewer'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function scopeOf(role) {
  if (INSTITUTION_ROLES.includes(role)) return 'institution';
  if (PROVINCE_ROLES.includes(role)) return 'province';
  return role ? 'none' : null;
}

export async function renderUserNew(ctx) {
  ctx.setTitle(t('users.createTitle'));
  const presetId = ctx.query.get('institutionId');
  const [provinceList, allRoles, preset] = await Promise.all([
    provinces(),
    roles(),
    presetId ? api.get(`/api/institutions/${encodeURIComponent(presetId)}`).catch(() => null) : null,
  ]);
  if (!ctx.isCurrent()) return;
  const me = user();
  const grantable = grantableRoles();
  const roleList = grantable ? allRoles.filter((r) => grantable.includes(r.role)) : allRoles;
  const ownProvinceOnly = !isNationalAdmin();
  const provinceOptions = provinceList
    .filter((p) => !ownProvinceOnly || p.code === me.provinceCode)
    .map((p) => ({ value: p.code, label: `${provinceLabel(p)} ${p.code}` }));
  const backHref = preset ? `/institutions/${encodeURIComponent(preset.id)}` : '/users';

  const scopeHint = h('p', { class: 'hint', id: 'scope-hint', 'aria-live': 'polite' });
  const institutionGroup = h(
    'div',
    { class: 'scope-group', hidden: true },
    h(
      'div',
      { class: 'field-row' },
      selectField({
        name: 'institutionProvince',
        label: t('users.institutionProvince'),
        placeholder: ownProvinceOnly ? undefined : t('common.choose'),
        options: provinceOptions,
        value: preset?.provinceCode ?? (ownProvinceOnly ? me.provinceCode : ''),
      }),
      selectField({
        name: 'institutionId',
        label: t('users.institution'),
        required: true,
        options: [],
        placeholder: t('users.pickProvinceFirst'),
      }),
    ),
  );
  const provinceGroup = h(
    'div',
    { class: 'scope-group', hidden: true },
    selectField({
      name: 'provinceCode',
      label: t('users.province'),
      required: true,
      placeholder: ownProvinceOnly ? undefined : t('common.choose'),
      options: provinceOptions,
      value: ownProvinceOnly ? me.provinceCode : '',
    }),
  );
  const form = h(
    'form',
    { class: 'form', 'aria-label': t('users.createTitle') },
    requiredNote(),
    h(
      'fieldset',
      {},
      h('legend', {}, t('users.account')),
      textField({
        name: 'email',
        label: t('users.email'),
        type: 'email',
        required: true,
        autocomplete: 'off',
        maxlength: 254,
        attrs: { spellcheck: 'false' },
      }),
      textField({
        name: 'displayName',
        label: t('users.displayName'),
        required: true,
        maxlength: 100,
        autocomplete: 'off',
      }),
      textField({
        name: 'password',
        label: t('users.password'),
        type: 'password',
        required: true,
        hint: t('users.passwordHint'),
        autocomplete: 'new-password',
      }),
    ),
    h(
      'fieldset',
      {},
      h('legend', {}, t('users.scopeFieldset')),
      selectField({
        name: 'role',
        label: t('users.role'),
        required: true,
        placeholder: t('common.choose'),
        options: roleList.map((r) => ({ value: r.role, label: pick(r.zh, r.en) })),
        value: preset && roleList.some((r) => r.role === 'cataloguer') ? 'cataloguer' : '',
        attrs: { 'aria-describedby': 'scope-hint' },
      }),
      scopeHint,
      institutionGroup,
      provinceGroup,
    ),
    h(
      'div',
      { class: 'form-actions' },
      h('button', { type: 'submit', class: 'button button-primary' }, t('users.create')),
      linkButton(backHref, t('common.cancel'), 'secondary'),
    ),
  );

  const institutionSelect = form.elements.institutionId;
  let loadToken = 0;
  async function loadInstitutions(selectId) {
    const province = form.elements.institutionProvince.value;
    const token = ++loadToken;
    if (!province) {
      setOptions(institutionSelect, [], t('users.pickProvinceFirst'));
      return;
    }
    const answer = await api.get('/api/institutions', { provinceCode: province, pageSize: 200 });
    if (token !== loadToken) return;
    const options = answer.items.map((i) => ({ value: i.id, label: `${i.name} (${i.fullCode})` }));
    setOptions(institutionSelect, options, options.length ? t('common.choose') : t('users.noInstitutions'));
    if (selectId) institutionSelect.value = selectId;
  }

  function applyRole() {
    const scope = scopeOf(form.elements.role.value);
    institutionGroup.hidden = scope !== 'institution';
    provinceGroup.hidden = scope !== 'province';
    replace(
      scopeHint,
      scope === 'institution'
        ? t('users.hintInstitution')
        : scope === 'province'
          ? t('users.hintProvince')
          : scope === 'none'
            ? t('users.hintNone')
            : '',
    );
  }
  form.elements.role.addEventListener('change', applyRole);
  form.elements.institutionProvince.addEventListener('change', () => loadInstitutions());
  applyRole();

  onSubmit(form, {
    validate: () =>
      check(form, {
        email: { required: true, pattern: EMAIL, message: t('inst.emailFormat') },
        displayName: { required: true },
        password: { required: true },
        role: { required: true },
        institutionId: { required: true },
        provinceCode: { required: true },
      }),
    submit: async () => {
      const role = value(form, 'role');
      const scope = scopeOf(role);
      const body = {
        email: value(form, 'email'),
        displayName: value(form, 'displayName'),
        password: form.elements.password.value,
        role,
        ...(scope === 'institution' ? { institutionId: value(form, 'institutionId') } : {}),
        ...(scope === 'province' ? { provinceCode: value(form, 'provinceCode') } : {}),
      };
      const created = await api.post('/api/users', body);
      flash(t('users.created', { email: created.email }));
      await ctx.navigate(backHref);
    },
  });

  ctx.view.append(
    h(
      'nav',
      { class: 'breadcrumb', 'aria-label': t('nav.breadcrumb') },
      preset ? h('a', { href: backHref }, preset.name) : h('a', { href: '/users' }, t('users.title')),
    ),
    pageHeader(t('users.createTitle')),
    h('section', { class: 'panel' }, form),
  );
  if (form.elements.institutionProvince.value) await loadInstitutions(preset?.id);
}
