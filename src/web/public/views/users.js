// /users — accounts the administrator manages: filters, list, activate/deactivate, password reset.

import { h, replace } from '../dom.js';
import { pick, provinceLabel, t } from '../i18n.js';
import { api, toQuery } from '../api.js';
import { canManageAccount, grantableRoles, isNationalAdmin, user } from '../session.js';
import { provinces, roles } from '../reference.js';
import { check, clearErrors, onSubmit, selectField, textField } from '../forms.js';
import { dataTable, emptyState, errorBox, linkButton, loading, pageHeader, pager } from '../components.js';
import { notify } from '../notice.js';

const PAGE_SIZE = 20;

function filtersForm(ctx, { provinceList, roleList, filters }) {
  const form = h(
    'form',
    { class: 'filters', role: 'search', 'aria-label': t('common.filters') },
    isNationalAdmin()
      ? selectField({
          name: 'provinceCode',
          label: t('inst.province'),
          options: provinceList.map((p) => ({ value: p.code, label: `${provinceLabel(p)} ${p.code}` })),
          placeholder: t('common.allProvinces'),
          value: filters.provinceCode,
        })
      : null,
    selectField({
      name: 'role',
      label: t('users.role'),
      options: roleList.map((r) => ({ value: r.role, label: pick(r.zh, r.en) })),
      placeholder: t('common.allRoles'),
      value: filters.role,
    }),
    textField({ name: 'q', label: t('users.q'), type: 'search', hint: t('users.qHint'), value: filters.q }),
    h(
      'div',
      { class: 'filter-actions' },
      h('button', { type: 'submit', class: 'button button-primary' }, t('common.search')),
      filters.provinceCode || filters.role || filters.q
        ? h('a', { href: '/users', class: 'button button-link' }, t('common.clearFilters'))
        : null,
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = toQuery({
      provinceCode: form.elements.provinceCode?.value,
      role: form.elements.role.value,
      q: form.elements.q.value.trim(),
    });
    ctx.navigate(`/users${query}`, { focus: '#results-summary' });
  });
  return form;
}

/** The password-reset dialog (a modal <dialog>: focus stays inside, Escape closes it). */
function resetDialog(onDone) {
  const title = h('h2', { id: 'reset-title' });
  const intro = h('p', { class: 'hint' }, t('users.resetIntro'));
  const form = h(
    'form',
    { class: 'form' },
    textField({
      name: 'password',
      label: t('users.newPassword'),
      type: 'password',
      required: true,
      hint: t('users.passwordHint'),
      autocomplete: 'new-password',
    }),
    h(
      'div',
      { class: 'form-actions' },
      h('button', { type: 'submit', class: 'button button-primary' }, t('users.resetPassword')),
      h(
        'button',
        { type: 'button', class: 'button button-secondary', onClick: () => dialog.close() },
        t('common.cancel'),
      ),
    ),
  );
  const dialog = h('dialog', { class: 'dialog', 'aria-labelledby': 'reset-title' }, title, intro, form);
  let target = null;
  let returnFocus = null;
  onSubmit(form, {
    validate: () => check(form, { password: { required: true } }),
    submit: async () => {
      await api.patch(`/api/users/${encodeURIComponent(target.id)}`, {
        password: form.elements.password.value,
        version: target.version,
      });
      dialog.close();
      await onDone(target, 'reset');
    },
  });
  dialog.addEventListener('close', () => {
    form.reset();
    if (returnFocus?.isConnected) returnFocus.focus();
  });
  return {
    dialog,
    open(account, trigger) {
      target = account;
      returnFocus = trigger;
      replace(title, t('users.resetTitle', { name: account.displayName }));
      clearErrors(form);
      dialog.showModal();
      form.elements.password.focus();
    },
  };
}

