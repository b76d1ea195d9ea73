// /institutions/:id/imports — upload a records or assessments spreadsheet, blank templates, exports
// and the institution's past imports. /imports/:id — one import's live progress (polled while it
// runs), its counters, its first problems and the downloadable error report.

import '../imports-i18n.js';
import { append, h, replace } from '../dom.js';
import { formatDateTime, pick, t } from '../i18n.js';
import { api } from '../api.js';
import { user, canAdministerProvince } from '../session.js';
import { onSubmit, selectField } from '../forms.js';
import { dataTable, definitionList, emptyState, errorBox, loading, pageHeader } from '../components.js';
import { notify, flash } from '../notice.js';

const POLL_MS = 1000;
const FILE_TYPES = /\.(csv|xlsx)$/i;
const UPLOAD_PATH = { records: 'imports', assessments: 'assessment-imports' };

/** Which imports the user may start for this institution (the server checks again). */
export function importKindsFor(inst, u = user()) {
  if (canAdministerProvince(inst.provinceCode, u)) return ['records', 'assessments'];
  if (u?.institutionId !== inst.id) return [];
  if (u.role === 'cataloguer') return ['records', 'assessments'];
  if (u.role === 'conservator') return ['assessments'];
  return [];
}

const enc = encodeURIComponent;

function templateLinks(kind) {
  return h(
    'p',
    { class: 'template-links', dataset: { kind } },
    h('span', {}, `${t('imp.templates')}：`),
    h('a', { href: `/api/import-templates/${kind}?format=xlsx`, download: '' }, t('imp.templateXlsx')),
    ' · ',
    h('a', { href: `/api/import-templates/${kind}?format=csv`, download: '' }, t('imp.templateCsv')),
  );
}

function modeField() {
  const name = 'mode';
  return h(
    'fieldset',
    { class: 'field', dataset: { field: name } },
    h('legend', {}, t('imp.mode')),
    ['skip', 'atomic'].map((mode) =>
      h(
        'label',
        { class: 'radio' },
        h('input', { type: 'radio', name, value: mode, checked: mode === 'skip' }),
        ' ',
        t(`imp.mode.${mode}`),
      ),
    ),
  );
}

function fileField() {
  return h(
    'div',
    { class: 'field', dataset: { field: 'file' } },
    h(
      'div',
      { class: 'label-line' },
      h('label', { for: 'import-file' }, t('imp.file')),
      h('span', { class: 'required-mark', 'aria-hidden': 'true' }, '*'),
    ),
    h('input', {
      id: 'import-file',
      type: 'file',
      name: 'file',
      accept: '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'aria-describedby': 'import-file-hint',
      required: true,
    }),
    h('p', { class: 'hint', id: 'import-file-hint' }, t('imp.fileHint')),
    h('p', { class: 'field-error', id: 'import-file-error', hidden: true }),
  );
}

function importForm(ctx, inst, kinds) {
  const links = h('div', {}, templateLinks(kinds[0]));
  const form = h(
    'form',
    { class: 'import-form' },
    selectField({
      name: 'kind',
      label: t('imp.kind'),
      options: kinds.map((k) => ({ value: k, label: t(`imp.kind.${k}`) })),
      value: kinds[0],
    }),
    links,
    modeField(),
    fileField(),
    h(
      'div',
      { class: 'form-actions' },
      h('button', { type: 'submit', class: 'button button-primary' }, t('imp.submit')),
    ),
  );
  const kindOf = () => form.querySelector('select[name="kind"]').value;
  form
    .querySelector('select[name="kind"]')
    .addEventListener('change', () => replace(links, templateLinks(kindOf())));
  onSubmit(form, {
    busyLabel: t('imp.uploading'),
    validate: () => {
      const file = form.querySelector('input[type="file"]').files[0];
      if (!file) return [{ path: 'file', message: t('imp.fileRequired') }];
      if (!FILE_TYPES.test(file.name)) return [{ path: 'file', message: t('imp.fileType') }];
      return [];
    },
    submit: async () => {
      const data = new FormData();
      data.append('file', form.querySelector('input[type="file"]').files[0]);
      const mode = form.querySelector('input[name="mode"]:checked').value;
      const job = await api.upload(
        `/api/institutions/${enc(inst.id)}/${UPLOAD_PATH[kindOf()]}?mode=${mode}`,
        data,
      );
      flash(t('imp.queuedNotice'));
      ctx.navigate(`/imports/${enc(job.id)}`);
    },
  });
  return form;
}

