// /account — my profile, password change and personal API tokens (a new token is shown once).

import { h, replace } from '../dom.js';
import { formatDateTime, pick, provinceLabel, t } from '../i18n.js';
import { api } from '../api.js';
import { user } from '../session.js';
import { provinces } from '../reference.js';
import { check, onSubmit, textField, value } from '../forms.js';
import { dataTable, definitionList, emptyState, errorBox, loading, pageHeader } from '../components.js';
import { notify } from '../notice.js';

function passwordSection() {
  const form = h(
    'form',
    { class: 'form', 'aria-labelledby': 'password-title' },
    textField({
      name: 'currentPassword',
      label: t('account.currentPassword'),
      type: 'password',
      required: true,
      autocomplete: 'current-password',
    }),
    textField({
      name: 'newPassword',
      label: t('account.newPassword'),
      type: 'password',
      required: true,
      hint: t('users.passwordHint'),
      autocomplete: 'new-password',
    }),
    textField({
      name: 'confirmPassword',
      label: t('account.confirmPassword'),
      type: 'password',
      required: true,
      autocomplete: 'new-password',
    }),
    h(
      'div',
      { class: 'form-actions' },
      h('button', { type: 'submit', class: 'button button-primary' }, t('account.changePassword')),
    ),
  );
  onSubmit(form, {
    validate: () => {
      const problems = check(form, {
        currentPassword: { required: true },
        newPassword: { required: true },
        confirmPassword: { required: true },
      });
      if (!problems.length && form.elements.newPassword.value !== form.elements.confirmPassword.value) {
        problems.push({ path: 'confirmPassword', message: t('account.mismatch') });
      }
      return problems;
    },
    submit: async () => {
      await api.post('/api/auth/password', {
        currentPassword: form.elements.currentPassword.value,
        newPassword: form.elements.newPassword.value,
      });
      form.reset();
      notify(t('account.passwordChanged'));
    },
  });
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'password-title' },
    h('h2', { id: 'password-title' }, t('account.changePassword')),
    form,
  );
}

function tokenStatus(token) {
  if (token.revokedAt) return ['badge-off', t('account.tokenRevoked')];
  if (token.expiresAt && new Date(token.expiresAt) < new Date())
    return ['badge-off', t('account.tokenExpired')];
  return ['badge-ok', t('account.tokenActive')];
}

/** Shows a just-created secret once, with a copy button. */
function secretBox(created) {
  const input = h('input', {
    id: 'new-token-value',
    type: 'text',
    readonly: true,
    value: created.token,
    class: 'code',
    spellcheck: 'false',
    autocomplete: 'off',
  });
  const copyStatus = h('p', { class: 'hint', role: 'status' });
  const copy = async () => {
    input.select();
    try {
      await window.navigator.clipboard.writeText(created.token);
      replace(copyStatus, t('account.copied'));
    } catch {
      replace(copyStatus, t('account.copyFailed'));
    }
  };
  return h(
    'div',
    { class: 'secret-box', role: 'region', 'aria-labelledby': 'secret-title', tabindex: '-1' },
    h('p', { id: 'secret-title', class: 'secret-title' }, t('account.tokenCreated', { name: created.name })),
    h('label', { for: input.id }, t('account.tokenValue')),
    h(
      'div',
      { class: 'copy-row' },
      input,
      h('button', { type: 'button', class: 'button button-secondary', onClick: copy }, t('account.copy')),
    ),
    copyStatus,
  );
}