export async function renderUsers(ctx) {
  ctx.setTitle(t('users.title'));
  const filters = {
    provinceCode: ctx.query.get('provinceCode') ?? '',
    role: ctx.query.get('role') ?? '',
    q: ctx.query.get('q') ?? '',
  };
  const page = Math.max(1, Number.parseInt(ctx.query.get('page') ?? '1', 10) || 1);
  ctx.view.append(pageHeader(t('users.title'), linkButton('/users/new', t('users.new'))));
  const [provinceList, allRoles] = await Promise.all([provinces(), roles()]);
  if (!ctx.isCurrent()) return;
  const grantable = grantableRoles();
  const roleList = grantable ? allRoles.filter((r) => grantable.includes(r.role)) : allRoles;
  const results = h('section', { class: 'results', 'aria-labelledby': 'results-summary' }, loading());
  const me = user();

  const reloadAndFocus = async (account, action) => {
    await load();
    const button = results.querySelector(
      `tr[data-key="${account.id}"] [data-action="${action === 'reset' ? 'reset' : 'toggle'}"]`,
    );
    button?.focus();
  };
  const dialog = resetDialog(async (account) => {
    notify(t('users.passwordReset', { name: account.displayName }));
    await reloadAndFocus(account, 'reset');
  });

  async function toggleActive(account) {
    try {
      await api.patch(`/api/users/${encodeURIComponent(account.id)}`, {
        active: !account.active,
        version: account.version,
      });
      notify(t(account.active ? 'users.deactivated' : 'users.activated', { name: account.displayName }));
    } catch (error) {
      if (error.status === 401) return;
      notify(error.localized(), 'error');
    }
    await reloadAndFocus(account, 'toggle');
  }

  function actions(account) {
    if (!canManageAccount(account)) return t('common.dash');
    const self = account.id === me.id;
    return h(
      'div',
      { class: 'row-actions' },
      self
        ? null
        : h(
            'button',
            {
              type: 'button',
              class: 'button button-small button-secondary',
              dataset: { action: 'toggle' },
              onClick: () => toggleActive(account),
            },
            account.active ? t('users.deactivate') : t('users.activate'),
            h('span', { class: 'visually-hidden' }, ` ${account.displayName}`),
          ),
      h(
        'button',
        {
          type: 'button',
          class: 'button button-small button-secondary',
          dataset: { action: 'reset' },
          onClick: (e) => dialog.open(account, e.currentTarget),
        },
        t('users.resetPassword'),
        h('span', { class: 'visually-hidden' }, ` ${account.displayName}`),
      ),
    );
  }

  async function load() {
    let answer;
    try {
      answer = await api.get('/api/users', { ...filters, page, pageSize: PAGE_SIZE });
    } catch (error) {
      if (error.status === 401) throw error;
      replace(results, errorBox(error));
      return;
    }
    if (!ctx.isCurrent()) return;
    const summary = h(
      'h2',
      { id: 'results-summary', class: 'results-summary', tabindex: '-1' },
      t('common.total', { total: answer.total }),
    );
    if (!answer.items.length) {
      replace(results, summary, emptyState());
      return;
    }
    const byCode = new Map(provinceList.map((p) => [p.code, p]));
    const table = dataTable({
      caption: t('users.title'),
      rowKey: (u) => u.id,
      columns: [
        {
          label: t('users.displayName'),
          cell: (u) => [u.displayName, u.id === me.id ? ` ${t('users.you')}` : ''],
        },
        { label: t('users.email'), className: 'break', cell: (u) => u.email },
        { label: t('users.role'), cell: (u) => pick(u.roleLabel.zh, u.roleLabel.en) },
        {
          label: t('users.scope'),
          cell: (u) =>
            u.institutionId
              ? h(
                  'a',
                  { href: `/institutions/${encodeURIComponent(u.institutionId)}` },
                  u.institutionName ?? u.institutionId,
                )
              : u.provinceCode
                ? provinceLabel(byCode.get(u.provinceCode)) || u.provinceCode
                : t('common.dash'),
        },
        {
          label: t('users.status'),
          cell: (u) =>
            h(
              'span',
              { class: `badge ${u.active ? 'badge-ok' : 'badge-off'}` },
              u.active ? t('users.active') : t('users.inactive'),
            ),
        },
        { label: t('common.actions'), cell: actions },
      ],
      rows: answer.items,
    });
    const hrefFor = (p) => `/users${toQuery({ ...filters, page: p })}`;
    replace(
      results,
      summary,
      table,
      pager({ page: answer.page, pageSize: answer.pageSize, total: answer.total, hrefFor }),
    );
  }

  ctx.view.append(filtersForm(ctx, { provinceList, roleList, filters }), results, dialog.dialog);
  await load();
}
