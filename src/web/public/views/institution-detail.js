// /institutions/:id — the institution's details (an edit form for its administrators) and its staff.

import { h, replace } from '../dom.js';
import { formatDateTime, pick, provinceLabel, t, typeLabel } from '../i18n.js';
import { api } from '../api.js';
import { canAdministerProvince, canViewStaff } from '../session.js';
import { institutionTypes, provinces } from '../reference.js';
import {
  dataTable,
  definitionList,
  emptyState,
  errorBox,
  linkButton,
  loading,
  pageHeader,
} from '../components.js';
import { notify } from '../notice.js';
import { institutionForm } from './institution-form.js';
import { importKindsFor } from './imports.js';
import { rightsSection } from './institution-rights.js';

function readOnlyDetails(inst, provinceName) {
  return definitionList([
    [t('inst.fullCode'), inst.fullCode],
    [t('inst.province'), provinceName],
    [t('inst.type'), typeLabel(inst.type)],
    [t('inst.address'), inst.address],
    [t('inst.contactName'), inst.contactName],
    [t('inst.contactPhone'), inst.contactPhone],
    [t('inst.contactEmail'), inst.contactEmail],
    [
      t('inst.keyProtectionBatch'),
      inst.keyProtectionBatch ? t('inst.batchN', { n: inst.keyProtectionBatch }) : t('inst.batchNone'),
    ],
    [t('inst.restorationCentre'), inst.isRestorationCentre ? t('common.yes') : t('common.no')],
    [t('inst.updatedAt'), formatDateTime(inst.updatedAt)],
  ]);
}

async function staffSection(ctx, inst) {
  const admin = canAdministerProvince(inst.provinceCode);
  const body = h('div', {}, loading());
  const section = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'staff-title' },
    h(
      'div',
      { class: 'section-header' },
      h('h2', { id: 'staff-title' }, t('inst.staff')),
      admin
        ? linkButton(
            `/users/new?institutionId=${encodeURIComponent(inst.id)}`,
            t('inst.addStaff'),
            'secondary',
          )
        : null,
    ),
    body,
  );
  ctx.view.append(section);
  try {
    const answer = await api.get(`/api/institutions/${encodeURIComponent(inst.id)}/users`, { pageSize: 200 });
    if (!ctx.isCurrent()) return;
    if (!answer.items.length) {
      replace(body, emptyState(t('inst.noStaff')));
      return;
    }
    replace(
      body,
      dataTable({
        caption: t('inst.staff'),
        columns: [
          { label: t('users.displayName'), cell: (u) => u.displayName },
          { label: t('users.email'), cell: (u) => u.email },
          { label: t('users.role'), cell: (u) => pick(u.roleLabel.zh, u.roleLabel.en) },
          {
            label: t('users.status'),
            cell: (u) =>
              h(
                'span',
                { class: `badge ${u.active ? 'badge-ok' : 'badge-off'}` },
                u.active ? t('users.active') : t('users.inactive'),
              ),
          },
        ],
        rows: answer.items,
      }),
    );
  } catch (error) {
    if (error.status === 401) throw error;
    replace(body, errorBox(error));
  }
}

export async function renderInstitutionDetail(ctx) {
  let inst;
  try {
    inst = await api.get(`/api/institutions/${encodeURIComponent(ctx.params.id)}`);
  } catch (error) {
    if (error.status !== 404 && !(error.status === 400 && error.code === 'VALIDATION_FAILED')) throw error;
    ctx.setTitle(t('inst.notFound'));
    ctx.view.append(
      pageHeader(t('common.notFoundTitle')),
      h('p', {}, t('inst.notFound')),
      h('p', {}, linkButton('/institutions', t('common.backToInstitutions'), 'secondary')),
    );
    return;
  }
  const [provinceList, typeList] = await Promise.all([provinces(), institutionTypes()]);
  if (!ctx.isCurrent()) return;
  ctx.setTitle(inst.name);
  const provinceName =
    provinceLabel(provinceList.find((p) => p.code === inst.provinceCode)) || inst.provinceName;
  const subtitle = h(
    'p',
    { class: 'subtitle' },
    h('span', { class: 'code' }, inst.fullCode),
    ' · ',
    provinceName,
    ' · ',
    typeLabel(inst.type),
  );
  ctx.view.append(
    h(
      'nav',
      { class: 'breadcrumb', 'aria-label': t('nav.breadcrumb') },
      h('a', { href: '/institutions' }, t('inst.listTitle')),
    ),
    pageHeader(
      inst.name,
      importKindsFor(inst).length
        ? linkButton(`/institutions/${encodeURIComponent(inst.id)}/imports`, t('imp.open'), 'secondary')
        : null,
    ),
    subtitle,
  );
  if (canAdministerProvince(inst.provinceCode)) {
    const form = institutionForm({
      institution: inst,
      provinceList,
      typeList,
      onSaved: async (saved) => {
        replace(ctx.view.querySelector('h1'), saved.name);
        replace(
          subtitle,
          h('span', { class: 'code' }, saved.fullCode),
          ' · ',
          provinceLabel(provinceList.find((p) => p.code === saved.provinceCode)) || saved.provinceName,
          ' · ',
          typeLabel(saved.type),
        );
        ctx.setTitle(saved.name);
        notify(t('inst.updated'));
      },
      onConflict: () => ctx.navigate(window.location.pathname, { replace: true }),
    });
    ctx.view.append(
      h(
        'section',
        { class: 'panel', 'aria-labelledby': 'edit-title' },
        h('h2', { id: 'edit-title' }, t('inst.editTitle')),
        form,
      ),
    );
  } else {
    ctx.view.append(
      h(
        'section',
        { class: 'panel', 'aria-labelledby': 'details-title' },
        h('h2', { id: 'details-title' }, t('inst.details')),
        readOnlyDetails(inst, provinceName),
      ),
    );
  }
  const rights = await rightsSection(inst);
  if (!ctx.isCurrent()) return;
  ctx.view.append(rights);
  if (canViewStaff(inst)) await staffSection(ctx, inst);
}
