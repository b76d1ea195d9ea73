// The public catalogue (/catalogue): search box with suggestions, facets, results with highlighted
// matches and thumbnails. Everything the page shows is in its URL, so any view is a permalink.

import { h, replace, uid } from './dom.js';
import { getLang, pick, t } from './i18n.js';
import { api } from './api.js';
import { errorBox, pager } from './components.js';
import './catalogue-i18n.js';

const FACETS = [
  'province',
  'institution',
  'type',
  'classification',
  'dynasty',
  'editionType',
  'binding',
  'grade',
  'damageGrade',
  'documentType',
  'precious',
  'hasImages',
];
const PARAMS = ['q', 'yearFrom', 'yearTo', ...FACETS];

function ensureStyles() {
  if (document.querySelector('link[data-catalogue]')) return;
  document.head.append(
    h('link', { rel: 'stylesheet', href: '/static/catalogue.css', dataset: { catalogue: '1' } }),
    h('link', {
      rel: 'search',
      type: 'application/opensearchdescription+xml',
      href: '/api/catalogue/opensearch.xml',
      title: '古籍普查目录',
    }),
  );
}

/** The /catalogue URL for a set of parameters (empty ones left out). */
function catalogueUrl(params) {
  const search = new URLSearchParams();
  for (const key of [...PARAMS, 'page']) {
    const value = params[key];
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `/catalogue?${text}` : '/catalogue';
}

/** Text with the given [start, end) ranges wrapped in <mark>. */
function marked(text, ranges = []) {
  const parts = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(h('mark', {}, text.slice(start, end)));
    at = end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

function facetValueLabel(name, entry) {
  if (entry.label) return pick(entry.label.zh, entry.label.en);
  if (name === 'precious' || name === 'hasImages') return t(`facet.${entry.value}`);
  if (name === 'type') return t(`facet.${entry.value}`);
  return entry.value;
}

// Counts estimated from a sample (the API says `approximate`) are shown as such: 约 120 / about 120.
function countText(body) {
  return body.totalApproximate
    ? t('catalogue.countAbout', { total: body.total })
    : t('catalogue.count', { total: body.total });
}

function facetPanel(params, facets, approximateFacets = false) {
  const groups = FACETS.filter((name) => (facets[name] ?? []).length > 0).map((name) => {
    const headingId = uid('facet');
    return h(
      'section',
      { class: 'facet', 'aria-labelledby': headingId, dataset: { facet: name } },
      h('h3', { id: headingId }, t(`facet.${name}`)),
      h(
        'ul',
        {},
        facets[name].slice(0, 12).map((entry) => {
          const label = facetValueLabel(name, entry);
          const next = { ...params, [name]: entry.selected ? undefined : entry.value, page: undefined };
          return h(
            'li',
            {},
            h(
              'a',
              {
                href: catalogueUrl(next),
                class: entry.selected ? 'facet-value selected' : 'facet-value',
                'aria-current': entry.selected ? 'true' : null,
                title: entry.selected ? t('catalogue.remove', { label }) : null,
              },
              h('span', { class: 'facet-label' }, label),
              h(
                'span',
                { class: 'facet-count' },
                approximateFacets ? t('catalogue.about', { n: entry.count }) : String(entry.count),
              ),
            ),
          );
        }),
      ),
    );
  });
  const filtered = PARAMS.some((k) => k !== 'q' && params[k]);
  return h(
    'aside',
    { class: 'catalogue-facets', 'aria-label': t('catalogue.facets') },
    h('h2', {}, t('catalogue.facets')),
    approximateFacets ? h('p', { class: 'facet-note' }, t('catalogue.approximate')) : null,
    filtered ? h('p', {}, h('a', { href: catalogueUrl({ q: params.q }) }, t('catalogue.clear'))) : null,
    groups,
  );
}

/** The record's permalink: its server-rendered public page. */
const permalink = (censusNumber) => `/catalogue/records/${encodeURIComponent(censusNumber)}`;

function resultItem(item) {
  const href = permalink(item.censusNumber);
  const thumb = item.thumbnail
    ? h('img', { src: item.thumbnail, alt: '', loading: 'lazy', width: '100', height: '100' })
    : h('span', { class: 'thumb-placeholder', 'aria-hidden': 'true' }, '書');
  const place = [pick(item.province.nameZh, item.province.nameEn), item.institution.name]
    .filter(Boolean)
    .join(' · ');
  return h(
    'li',
    { class: 'catalogue-result', dataset: { censusNumber: item.censusNumber } },
    h('a', { class: 'catalogue-thumb', href, tabindex: '-1', 'aria-hidden': 'true' }, thumb),
    h(
      'div',
      { class: 'catalogue-text' },
      h(
        'h3',
        { class: 'result-title', lang: 'zh-Hant' },
        h('a', { href }, marked(item.title, item.highlights.title)),
      ),
      item.authors
        ? h('p', { class: 'result-authors', lang: 'zh-Hant' }, marked(item.authors, item.highlights.authors))
        : null,
      h('p', { class: 'result-edition', lang: 'zh-Hant' }, marked(item.edition, item.highlights.edition)),
      h(
        'p',
        { class: 'result-meta' },
        [place, item.classification, item.grade].filter(Boolean).join(' · '),
        ' · ',
        h('span', { class: 'census-number' }, `${t('catalogue.censusNumber')} ${item.censusNumber}`),
      ),
    ),
  );
}

function searchForm(params, navigate) {
  const listId = uid('suggest');
  const input = h('input', {
    type: 'search',
    name: 'q',
    id: uid('q'),
    value: params.q ?? '',
    maxlength: '200',
    autocomplete: 'off',
    list: listId,
    placeholder: t('catalogue.qHint'),
    'aria-describedby': null,
  });
  const datalist = h('datalist', { id: listId });
  let timer;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (!q) return replace(datalist);
    timer = setTimeout(async () => {
      try {
        const res = await api.get('/api/catalogue/suggest', { q });
        if (input.value.trim() === q)
          replace(
            datalist,
            res.suggestions.map((s) => h('option', { value: s.title })),
          );
      } catch {
        // Suggestions are a convenience; the search itself reports errors.
      }
    }, 200);
  });
  const yearFrom = h('input', {
    type: 'number',
    name: 'yearFrom',
    value: params.yearFrom ?? '',
    min: '-1000',
    max: '1949',
    step: '1',
  });
  const yearTo = h('input', {
    type: 'number',
    name: 'yearTo',
    value: params.yearTo ?? '',
    min: '-1000',
    max: '1949',
    step: '1',
  });
  const form = h(
    'form',
    { class: 'catalogue-form', role: 'search' },
    h(
      'div',
      { class: 'catalogue-q' },
      h('label', { for: input.id, class: 'visually-hidden' }, t('catalogue.q')),
      input,
      datalist,
      h('button', { type: 'submit', class: 'button button-primary' }, t('catalogue.search')),
    ),
    h(
      'div',
      { class: 'catalogue-years' },
      h('label', {}, t('catalogue.yearFrom'), ' ', yearFrom),
      h('label', {}, t('catalogue.yearTo'), ' ', yearTo),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    navigate(
      catalogueUrl({
        ...params,
        q: input.value.trim(),
        yearFrom: yearFrom.value,
        yearTo: yearTo.value,
        page: undefined,
      }),
      { focus: '.catalogue-results h2' },
    );
  });
  return form;
}