function exportSection(inst) {
  const base = `/api/institutions/${enc(inst.id)}`;
  return h(
    'section',
    { class: 'panel', 'aria-labelledby': 'export-title' },
    h('h2', { id: 'export-title' }, t('imp.exportTitle')),
    h(
      'ul',
      { class: 'export-links' },
      h(
        'li',
        {},
        t('imp.exportRecords'),
        '：',
        h('a', { href: `${base}/export?format=xlsx`, download: '' }, 'XLSX'),
        ' · ',
        h('a', { href: `${base}/export?format=csv`, download: '' }, 'CSV'),
      ),
      h(
        'li',
        {},
        t('imp.exportCatalogue'),
        '：',
        h(
          'a',
          { href: `${base}/catalogue?format=html`, target: '_blank', rel: 'noopener' },
          t('imp.printable'),
        ),
        ' · ',
        h('a', { href: `${base}/catalogue?format=xlsx`, download: '' }, 'XLSX'),
        ' · ',
        h('a', { href: `${base}/catalogue?format=csv`, download: '' }, 'CSV'),
      ),
    ),
  );
}

const BADGE_CLASS = {
  done: 'badge-ok',
  failed: 'badge-error',
  cancelled: 'badge-off',
  queued: 'badge-off',
  running: 'badge-off',
};
const statusBadge = (status) =>
  h('span', { class: `badge ${BADGE_CLASS[status]}`, dataset: { status } }, t(`imp.status.${status}`));

async function historySection(ctx, inst) {
  const body = h('div', {}, loading());
  ctx.view.append(
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'history-title' },
      h('h2', { id: 'history-title' }, t('imp.history')),
      body,
    ),
  );
  const answer = await api.get(`/api/institutions/${enc(inst.id)}/imports`);
  if (!ctx.isCurrent()) return;
  if (!answer.items.length) return replace(body, emptyState(t('imp.noHistory')));
  replace(
    body,
    dataTable({
      caption: t('imp.history'),
      rowKey: (job) => job.id,
      columns: [
        { label: t('imp.createdAt'), cell: (job) => formatDateTime(job.createdAt) },
        {
          label: t('imp.fileName'),
          cell: (job) => h('a', { href: `/imports/${enc(job.id)}` }, job.fileName),
        },
        { label: t('imp.kind'), cell: (job) => t(`imp.kind.${job.kind}`) },
        { label: t('imp.status'), cell: (job) => statusBadge(job.status) },
        { label: t('imp.result'), cell: (job) => t('imp.resultLine', job) },
      ],
      rows: answer.items,
    }),
  );
}

/** /institutions/:id/imports */
export async function renderImports(ctx) {
  const inst = await api.get(`/api/institutions/${enc(ctx.params.id)}`);
  if (!ctx.isCurrent()) return;
  ctx.setTitle(`${t('imp.title')} · ${inst.name}`);
  const kinds = importKindsFor(inst);
  ctx.view.append(
    h(
      'nav',
      { class: 'breadcrumb', 'aria-label': t('nav.breadcrumb') },
      h('a', { href: '/institutions' }, t('inst.listTitle')),
      ' › ',
      h('a', { href: `/institutions/${enc(inst.id)}` }, inst.name),
    ),
    pageHeader(t('imp.title')),
    h('p', { class: 'subtitle' }, h('span', { class: 'code' }, inst.fullCode), ' · ', inst.name),
  );
  if (!kinds.length) {
    ctx.view.append(
      errorBox({ message: pick('您无权为该单位导入。', 'You may not import for this institution.') }),
    );
    return;
  }
  ctx.view.append(
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'import-title' },
      h('h2', { id: 'import-title' }, t('imp.importTitle')),
      importForm(ctx, inst, kinds),
    ),
  );
  // Record exports and the import history belong to those who catalogue (conservators import assessments only).
  if (kinds.includes('records')) {
    ctx.view.append(exportSection(inst));
    await historySection(ctx, inst);
  }
}

function countsList(job) {
  const keys =
    job.kind === 'records'
      ? ['created', 'updated', 'unchanged', 'failed', 'conflicts']
      : ['created', 'unchanged', 'failed'];
  return h(
    'dl',
    { class: 'details import-counts' },
    keys.map((key) => [
      h('dt', {}, t(`imp.${key}`)),
      h('dd', { dataset: { count: key } }, String(job[key] ?? 0)),
    ]),
  );
}

