// /code-lists — the census code lists (document type, script, edition type, binding, classification…)
// for administrators to read and national administrators to maintain: add a value, rename it (the
// old spelling stays an alias and in the history), retire or re-activate it. Values are never deleted.

import { addMessages, formatDateTime, pick, t } from '../i18n.js';
import { append, h, replace } from '../dom.js';
import { api } from '../api.js';
import { applyChange, dataTable, loading, pageHeader } from '../components.js';
import { onSubmit, textField } from '../forms.js';
import { notify } from '../notice.js';
import { isNationalAdmin } from '../session.js';

addMessages({
  'nav.codeLists': ['代码表', 'Code lists'],
  'cl.title': ['代码表', 'Code lists'],
  'cl.intro': [
    '登记表单、导入和检索共用这些代码表。繁简写法视为同一值；改名后旧写法仍可识别，停用的值不再可选但已登记的记录保留。',
    'Forms, imports and the catalogue share these lists. Simplified and traditional spellings are the same value; after a rename the old spelling is still recognised; a retired value can no longer be chosen but records keep it.',
  ],
  'cl.readOnly': ['只有国家级管理员可以修改代码表。', 'Only national administrators change the code lists.'],
  'cl.value': ['值', 'Value'],
  'cl.aliases': ['也识别为', 'Also recognised as'],
  'cl.state': ['状态', 'State'],
  'cl.active': ['使用中', 'In use'],
  'cl.retired': ['已停用', 'Retired'],
  'cl.history': ['改名记录', 'Renames'],
  'cl.renameLine': ['{at}：{from} → {to}', '{at}: {from} → {to}'],
  'cl.actions': ['操作', 'Actions'],
  'cl.rename': ['改名', 'Rename'],
  'cl.newName': ['新名称', 'New name'],
  'cl.retire': ['停用', 'Retire'],
  'cl.reactivate': ['重新启用', 'Re-activate'],
  'cl.add': ['添加值', 'Add a value'],
  'cl.addTo': ['添加到“{list}”', 'Add to “{list}”'],
  'cl.added': ['已添加“{value}”。', 'Added “{value}”.'],
  'cl.renamed': ['已改名为“{value}”。', 'Renamed to “{value}”.'],
  'cl.retiredDone': ['已停用“{value}”。', 'Retired “{value}”.'],
  'cl.reactivated': ['已重新启用“{value}”。', 'Re-activated “{value}”.'],
});

const enc = encodeURIComponent;

function historyCell(value) {
  if (!value.history.length) return t('common.dash');
  return h(
    'ul',
    { class: 'plain-list' },
    value.history.map((step) => h('li', {}, t('cl.renameLine', { ...step, at: formatDateTime(step.at) }))),
  );
}

function renameForm(list, value, problems, reload) {
  const form = h(
    'form',
    { class: 'inline-form label-form' },
    h('input', {
      type: 'text',
      name: 'value',
      value: value.value,
      maxlength: 64,
      'aria-label': `${t('cl.newName')}（${value.value}）`,
    }),
    h('button', { type: 'submit', class: 'button button-secondary button-small' }, t('cl.rename')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = form.elements.namedItem('value').value.trim();
    if (!next || next === value.value) return;
    void applyChange(
      problems,
      () => api.patch(`/api/code-lists/${enc(list.name)}/values/${enc(value.id)}`, { value: next }),
      t('cl.renamed', { value: next }),
      reload,
    );
  });
  return form;
}

function actionsCell(list, value, problems, reload) {
  const toggle = h(
    'button',
    { type: 'button', class: 'button button-secondary button-small' },
    value.active ? t('cl.retire') : t('cl.reactivate'),
  );
  toggle.addEventListener('click', () =>
    applyChange(
      problems,
      () => api.patch(`/api/code-lists/${enc(list.name)}/values/${enc(value.id)}`, { active: !value.active }),
      t(value.active ? 'cl.retiredDone' : 'cl.reactivated', { value: value.value }),
      reload,
    ),
  );
  return h('div', { class: 'image-actions' }, renameForm(list, value, problems, reload), toggle);
}

function addForm(list, reload) {
  const form = h(
    'form',
    { class: 'form form-inline' },
    textField({
      name: 'value',
      label: t('cl.addTo', { list: pick(list.labelZh, list.labelEn) }),
      required: true,
      maxlength: 64,
    }),
    h('button', { type: 'submit', class: 'button button-primary' }, t('cl.add')),
  );
  onSubmit(form, {
    validate: () =>
      form.elements.namedItem('value').value.trim()
        ? []
        : [{ path: 'value', message: t('common.fieldRequired') }],
    submit: async () => {
      const value = form.elements.namedItem('value').value.trim();
      await api.post(`/api/code-lists/${enc(list.name)}/values`, { value });
      notify(t('cl.added', { value }));
      await reload();
    },
  });
  return form;
}

function listSection(list, editable, reload) {
  const problems = h('div', {});
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': `cl-${list.name}`, dataset: { list: list.name } },
    h('h2', { id: `cl-${list.name}` }, pick(list.labelZh, list.labelEn)),
    problems,
    dataTable({
      caption: pick(list.labelZh, list.labelEn),
      rowKey: (v) => v.id,
      columns: [
        { label: t('cl.value'), cell: (v) => v.value },
        { label: t('cl.aliases'), cell: (v) => (v.aliases.length ? v.aliases.join('、') : t('common.dash')) },
        {
          label: t('cl.state'),
          cell: (v) =>
            h(
              'span',
              { class: `badge ${v.active ? 'badge-ok' : 'badge-off'}` },
              v.active ? t('cl.active') : t('cl.retired'),
            ),
        },
        { label: t('cl.history'), cell: historyCell },
        ...(editable
          ? [{ label: t('cl.actions'), cell: (v) => actionsCell(list, v, problems, reload) }]
          : []),
      ],
      rows: list.values,
    }),
    editable ? addForm(list, reload) : null,
  );
}

/** /code-lists */
export async function renderCodeLists(ctx) {
  ctx.setTitle(t('cl.title'));
  const editable = isNationalAdmin();
  const body = h('div', {}, loading());
  append(ctx.view, [
    pageHeader(t('cl.title')),
    h('p', { class: 'hint' }, t('cl.intro')),
    editable ? null : h('p', { class: 'hint' }, t('cl.readOnly')),
    body,
  ]);
  const reload = async () => {
    const answer = await api.get('/api/code-lists');
    if (!ctx.isCurrent()) return;
    replace(
      body,
      answer.items.map((list) => listSection(list, editable, reload)),
    );
  };
  await reload();
}