/** Renders /catalogue for the parameters in the URL. */
export async function renderCatalogue(ctx) {
  ensureStyles();
  const params = Object.fromEntries(
    [...ctx.query.entries()].filter(([k]) => [...PARAMS, 'page'].includes(k)),
  );
  ctx.setTitle(params.q ? `${params.q} · ${t('catalogue.title')}` : t('catalogue.title'));
  const results = h('section', { class: 'catalogue-results', 'aria-live': 'polite' });
  const layout = h('div', { class: 'catalogue-layout' });
  replace(
    ctx.view,
    h('div', { class: 'page-header' }, h('h1', { tabindex: '-1' }, t('catalogue.title'))),
    h('p', { class: 'catalogue-intro' }, t('catalogue.intro')),
    searchForm(params, ctx.navigate),
    layout,
  );
  let body;
  try {
    body = await api.get('/api/catalogue/search', { ...params, pageSize: 20 });
  } catch (error) {
    if (!ctx.isCurrent()) return;
    replace(layout, errorBox(error));
    return;
  }
  if (!ctx.isCurrent()) return;
  replace(
    results,
    h('h2', { tabindex: '-1' }, t('catalogue.results')),
    h(
      'p',
      { class: 'catalogue-count' },
      params.q ? countText(body) : `${t('catalogue.browse')} · ${countText(body)}`,
      ' · ',
      h('a', { href: catalogueUrl(params), class: 'permalink' }, t('catalogue.permalink')),
    ),
    body.items.length
      ? h(
          'ol',
          { class: 'catalogue-list', start: String((body.page - 1) * body.pageSize + 1) },
          body.items.map(resultItem),
        )
      : h('p', { class: 'empty' }, t('catalogue.none')),
    body.total > body.pageSize
      ? pager({
          page: body.page,
          pageSize: body.pageSize,
          total: body.total,
          hrefFor: (page) => catalogueUrl({ ...params, page }),
        })
      : null,
  );
  replace(layout, facetPanel(params, body.facets, body.approximate), results);
  document.documentElement.lang = getLang() === 'en' ? 'en' : 'zh-CN';
}
