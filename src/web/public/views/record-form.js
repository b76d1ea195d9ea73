// /records/new and /records/:censusNumber/edit — the census record form for 古籍 and 民国文献:
// the type switch shows each type's fields, repeatable rows for authors, annotations, seals and
// pH readings, selects from the code lists, and the edition date derived live as the edition
// statement is typed. Server errors land under the field their `details[].path` names
// (`authors[1].role` → that row's field). Editing sends only the changed fields with `version`.

import { append, h, uid } from '../dom.js';
import { t } from '../i18n.js';
import { api } from '../api.js';
import { user } from '../session.js';
import { formAlert, onSubmit, requiredNote, selectField, textField } from '../forms.js';
import { linkButton, pageHeader } from '../components.js';
import { flash, notify } from '../notice.js';
import {
  DAMAGE_VALUES,
  GRADE_VALUES,
  canEdit,
  codeLists,
  codeOptions,
  keepWarnings,
  loadRecord,
  recordHref,
  statusBadge,
  tierLabel,
  valueOptions,
} from '../records.js';
import {
  TYPES,
  changedFields,
  editionDatePreview,
  readForm,
  repeatable,
  showRecordError,
  textareaField,
  typed,
  typesOf,
} from './record-form-parts.js';
// ---------------------------------------------------------------------------------------------
// The form

/**
 * Builds the record form. `record` is null when creating. `institutions` ([{id, name, fullCode}])
 * is given to administrators, who choose the institution; cataloguers register for their own.
 */
