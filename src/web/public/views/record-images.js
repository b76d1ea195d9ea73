// /records/:censusNumber/images — the cataloguer's page images of one record: upload (one or many
// files), relabel, move up or down in reading order, replace the master, delete. Derivatives are
// made in the background, so the list refreshes while any image is still processing.

import { addMessages, pick, t } from '../i18n.js';
import { h, replace } from '../dom.js';
import { api, request } from '../api.js';
import {
  applyChange,
  dataTable,
  emptyState,
  errorBox,
  linkButton,
  loading,
  pageHeader,
} from '../components.js';
import { onSubmit } from '../forms.js';
import { notify } from '../notice.js';
import { canCatalogue, canEdit, loadRecord, recordHref } from '../records.js';

addMessages({
  'img.title': ['页面图像', 'Page images'],
  'img.manage': ['管理图像', 'Manage images'],
  'img.upload': ['上传图像', 'Upload images'],
  'img.files': ['图像文件（TIFF、JPEG、PNG，可多选）', 'Image files (TIFF, JPEG, PNG; several at once)'],
  'img.filesHint': [
    '图像按所选顺序接在最后一页之后；缩略图和切片在后台生成。',
    'Images are added after the last page in the order chosen; thumbnails and tiles are made in the background.',
  ],
  'img.filesRequired': ['请选择至少一个图像文件', 'Choose at least one image file'],
  'img.send': ['上传', 'Upload'],
  'img.sending': ['正在上传…', 'Uploading…'],
  'img.uploaded': ['已上传 {n} 幅图像，正在生成衍生图。', '{n} images uploaded; derivatives are being made.'],
  'img.none': ['该记录还没有图像。', 'This record has no images yet.'],
  'img.sequence': ['序号', 'No.'],
  'img.preview': ['预览', 'Preview'],
  'img.label': ['页标签（卷、叶、a/b 面）', 'Page label (juan, leaf, a/b side)'],
  'img.status': ['状态', 'Status'],
  'img.status.processing': ['处理中', 'Processing'],
  'img.status.ready': ['就绪', 'Ready'],
  'img.status.failed': ['失败', 'Failed'],
  'img.file': ['原文件', 'Original file'],
  'img.actions': ['操作', 'Actions'],
  'img.saveLabel': ['保存标签', 'Save label'],
  'img.labelSaved': ['标签已保存。', 'Label saved.'],
  'img.up': ['上移', 'Move up'],
  'img.down': ['下移', 'Move down'],
  'img.reordered': ['页序已调整。', 'Page order changed.'],
  'img.replace': ['替换原图', 'Replace master'],
  'img.replaced': ['原图已替换，正在重新生成衍生图。', 'Master replaced; derivatives are being remade.'],
  'img.delete': ['删除', 'Delete'],
  'img.confirmDelete': ['确认删除？', 'Really delete?'],
  'img.deleted': ['图像已删除，后面的页序号前移。', 'Image deleted; later pages moved up.'],
  'img.notAllowed': ['您无权管理该记录的图像。', "You may not manage this record's images."],
  'img.backToRecord': ['返回记录', 'Back to the record'],
  'img.locked': [
    '记录正在审校（或已撤销），审校期间不能修改图像。',
    'The record is under review (or withdrawn): its images cannot be changed now.',
  ],
});

const enc = encodeURIComponent;
const POLL_MS = 2000;
const ACCEPT = '.tif,.tiff,.jpg,.jpeg,.png,image/tiff,image/jpeg,image/png';
const BADGE = { ready: 'badge-ok', processing: 'badge-off', failed: 'badge-error' };

function thumbnail(image) {
  if (image.status !== 'ready') return h('span', { class: 'thumb-placeholder' }, t('common.dash'));
  return h('img', {
    class: 'page-thumb',
    src: `/iiif/3/${enc(image.id)}/full/!120,120/0/default.jpg?v=${image.version}`,
    alt: image.label,
    loading: 'lazy',
  });
}

function statusCell(image) {
  return h(
    'span',
    {},
    h(
      'span',
      { class: `badge ${BADGE[image.status]}`, dataset: { status: image.status } },
      t(`img.status.${image.status}`),
    ),
    image.error ? h('span', { class: 'hint' }, ` ${image.error}`) : null,
  );
}

function labelForm(image, problems, redraw) {
  const form = h(
    'form',
    { class: 'inline-form label-form' },
    h('input', {
      type: 'text',
      name: 'label',
      value: image.label,
      maxlength: 100,
      'aria-label': `${t('img.label')} ${image.sequence}`,
    }),
    h('button', { type: 'submit', class: 'button button-secondary button-small' }, t('img.saveLabel')),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const label = form.elements.namedItem('label').value.trim();
    void applyChange(
      problems,
      () => api.patch(`/api/images/${enc(image.id)}`, { label, version: image.version }),
      t('img.labelSaved'),
      redraw,
    );
  });
  return form;
}

