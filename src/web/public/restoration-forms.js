// Forms of the work order page: plan and materials (from the editable vocabularies), log entries
// with photos, photo upload, and the inline display of the API's field-by-field errors.

import { h, replace, uid } from './dom.js';
import { pick, t } from './i18n.js';
import { ApiError } from './api.js';
import { errorBox } from './components.js';

/** A labelled control; the control gets an id so the label and any error point at it. */
export function field(label, control, hint) {
  control.id ||= uid('wo');
  const hintEl = hint ? h('p', { class: 'hint', id: `${control.id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control, hintEl);
}

/**
 * Shows an API error beside a form: a box listing every detail (focused, so keyboard and screen
 * reader users land on it), and each control whose data-path matches a detail marked invalid.
 */
export function showFormError(form, box, error) {
  const err = error instanceof ApiError ? error : new ApiError(0);
  for (const el of form?.querySelectorAll('[aria-invalid]') ?? []) {
    el.removeAttribute('aria-invalid');
    el.closest('.field')?.classList.remove('has-error');
  }
  const items = err.details.map((d) => {
    // Schema errors say plan.techniques[0].technique, service errors plan.techniques.0.technique.
    const path = String(d.path ?? '').replace(/\[(\d+)\]/g, '.$1');
    const control = form?.querySelector(`[data-path="${CSS.escape(path)}"]`);
    if (control) {
      control.setAttribute('aria-invalid', 'true');
      control.closest('.field')?.classList.add('has-error');
    }
    const message = pick(d.messageZh, d.messageEn) ?? '';
    return h('li', {}, message.includes(d.path) ? message : `${d.path}: ${message}`);
  });
  const extra = [];
  if (err.code === 'VERSION_CONFLICT') {
    extra.push(h('p', {}, t('wo.conflict')));
    extra.push(
      h(
        'button',
        { type: 'button', class: 'button button-secondary', onClick: () => location.reload() },
        t('common.reload'),
      ),
    );
  }
  if (err.allowedActions.length) {
    const actions = err.allowedActions.map((a) => t(`wo.action.${a}`)).join(pick('、', ', '));
    extra.push(h('p', {}, t('wo.allowed', { actions })));
  }
  const alert = errorBox(err);
  alert.setAttribute('tabindex', '-1');
  alert.dataset.code = err.code;
  if (items.length) alert.append(h('ul', {}, items));
  alert.append(...extra);
  replace(box, alert);
  alert.focus();
}

function options(terms, kind, selected, blank = true) {
  const list = terms.filter((x) => x.kind === kind && (x.active || x.value === selected));
  return [
    blank ? h('option', { value: '' }, '—') : null,
    ...list.map((x) =>
      h('option', { value: x.value, selected: x.value === selected }, pick(x.value, x.labelEn ?? x.value)),
    ),
  ];
}

function techniqueRow(terms, value = { technique: '', reason: '' }) {
  const row = h('fieldset', { class: 'wo-technique' });
  const select = h('select', { name: 'technique' }, options(terms, 'technique', value.technique));
  const reason = h('input', { type: 'text', name: 'techniqueReason', value: value.reason });
  const remove = h(
    'button',
    { type: 'button', class: 'button button-link', onClick: () => row.remove() },
    t('wo.removeTechnique'),
  );
  row.append(
    h('legend', { class: 'visually-hidden' }, t('wo.technique')),
    field(t('wo.technique'), select),
    field(t('wo.techniqueReason'), reason),
    remove,
  );
  return row;
}

function checkboxes(name, legend, terms, kind, chosen = []) {
  const list = terms.filter((x) => x.kind === kind && (x.active || chosen.includes(x.value)));
  return h(
    'fieldset',
    { class: 'wo-checks' },
    h('legend', {}, legend),
    list.map((x) =>
      h(
        'label',
        { class: 'wo-check' },
        h('input', { type: 'checkbox', name, value: x.value, checked: chosen.includes(x.value) }),
        ` ${pick(x.value, x.labelEn ?? x.value)}`,
      ),
    ),
  );
}

const num = (v) => (v === '' || v === null ? null : Number(v));
const txt = (v) => (typeof v === 'string' && v.trim() ? v.trim() : null);

/** The plan + materials form; `save(body)` sends the PATCH fields (plan, materials). */
export function planForm(order, terms, save) {
  const plan = order.plan ?? { techniques: [] };
  const m = order.materials ?? {};
  const paper = m.repairPaper?.[0] ?? {};
  const paste = m.paste?.[0] ?? {};
  const rows = h('div', { class: 'wo-techniques' });
  for (const tech of plan.techniques.length ? plan.techniques : [undefined])
    rows.append(techniqueRow(terms, tech));
  const input = (name, attrs = {}) => h('input', { name, 'data-path': attrs.path ?? name, ...attrs });
  const box = h('div', { class: 'wo-form-errors' });
  const form = h(
    'form',
    { class: 'panel wo-plan-form', 'aria-labelledby': 'wo-plan-title', noValidate: true },
    h('h2', { id: 'wo-plan-title' }, t('wo.plan')),
    box,
    rows,
    h(
      'button',
      { type: 'button', class: 'button button-secondary', onClick: () => rows.append(techniqueRow(terms)) },
      t('wo.addTechnique'),
    ),
    h(
      'div',
      { class: 'field-row' },
      field(
        t('wo.estimatedLeaves'),
        input('estimatedLeaves', {
          type: 'number',
          min: '0',
          step: '1',
          path: 'plan.estimatedLeaves',
          value: plan.estimatedLeaves ?? '',
        }),
      ),
      field(
        t('wo.estimatedHours'),
        input('estimatedHours', {
          type: 'number',
          min: '0',
          step: '0.25',
          path: 'plan.estimatedHours',
          value: plan.estimatedHours ?? '',
        }),
      ),
    ),
    field(
      t('wo.risks'),
      h('textarea', { name: 'risks', 'data-path': 'plan.risks', rows: '2' }, plan.risks ?? ''),
    ),
    h('h2', {}, t('wo.materials')),
    h(
      'div',
      { class: 'field-row' },
      field(
        t('wo.paper'),
        h(
          'select',
          { name: 'paperType', 'data-path': 'materials.repairPaper.0.type' },
          options(terms, 'repair_paper', paper.type),
        ),
      ),
      field(
        t('wo.paperOrigin'),
        input('paperOrigin', {
          type: 'text',
          path: 'materials.repairPaper.0.origin',
          value: paper.origin ?? '',
        }),
      ),
      field(
        t('wo.paperWeight'),
        input('paperWeight', {
          type: 'number',
          min: '0',
          step: '0.1',
          path: 'materials.repairPaper.0.weightGsm',
          value: paper.weightGsm ?? '',
        }),
      ),
      field(
        t('wo.paperToning'),
        input('paperToning', {
          type: 'text',
          path: 'materials.repairPaper.0.toning',
          value: paper.toning ?? '',
        }),
      ),
      field(
        t('wo.paste'),
        h(
          'select',
          { name: 'pasteType', 'data-path': 'materials.paste.0.type' },
          options(terms, 'paste', paste.type),
        ),
      ),
      field(
        t('wo.pasteConcentration'),
        input('pasteConcentration', {
          type: 'text',
          path: 'materials.paste.0.concentration',
          value: paste.concentration ?? '',
        }),
      ),
    ),
    checkboxes('thread', t('wo.thread'), terms, 'thread', m.thread),
    checkboxes('dyes', t('wo.dyes'), terms, 'dye', m.dyes),
    checkboxes('agent', t('wo.agent'), terms, 'deacidification_agent', m.deacidificationAgent),
    h('button', { type: 'submit', class: 'button button-primary' }, t('wo.savePlan')),
  );
  // Rows are numbered at submit time so error paths (plan.techniques.N.technique) find their control.
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const techniques = [...rows.querySelectorAll('.wo-technique')]
      .map((row, i) => {
        const s = row.querySelector('select');
        const r = row.querySelector('input');
        s.dataset.path = `plan.techniques.${i}.technique`;
        r.dataset.path = `plan.techniques.${i}.reason`;
        return { technique: s.value, reason: r.value.trim() };
      })
      .filter((x) => x.technique || x.reason);
    const f = new FormData(form);
    const body = {
      plan: {
        techniques,
        estimatedLeaves: num(f.get('estimatedLeaves')),
        estimatedHours: num(f.get('estimatedHours')),
        risks: txt(f.get('risks')),
      },
      materials: {
        repairPaper: f.get('paperType')
          ? [
              {
                type: f.get('paperType'),
                origin: txt(f.get('paperOrigin')),
                weightGsm: num(f.get('paperWeight')),
                toning: txt(f.get('paperToning')),
              },
            ]
          : [],
        paste: f.get('pasteType')
          ? [{ type: f.get('pasteType'), concentration: txt(f.get('pasteConcentration')) }]
          : [],
        thread: f.getAll('thread'),
        dyes: f.getAll('dyes'),
        deacidificationAgent: f.getAll('agent'),
      },
    };
    try {
      await save(body);
    } catch (error) {
      showFormError(form, box, error);
    }
  });
  return form;
}

/** The log form: one step with leaves and hours, and optional photos of it. */
export function logForm(terms, submit) {
  const box = h('div', { class: 'wo-form-errors' });
  const today = new Date().toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 10);
  const form = h(
    'form',
    { class: 'wo-log-form', noValidate: true },
    box,
    h(
      'div',
      { class: 'field-row' },
      field(
        t('wo.workDate'),
        h('input', { type: 'date', name: 'workDate', 'data-path': 'workDate', value: today }),
      ),
      field(
        t('wo.step'),
        h('select', { name: 'step', 'data-path': 'step' }, options(terms, 'technique', '')),
      ),
      field(
        t('wo.leaves'),
        h('input', { type: 'number', name: 'leavesTreated', 'data-path': 'leavesTreated', step: '1' }),
      ),
      field(t('wo.hours'), h('input', { type: 'number', name: 'hours', 'data-path': 'hours', step: '0.25' })),
    ),
    field(t('wo.notes'), h('input', { type: 'text', name: 'notes', 'data-path': 'notes' })),
    field(
      t('wo.logPhoto'),
      h('input', {
        type: 'file',
        name: 'file',
        'data-path': 'file',
        accept: 'image/jpeg,image/png,image/tiff',
        multiple: true,
      }),
    ),
    h('button', { type: 'submit', class: 'button button-primary' }, t('wo.addLog')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const f = new FormData(form);
    const files = f.getAll('file').filter((x) => x instanceof File && x.size > 0);
    const body = {
      workDate: f.get('workDate') || undefined,
      step: f.get('step'),
      // Empty numbers go as NaN → the API names the field; never silently 0.
      leavesTreated: f.get('leavesTreated') === '' ? null : Number(f.get('leavesTreated')),
      hours: f.get('hours') === '' ? null : Number(f.get('hours')),
      notes: txt(f.get('notes')),
    };
    try {
      await submit(body, files);
    } catch (error) {
      showFormError(form, box, error);
    }
  });
  return form;
}

/** The photo upload form (phase before / during / after). */
export function photoForm(submit) {
  const box = h('div', { class: 'wo-form-errors' });
  const form = h(
    'form',
    { class: 'wo-photo-form', noValidate: true },
    box,
    h(
      'div',
      { class: 'field-row' },
      field(
        t('wo.photoFile'),
        h('input', {
          type: 'file',
          name: 'file',
          'data-path': 'file',
          accept: 'image/jpeg,image/png,image/tiff',
          multiple: true,
        }),
      ),
      field(
        t('wo.phase'),
        h(
          'select',
          { name: 'phase', 'data-path': 'phase' },
          ['before', 'during', 'after'].map((p) => h('option', { value: p }, t(`wo.phase.${p}`))),
        ),
      ),
      field(t('wo.caption'), h('input', { type: 'text', name: 'caption', 'data-path': 'caption' })),
    ),
    h('button', { type: 'submit', class: 'button button-primary' }, t('wo.upload')),
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await submit(new FormData(form));
    } catch (error) {
      showFormError(form, box, error);
    }
  });
  return form;
}