function recordForm({ record, lists, institutions, onSaved, onConflict, cancelHref }) {
  const editing = Boolean(record);
  const r = record ?? {};
  const me = user();
  let type = r.type ?? 'guji';
  const form = h('form', {
    class: 'form record-form',
    'aria-label': editing ? t('rec.editTitle') : t('rec.createTitle'),
  });
  const codeSelect = (name, list, { required = false, hint, placeholder = true } = {}) =>
    typed(
      typesOf(name),
      selectField({
        name,
        label: t(`field.${name}`),
        options: codeOptions(lists, list, r[name]),
        placeholder: placeholder ? t('common.choose') : undefined,
        value: r[name] ?? '',
        required,
        hint,
      }),
    );
  const text = (name, opts = {}) =>
    typed(
      typesOf(name),
      textField({
        name,
        label: t(opts.label ?? `field.${name}`),
        value: r[name] === null || r[name] === undefined ? '' : String(r[name]),
        required: opts.required,
        hint: opts.hint,
        maxlength: opts.maxlength,
        inputmode: opts.inputmode,
        autocomplete: 'off',
      }),
    );
  const area = (name, opts = {}) =>
    typed(typesOf(name), textareaField({ name, label: t(`field.${name}`), value: r[name], ...opts }));
  const sizeFields = (name) =>
    h(
      'div',
      { class: 'field-row' },
      ['height', 'width'].map((side) =>
        textField({
          name: `${name}.${side}`,
          label: t(`field.${name}.${side}`),
          value: r[name]?.[side] ?? '',
          inputmode: 'decimal',
          autocomplete: 'off',
        }),
      ),
    );
  const group = (titleKey, ...children) =>
    h('fieldset', { class: 'record-group' }, h('legend', {}, t(titleKey)), children);

  // Type switch (creating only: the type of a saved record never changes).
  const typeSwitch = editing
    ? null
    : h(
        'fieldset',
        { class: 'record-group type-switch' },
        h('legend', {}, t('rec.type')),
        h(
          'div',
          { class: 'radio-row' },
          TYPES.map((value) => {
            const id = uid(`type-${value}`);
            return h(
              'div',
              { class: 'radio-option' },
              h('input', { type: 'radio', id, name: 'type', value, checked: value === type }),
              h('label', { for: id }, t(`rec.type.${value}`)),
            );
          }),
        ),
        h('p', { class: 'hint' }, t('rec.typeHint')),
      );

  let institutionField;
  if (editing) {
    institutionField = null;
  } else if (institutions) {
    institutionField = selectField({
      name: 'institutionId',
      label: t('field.institutionId'),
      required: true,
      placeholder: institutions.length > 1 ? t('common.choose') : undefined,
      options: institutions.map((i) => ({ value: i.id, label: `${i.name}（${i.fullCode}）` })),
      value: institutions.length === 1 ? institutions[0].id : '',
    });
  } else {
    institutionField = h(
      'div',
      { class: 'field' },
      h('p', { class: 'static-label' }, t('field.institutionId')),
      h('p', { class: 'static-value' }, me?.institutionName ?? ''),
    );
  }

  const authorRole = (keep) => codeOptions(lists, 'authorship_mode', keep);
  const repeats = {
    authors: repeatable(
      {
        name: 'authors',
        rowLabel: 'field.author',
        addLabel: 'field.addAuthor',
        fields: [
          { key: 'dynasty', label: 'field.authorDynasty', size: 6 },
          { key: 'name', label: 'field.authorName' },
          { key: 'role', label: 'field.authorRole', kind: 'select', options: authorRole },
        ],
      },
      r.authors?.length ? r.authors : [{}],
      () => preview.schedule(),
    ),
    annotations: repeatable(
      {
        name: 'annotations',
        rowLabel: 'field.annotation',
        addLabel: 'field.addAnnotation',
        fields: [
          { key: 'person', label: 'field.annotationPerson' },
          {
            key: 'mode',
            label: 'field.annotationMode',
            kind: 'select',
            options: (keep) => codeOptions(lists, 'annotation_mode', keep),
          },
          { key: 'note', label: 'field.annotationNote' },
        ],
      },
      r.annotations ?? [],
    ),
    seals: repeatable(
      {
        name: 'seals',
        rowLabel: 'field.seal',
        addLabel: 'field.addSeal',
        fields: [
          { key: 'text', label: 'field.sealText' },
          { key: 'owner', label: 'field.sealOwner' },
          { key: 'ownerUnknown', label: 'field.sealOwnerUnknown', kind: 'checkbox' },
          { key: 'position', label: 'field.sealPosition' },
        ],
      },
      (r.seals ?? []).map((s) => ({ ...s, ownerUnknown: s.ownerUnknown && !s.owner })),
    ),
    phReadings: repeatable(
      {
        name: 'phReadings',
        rowLabel: 'field.phReading',
        addLabel: 'field.addPh',
        fields: [
          { key: 'value', label: 'field.phValue', inputmode: 'decimal', size: 5 },
          { key: 'method', label: 'field.phMethod' },
          { key: 'point', label: 'field.phPoint' },
          { key: 'measuredAt', label: 'field.phMeasuredAt', placeholder: 'YYYY-MM-DD' },
        ],
      },
      r.phReadings ?? [],
    ),
  };
  const preview = editionDatePreview(form, () => type);

  const titleField = text('title', { required: true, maxlength: 2000 });
  const editionField = text('edition', { hint: t('field.editionHint'), maxlength: 2000 });
  if (editing) editionField.querySelector('input').value = r.edition?.text ?? '';
  const reasonNeeded = editing && ['approved', 'published'].includes(r.status);

  append(form, [
    requiredNote(),
    typeSwitch,
    group(
      'rec.group.identity',
      h(
        'div',
        { class: 'field-row' },
        institutionField,
        text('callNumber', { required: true, maxlength: 100 }),
      ),
      titleField,
      textareaField({
        name: 'otherTitles',
        label: t('field.otherTitles'),
        hint: t('field.otherTitlesHint'),
        value: (r.otherTitles ?? []).join('\n'),
        rows: 2,
      }),
      text('titleSource'),
    ),
    group('rec.group.responsibility', repeats.authors.node),
    h(
      'fieldset',
      { class: 'record-group' },
      h('legend', { class: 'edition-legend' }, t('rec.group.edition')),
      editionField,
      preview.node,
      h(
        'div',
        { class: 'field-row' },
        codeSelect('editionType', 'edition_type'),
        text('publisher'),
        text('place'),
      ),
      h('div', { class: 'field-row' }, text('editionStatement'), text('printing')),
      h('div', { class: 'field-row' }, text('mixedCopies'), text('printingState')),
    ),
    group(
      'rec.group.physical',
      h(
        'div',
        { class: 'field-row' },
        text('volumes', { inputmode: 'numeric' }),
        text('cases', { inputmode: 'numeric' }),
        text('pages', { inputmode: 'numeric' }),
        codeSelect('binding', 'binding'),
      ),
      typed(
        ['guji'],
        h(
          'div',
          { class: 'field-row' },
          text('extant'),
          text('totalJuan', { inputmode: 'numeric' }),
          text('extantJuan', { inputmode: 'numeric' }),
        ),
      ),
      text('serialHoldings'),
      sizeFields('size'),
      sizeFields('frame'),
      text('layout'),
    ),
    group(
      'rec.group.classification',
      h('div', { class: 'field-row' }, codeSelect('classification', 'classification'), text('subclass')),
      h(
        'div',
        { class: 'field-row' },
        codeSelect('minguoDocumentType', 'minguo_document_type'),
        codeSelect('documentType', 'document_type', { placeholder: false }),
        codeSelect('script', 'script', { placeholder: false }),
      ),
    ),
    group(
      'rec.group.grading',
      h(
        'div',
        { class: 'field-row' },
        typed(
          ['guji'],
          selectField({
            name: 'grade',
            label: t('field.grade'),
            options: valueOptions(GRADE_VALUES, r.grade),
            placeholder: t('common.choose'),
            value: r.grade ?? '',
            hint: t('field.gradeHint'),
          }),
        ),
        selectField({
          name: 'damageGrade',
          label: t('field.damageGrade'),
          options: valueOptions(DAMAGE_VALUES, r.damageGrade),
          placeholder: t('common.choose'),
          value: r.damageGrade ?? '',
          hint: t('field.gradeHint'),
        }),
        text('preciousListNumber', { hint: t('field.preciousHint'), maxlength: 16 }),
      ),
    ),
    typed(
      ['minguo'],
      group(
        'rec.group.paper',
        h(
          'div',
          { class: 'field-row' },
          codeSelect('paper', 'paper'),
          codeSelect('brittleness', 'brittleness'),
        ),
        h('p', { class: 'group-label' }, t('field.phReadings')),
        repeats.phReadings.node,
      ),
    ),
    group('rec.group.annotations', repeats.annotations.node),
    group('rec.group.seals', repeats.seals.node),
    group('rec.group.notes', area('notes'), area('abstract'), area('collectionHistory')),
    reasonNeeded
      ? group(
          'rec.group.change',
          textareaField({
            name: 'reason',
            label: t('field.reason'),
            hint: t('field.reasonHint'),
            required: true,
            maxlength: 2000,
          }),
        )
      : null,
    h(
      'div',
      { class: 'form-actions' },
      h(
        'button',
        { type: 'submit', class: 'button button-primary' },
        editing ? t('rec.saveChanges') : t('rec.create'),
      ),
      cancelHref ? linkButton(cancelHref, t('common.cancel'), 'secondary') : null,
    ),
  ]);

  function applyType() {
    for (const el of form.querySelectorAll('[data-types]'))
      el.hidden = !el.dataset.types.split(' ').includes(type);
    const minguo = type === 'minguo';
    titleField.querySelector('label').textContent = t(minguo ? 'field.titleMinguo' : 'field.title');
    editionField.querySelector('label').textContent = t(minguo ? 'field.editionMinguo' : 'field.edition');
    form.querySelector('.edition-legend').textContent = t(
      minguo ? 'rec.group.editionMinguo' : 'rec.group.edition',
    );
  }
  form.addEventListener('change', (event) => {
    if (event.target.name === 'type') {
      type = event.target.value;
      applyType();
      preview.run();
    }
  });
  applyType();
  preview.run();

  let version = r.version;
  let indexMaps = {};
  onSubmit(form, {
    validate: () => {
      const read = readForm(form, type, repeats);
      indexMaps = read.indexMaps;
      const problems = [...read.problems];
      for (const name of ['title', 'callNumber']) {
        if (!form.elements.namedItem(name).value.trim())
          problems.unshift({ path: name, message: t('common.fieldRequired') });
      }
      if (!editing && institutions && !form.elements.namedItem('institutionId').value)
        problems.unshift({ path: 'institutionId', message: t('common.fieldRequired') });
      if (reasonNeeded && !form.elements.namedItem('reason').value.trim())
        problems.push({ path: 'reason', message: t('common.fieldRequired') });
      return problems;
    },
    submit: async () => {
      const { body, indexMaps: maps } = readForm(form, type, repeats);
      indexMaps = maps;
      let saved;
      if (editing) {
        const changes = changedFields(record, body);
        if (!Object.keys(changes).length) {
          notify(t('rec.noChanges'), 'info');
          return;
        }
        const reason = reasonNeeded ? form.elements.namedItem('reason').value.trim() : undefined;
        saved = await api.patch(`/api/records/${encodeURIComponent(record.censusNumber)}`, {
          ...changes,
          version,
          ...(reason ? { reason } : {}),
        });
      } else {
        saved = await api.post('/api/records', {
          type,
          institutionId: institutions ? form.elements.namedItem('institutionId').value : me.institutionId,
          ...body,
        });
      }
      version = saved.version;
      await onSaved(saved);
    },
    onError: (error) => {
      showRecordError(form, error, indexMaps);
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

/** Institutions an administrator may register records for (their province; all for national). */
async function institutionsFor(me) {
  if (me.role === 'cataloguer') return null;
  const answer = await api.get('/api/institutions', {
    provinceCode: me.role === 'provincial_admin' ? me.provinceCode : undefined,
    pageSize: 200,
  });
  return answer.items;
}

/** /records/new */
export async function renderRecordNew(ctx) {
  ctx.setTitle(t('rec.createTitle'));
  const me = user();
  const [lists, institutions] = await Promise.all([codeLists(), institutionsFor(me)]);
  if (!ctx.isCurrent()) return;
  const form = recordForm({
    record: null,
    lists,
    institutions,
    cancelHref: '/records',
    onSaved: async (saved) => {
      keepWarnings(saved.censusNumber, saved.warnings);
      flash(t('rec.created', { cn: saved.censusNumber }));
      await ctx.navigate(recordHref(saved.censusNumber));
    },
  });
  append(ctx.view, [
    h(
      'nav',
      { class: 'breadcrumb', 'aria-label': t('nav.breadcrumb') },
      h('a', { href: '/records' }, t('rec.listTitle')),
    ),
    pageHeader(t('rec.createTitle')),
    h('section', { class: 'panel' }, form),
  ]);
}

/** /records/:censusNumber/edit */
export async function renderRecordEdit(ctx) {
  const cn = ctx.params.censusNumber;
  const [record, lists] = await Promise.all([loadRecord(cn), codeLists()]);
  if (!ctx.isCurrent()) return;
  if (!record) {
    ctx.setTitle(t('common.notFoundTitle'));
    append(ctx.view, [
      pageHeader(t('common.notFoundTitle')),
      h('p', {}, t('rec.notFound')),
      h('p', {}, linkButton('/records', t('rec.backToList'), 'secondary')),
    ]);
    return;
  }
  ctx.setTitle(`${t('rec.editTitle')} ${record.censusNumber}`);
  append(ctx.view, [
    h(
      'nav',
      { class: 'breadcrumb', 'aria-label': t('nav.breadcrumb') },
      h('a', { href: recordHref(cn) }, record.title),
    ),
    pageHeader(t('rec.editTitle')),
    h(
      'p',
      { class: 'subtitle record-subtitle' },
      h('span', { class: 'code' }, record.censusNumber),
      ' · ',
      t(`rec.type.${record.type}`),
      ' · ',
      statusBadge(record.status),
      ' · ',
      `${t('rec.tier')}：${tierLabel(record.tier)}`,
    ),
  ]);
  if (!canEdit(record)) {
    const locked = ['submitted', 'in_review'].includes(record.status);
    append(ctx.view, [
      h('p', { class: 'error-box', role: 'alert' }, t(locked ? 'rec.locked' : 'common.forbiddenPage')),
      h('p', {}, linkButton(recordHref(cn), t('rec.backToList'), 'secondary')),
    ]);
    return;
  }
  const form = recordForm({
    record,
    lists,
    institutions: null,
    cancelHref: recordHref(cn),
    onSaved: async (saved) => {
      keepWarnings(saved.censusNumber, saved.warnings);
      flash(t('rec.updated'));
      await ctx.navigate(recordHref(saved.censusNumber));
    },
    onConflict: () => ctx.navigate(window.location.pathname, { replace: true }),
  });
  append(ctx.view, [h('section', { class: 'panel' }, form)]);
}
