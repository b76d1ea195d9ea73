// Small shared pieces of the pages: headings, tables that turn into cards on phones, pagination,
// loading and error boxes.

import { h, replace } from './dom.js';
import { t } from './i18n.js';
import { notify } from './notice.js';

/** The page heading (focused by the router after in-app navigation) with optional actions. */
export function pageHeader(title, ...actions) {
  return h(
    'div',
    { class: 'page-header' },
    h('h1', { tabindex: '-1' }, title),
    actions.length ? h('div', { class: 'page-actions' }, actions) : null,
  );
}

/** A link that looks like a button. */
export function linkButton(href, label, kind = 'primary') {
  return h('a', { href, class: `button button-${kind}` }, label);
}

/**
 * A table: columns [{label, cell: (row) => node|string, className}]; `caption` names it for screen
 * readers. On narrow screens each row becomes a card with the column label before each value.
 */
export function dataTable({ caption, columns, rows, rowKey }) {
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'data-table' },
      h('caption', { class: 'visually-hidden' }, caption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          columns.map((c) => h('th', { scope: 'col', class: c.className }, c.label)),
        ),
      ),
      h(
        'tbody',
        {},
        rows.map((row) =>
          h(
            'tr',
            { dataset: rowKey ? { key: rowKey(row) } : {} },
            columns.map((c) =>
              h(
                'td',
                { 'data-label': c.label, class: c.className },
                h('div', { class: 'cell' }, c.cell(row)),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}

/** “Page x of y” with previous/next links; hrefFor(page) builds each link. */
export function pager({ page, pageSize, total, hrefFor }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return h(
    'nav',
    { class: 'pager', 'aria-label': t('common.pagination') },
    page > 1
      ? h('a', { href: hrefFor(page - 1), rel: 'prev', class: 'button button-secondary' }, t('common.prev'))
      : null,
    h(
      'span',
      { class: 'pager-info' },
      t('common.pageInfo', { page, pages }),
      ' · ',
      t('common.total', { total }),
    ),
    page < pages
      ? h('a', { href: hrefFor(page + 1), rel: 'next', class: 'button button-secondary' }, t('common.next'))
      : null,
  );
}

export function loading() {
  return h('p', { class: 'loading', role: 'status' }, t('common.loading'));
}

export function emptyState(text = t('common.empty')) {
  return h('p', { class: 'empty' }, text);
}

/** A box for an error that stops a page from loading (announced). */
export function errorBox(error) {
  const message =
    typeof error?.localized === 'function' ? error.localized() : String(error?.message ?? error);
  return h(
    'div',
    { class: 'error-box', role: 'alert' },
    h('p', { class: 'form-alert-title' }, message),
    error?.requestId ? h('p', { class: 'request-id' }, t('common.requestId', { id: error.requestId })) : null,
  );
}

/** A definition list from [[term, value]] pairs (empty values shown as a dash). */
export function definitionList(pairs) {
  return h(
    'dl',
    { class: 'details' },
    pairs.map(([term, value]) => [
      h('dt', {}, term),
      h('dd', {}, value === null || value === undefined || value === '' ? t('common.dash') : value),
    ]),
  );
}

/**
 * Runs one change from a list page: on success announces `message` and redraws with `reload`; an
 * API refusal is shown in `problems` (the list is left as it was).
 */
export async function applyChange(problems, action, message, reload) {
  try {
    await action();
  } catch (error) {
    if (error?.name !== 'ApiError') throw error;
    replace(problems, errorBox(error));
    return;
  }
  notify(message);
  await reload();
}