function actionsCell(image, images, problems, redraw) {
  const index = images.indexOf(image);
  const move = (offset) => {
    const order = images.map((i) => i.id);
    [order[index], order[index + offset]] = [order[index + offset], order[index]];
    void applyChange(
      problems,
      () => request('PUT', `/api/records/${enc(image.censusNumber)}/images/order`, { imageIds: order }),
      t('img.reordered'),
      redraw,
    );
  };
  const replaceInput = h('input', {
    type: 'file',
    accept: ACCEPT,
    class: 'visually-hidden',
    'aria-label': `${t('img.replace')} ${image.label}`,
  });
  replaceInput.addEventListener('change', () => {
    const file = replaceInput.files[0];
    if (!file) return;
    const data = new FormData();
    data.append('file', file);
    void applyChange(
      problems,
      () => request('PUT', `/api/images/${enc(image.id)}/master?version=${image.version}`, data),
      t('img.replaced'),
      redraw,
    );
  });
  const remove = h(
    'button',
    { type: 'button', class: 'button button-secondary button-small button-delete' },
    t('img.delete'),
  );
  // Two clicks: the first asks, the second deletes (no modal to trap focus in).
  remove.addEventListener('click', () => {
    if (remove.dataset.confirm !== 'true') {
      remove.dataset.confirm = 'true';
      remove.textContent = t('img.confirmDelete');
      return;
    }
    void applyChange(problems, () => api.delete(`/api/images/${enc(image.id)}`), t('img.deleted'), redraw);
  });
  return h(
    'div',
    { class: 'image-actions' },
    h(
      'button',
      {
        type: 'button',
        class: 'button button-secondary button-small',
        disabled: index === 0,
        onclick: () => move(-1),
      },
      t('img.up'),
    ),
    h(
      'button',
      {
        type: 'button',
        class: 'button button-secondary button-small',
        disabled: index === images.length - 1,
        onclick: () => move(1),
      },
      t('img.down'),
    ),
    h('label', { class: 'button button-secondary button-small file-button' }, t('img.replace'), replaceInput),
    remove,
  );
}

function uploadForm(record, redraw) {
  const id = 'image-files';
  const form = h(
    'form',
    { class: 'upload-form' },
    h(
      'div',
      { class: 'field', dataset: { field: 'files' } },
      h('div', { class: 'label-line' }, h('label', { for: id }, t('img.files'))),
      h('input', {
        id,
        type: 'file',
        name: 'files',
        multiple: true,
        accept: ACCEPT,
        'aria-describedby': `${id}-hint`,
      }),
      h('p', { class: 'hint', id: `${id}-hint` }, t('img.filesHint')),
      h('p', { class: 'field-error', id: `${id}-error`, hidden: true }),
    ),
    h(
      'div',
      { class: 'form-actions' },
      h('button', { type: 'submit', class: 'button button-primary' }, t('img.send')),
    ),
  );
  const input = form.querySelector('input[type="file"]');
  onSubmit(form, {
    busyLabel: t('img.sending'),
    validate: () => (input.files.length ? [] : [{ path: 'files', message: t('img.filesRequired') }]),
    submit: async () => {
      const data = new FormData();
      for (const file of input.files) data.append('file', file, file.name);
      const answer = await api.upload(`/api/records/${enc(record.censusNumber)}/images`, data);
      form.reset();
      notify(t('img.uploaded', { n: answer.items.length }));
      await redraw();
    },
  });
  return form;
}

/** /records/:censusNumber/images */
export async function renderRecordImages(ctx) {
  const record = await loadRecord(ctx.params.censusNumber);
  if (!ctx.isCurrent()) return;
  if (!record) {
    ctx.view.append(pageHeader(t('common.notFoundTitle')), h('p', {}, t('rec.notFound')));
    return;
  }
  ctx.setTitle(`${t('img.title')} · ${record.title}`);
  ctx.view.append(
    h(
      'nav',
      { class: 'breadcrumb', 'aria-label': t('nav.breadcrumb') },
      h('a', { href: recordHref(record.censusNumber) }, t('img.backToRecord')),
    ),
    pageHeader(
      `${t('img.title')} · ${record.title}`,
      linkButton(recordHref(record.censusNumber), record.censusNumber, 'secondary'),
    ),
  );
  if (!canCatalogue(record)) {
    ctx.view.append(errorBox({ message: t('img.notAllowed') }));
    return;
  }
  // Like the record's fields, its images stay still while a reviewer is checking it (the server refuses too).
  const editable = canEdit(record);
  const problems = h('div', { role: 'alert' });
  const list = h('div', {}, loading());
  let timer = null;
  const redraw = async () => {
    clearTimeout(timer);
    const answer = await api.get(`/api/records/${enc(record.censusNumber)}/images`);
    if (!ctx.isCurrent()) return;
    const images = answer.items.map((i) => ({ ...i, censusNumber: record.censusNumber }));
    replace(problems);
    replace(
      list,
      images.length
        ? dataTable({
            caption: t('img.title'),
            rowKey: (i) => i.id,
            columns: [
              { label: t('img.sequence'), cell: (i) => String(i.sequence), className: 'num' },
              { label: t('img.preview'), cell: thumbnail },
              { label: t('img.label'), cell: (i) => (editable ? labelForm(i, problems, redraw) : i.label) },
              { label: t('img.status'), cell: statusCell },
              { label: t('img.file'), cell: (i) => `${i.originalFilename} · ${i.width}×${i.height}` },
              ...(editable
                ? [{ label: t('img.actions'), cell: (i) => actionsCell(i, images, problems, redraw) }]
                : []),
            ],
            rows: images,
          })
        : emptyState(t('img.none')),
    );
    // Derivatives are made in the background: look again until every image is ready or failed.
    if (images.some((i) => i.status === 'processing'))
      timer = setTimeout(() => ctx.isCurrent() && redraw(), POLL_MS);
  };
  ctx.view.append(
    editable
      ? h(
          'section',
          { class: 'panel', 'aria-labelledby': 'upload-title' },
          h('h2', { id: 'upload-title' }, t('img.upload')),
          uploadForm(record, redraw),
        )
      : h('p', { class: 'error-box', role: 'status' }, t('img.locked')),
    h(
      'section',
      { class: 'panel', 'aria-labelledby': 'pages-title' },
      h('h2', { id: 'pages-title' }, pick('页序', 'Reading order')),
      problems,
      list,
    ),
  );
  await redraw();
}