function errorsSection(job) {
  const section = h(
    'section',
    { class: 'panel', 'aria-labelledby': 'errors-title' },
    h('h2', { id: 'errors-title' }, t('imp.errors')),
  );
  if (!job.errors.length) {
    section.append(emptyState(t('imp.noErrors')));
    return section;
  }
  append(section, [
    h(
      'p',
      {},
      h(
        'a',
        { href: `/api/imports/${enc(job.id)}/errors.csv`, download: '', class: 'button button-secondary' },
        t('imp.errorReport'),
      ),
    ),
    job.failed + job.conflicts > job.errors.length
      ? h('p', { class: 'hint' }, t('imp.errorsFirst', { n: job.errors.length }))
      : null,
    dataTable({
      caption: t('imp.errors'),
      rowKey: (e) => `${e.row}-${e.field}`,
      columns: [
        { label: t('imp.row'), cell: (e) => String(e.row), className: 'num' },
        { label: t('imp.problemKind'), cell: (e) => t(`imp.problemKind.${e.kind}`) },
        // The column as the file's header names it; the field path where no column applies.
        { label: t('imp.field'), cell: (e) => e.column ?? h('code', {}, e.field) },
        { label: t('imp.value'), cell: (e) => e.value ?? '' },
        { label: t('imp.message'), cell: (e) => pick(e.messageZh, e.messageEn) },
      ],
      rows: job.errors,
    }),
  ]);
  return section;
}

/** The cancel button, when the server says the job may still be cancelled; `onChange` shows the answer. */
function cancelButton(job, onChange) {
  if (!job.actions?.cancel) return null;
  const button = h('button', { type: 'button', class: 'button button-secondary' }, t('imp.cancel'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      onChange(await api.post(`/api/imports/${enc(job.id)}/cancel`));
      notify(t('imp.cancelAsked'));
    } catch (error) {
      button.disabled = false;
      notify(error.message ?? String(error));
    }
  });
  return h('p', { class: 'import-actions' }, button);
}

function jobView(job, onChange = () => {}) {
  const running = job.status === 'queued' || job.status === 'running';
  return h(
    'div',
    { class: 'import-job', dataset: { status: job.status } },
    h(
      'section',
      { class: 'panel', 'aria-label': t('imp.jobTitle') },
      definitionList([
        [t('imp.fileName'), job.fileName],
        [t('imp.kind'), t(`imp.kind.${job.kind}`)],
        [t('imp.mode'), t(`imp.mode.${job.mode}`)],
        [t('imp.status'), statusBadge(job.status)],
        [t('imp.createdAt'), formatDateTime(job.createdAt)],
        ...(job.encoding
          ? [[t('imp.encoding'), h('span', { dataset: { encoding: job.encoding } }, job.encoding)]]
          : []),
      ]),
      h(
        'p',
        { class: 'import-progress', role: 'status', 'aria-live': 'polite' },
        // The total grows while the file is streamed, so a running import shows an indeterminate bar.
        running
          ? h('progress', { 'aria-label': t('imp.progress') })
          : h('progress', { max: 1, value: 1, 'aria-label': t('imp.progress') }),
        ' ',
        t('imp.progressLine', job),
        job.cancelRequested && running ? ` ${t('imp.cancelling')}` : '',
      ),
      running ? cancelButton(job, onChange) : null,
      h('h2', {}, t('imp.counts')),
      countsList(job),
      job.error ? errorBox({ message: `${t('imp.jobError')}${job.error.message}` }) : null,
      job.mode === 'atomic' && job.status === 'done' && job.failed + job.conflicts > 0
        ? h('p', { class: 'error-box', role: 'alert' }, t('imp.atomicNothing'))
        : null,
    ),
    running ? null : errorsSection(job),
  );
}

/** /imports/:id */
export async function renderImportJob(ctx) {
  let job;
  try {
    job = await api.get(`/api/imports/${enc(ctx.params.id)}`);
  } catch (error) {
    if (![400, 403, 404].includes(error.status)) throw error;
    ctx.view.append(pageHeader(t('common.notFoundTitle')), h('p', {}, t('imp.notFound')));
    return;
  }
  if (!ctx.isCurrent()) return;
  ctx.setTitle(`${t('imp.jobTitle')} · ${job.fileName}`);
  const body = h('div', {});
  const show = (next) => {
    job = next;
    replace(body, jobView(job, show));
  };
  show(job);
  ctx.view.append(
    h(
      'nav',
      { class: 'breadcrumb', 'aria-label': t('nav.breadcrumb') },
      h('a', { href: `/institutions/${enc(job.institutionId)}/imports` }, t('imp.back')),
    ),
    pageHeader(t('imp.jobTitle')),
    body,
  );
  while (ctx.isCurrent() && (job.status === 'queued' || job.status === 'running')) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (!ctx.isCurrent()) return;
    const next = await api.get(`/api/imports/${enc(ctx.params.id)}`);
    if (!ctx.isCurrent()) return;
    show(next);
    if (job.status === 'done') notify(t('imp.resultLine', job));
  }
}
