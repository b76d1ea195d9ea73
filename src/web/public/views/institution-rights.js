// The institution page's rights statement panel: what the public is sent of its images (open /
// on-site only / metadata only). The statements and their labels come from the server, and so does
// whether this account may change it (`canSetRightsStatement`).

import { h, replace } from '../dom.js';
import { pick, t } from '../i18n.js';
import { api } from '../api.js';
import { onSubmit, selectField, value } from '../forms.js';
import { notify } from '../notice.js';

function terms(label) {
  return h(
    'p',
    { class: 'rights-terms' },
    h('strong', {}, pick(label.zh, label.en)),
    ' — ',
    pick(label.termsZh, label.termsEn),
  );
}

/** The panel for institution `inst` (as GET /api/institutions/:id returns it). */
export async function rightsSection(inst) {
  const current = h('div', {}, terms(inst.rightsStatementLabel));
  const section = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'rights-title' },
    h('h2', { id: 'rights-title' }, t('inst.rights')),
    current,
  );
  if (!inst.canSetRightsStatement) return section;
  const { items } = await api.get('/api/rights-statements');
  let version = inst.version;
  const form = h(
    'form',
    { class: 'form', 'aria-labelledby': 'rights-title' },
    selectField({
      name: 'rightsStatement',
      label: t('inst.rights'),
      hint: t('inst.rightsHint'),
      value: inst.rightsStatement,
      options: items.map((s) => ({ value: s.value, label: pick(s.zh, s.en) })),
    }),
    h(
      'div',
      { class: 'form-actions' },
      h('button', { type: 'submit', class: 'button button-primary' }, t('inst.rightsSave')),
    ),
  );
  onSubmit(form, {
    submit: async () => {
      const saved = await api.put(`/api/institutions/${encodeURIComponent(inst.id)}/rights-statement`, {
        rightsStatement: value(form, 'rightsStatement'),
        version,
      });
      version = saved.version;
      replace(current, terms(saved.rightsStatementLabel));
      notify(t('inst.rightsSaved'));
    },
  });
  section.append(form);
  return section;
}