function tokensSection(ctx) {
  const list = h('div', {}, loading());
  const secretSlot = h('div');
  const form = h(
    'form',
    { class: 'form form-inline', 'aria-label': t('account.createToken') },
    textField({
      name: 'name',
      label: t('account.tokenName'),
      required: true,
      hint: t('account.tokenNameHint'),
      maxlength: 100,
      autocomplete: 'off',
    }),
    textField({
      name: 'expiresInDays',
      label: t('account.tokenExpires'),
      type: 'number',
      hint: t('account.tokenExpiresHint'),
      attrs: { min: '1', max: '3650', step: '1' },
    }),
    h(
      'div',
      { class: 'form-actions' },
      h('button', { type: 'submit', class: 'button button-primary' }, t('account.createToken')),
    ),
  );

  async function load() {
    let answer;
    try {
      answer = await api.get('/api/auth/tokens');
    } catch (error) {
      if (error.status === 401) throw error;
      replace(list, errorBox(error));
      return;
    }
    if (!ctx.isCurrent()) return;
    if (!answer.items.length) {
      replace(list, emptyState(t('account.noTokens')));
      return;
    }
    replace(
      list,
      dataTable({
        caption: t('account.tokens'),
        rowKey: (tk) => tk.id,
        columns: [
          { label: t('account.tokenName'), cell: (tk) => tk.name ?? t('common.dash') },
          { label: t('account.createdAt'), cell: (tk) => formatDateTime(tk.createdAt) },
          {
            label: t('account.lastUsed'),
            cell: (tk) => (tk.lastUsedAt ? formatDateTime(tk.lastUsedAt) : t('common.never')),
          },
          {
            label: t('account.expiresAt'),
            cell: (tk) => (tk.expiresAt ? formatDateTime(tk.expiresAt) : t('common.never')),
          },
          {
            label: t('account.tokenStatus'),
            cell: (tk) => {
              const [cls, text] = tokenStatus(tk);
              return h('span', { class: `badge ${cls}` }, text);
            },
          },
          {
            label: t('common.actions'),
            cell: (tk) =>
              tk.revokedAt
                ? t('common.dash')
                : h(
                    'button',
                    {
                      type: 'button',
                      class: 'button button-small button-secondary',
                      onClick: () => revoke(tk),
                    },
                    t('account.revoke'),
                    h('span', { class: 'visually-hidden' }, ` ${tk.name ?? ''}`),
                  ),
          },
        ],
        rows: answer.items,
      }),
    );
  }

  async function revoke(token) {
    try {
      await api.delete(`/api/auth/tokens/${encodeURIComponent(token.id)}`);
      notify(t('account.revoked', { name: token.name ?? '' }));
    } catch (error) {
      if (error.status === 401) return;
      notify(error.localized(), 'error');
    }
    await load();
    list.closest('section')?.querySelector('h2')?.focus();
  }

  onSubmit(form, {
    validate: () =>
      check(form, {
        name: { required: true },
        expiresInDays: {
          test: (v) => /^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 3650,
          message: t('account.expiresFormat'),
        },
      }),
    submit: async () => {
      const days = value(form, 'expiresInDays');
      const created = await api.post('/api/auth/tokens', {
        name: value(form, 'name'),
        expiresInDays: days ? Number(days) : null,
      });
      form.reset();
      const box = secretBox(created);
      replace(secretSlot, box);
      box.focus();
      await load();
    },
  });
  const section = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'tokens-title' },
    h('h2', { id: 'tokens-title', tabindex: '-1' }, t('account.tokens')),
    h('p', { class: 'hint' }, t('account.tokensIntro')),
    form,
    secretSlot,
    list,
  );
  return { section, load };
}

export async function renderAccount(ctx) {
  ctx.setTitle(t('account.title'));
  const me = user();
  const provinceList = await provinces();
  if (!ctx.isCurrent()) return;
  const province = provinceList.find((p) => p.code === me.provinceCode);
  const tokens = tokensSection(ctx);
  ctx.view.append(
    pageHeader(t('account.title')),
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'profile-title' },
      h('h2', { id: 'profile-title' }, t('account.profile')),
      definitionList([
        [t('users.displayName'), me.displayName],
        [t('users.email'), me.email],
        [t('users.role'), pick(me.roleLabel.zh, me.roleLabel.en)],
        [t('account.institution'), me.institutionName],
        [t('account.province'), province ? provinceLabel(province) : me.provinceCode],
      ]),
    ),
    passwordSection(),
    tokens.section,
  );
  await tokens.load();
}
