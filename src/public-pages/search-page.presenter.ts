// Catalogue search results → a full HTML page (works without JavaScript): the count, each result
// linking its permalink with the matched text marked, paging, and an empty state in both languages.

import { markup, type SafeHtml } from './html.rules.js';
import { renderPage } from './page-layout.presenter.js';
import { recordPermalinkPath } from '../domain/permalink.js';

/** One result as the search service presents it (the fields this page uses). */
export interface SearchResultItem {
  readonly censusNumber: string;
  readonly title: string;
  readonly authors: string;
  readonly edition: string;
  readonly institution: { readonly name: string };
  readonly province: { readonly nameZh: string | null };
  readonly thumbnail: string | null;
  readonly highlights: {
    readonly title: ReadonlyArray<[number, number]>;
    readonly authors: ReadonlyArray<[number, number]>;
    readonly edition: ReadonlyArray<[number, number]>;
  };
}

/** What the results page shows. */
export interface SearchPageView {
  readonly q: string;
  readonly total: number;
  readonly approximate: boolean;
  readonly page: number;
  readonly pageSize: number;
  readonly items: readonly SearchResultItem[];
  /** Absolute URL of this page without paging (canonical). */
  readonly canonical: string;
}

/** `text` with the [start, end) ranges wrapped in <mark>, everything escaped. */
export function marked(text: string, ranges: ReadonlyArray<[number, number]>): SafeHtml {
  const parts: SafeHtml[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at || end <= start) continue;
    parts.push(markup`${text.slice(at, start)}<mark>${text.slice(start, end)}</mark>`);
    at = end;
  }
  parts.push(markup`${text.slice(at)}`);
  return markup`${parts}`;
}

function pageHref(q: string, page: number): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return `/catalogue/search${query ? `?${query}` : ''}`;
}

function result(item: SearchResultItem): SafeHtml {
  const href = recordPermalinkPath(item.censusNumber);
  const place = [item.province.nameZh, item.institution.name].filter(Boolean).join(' · ');
  return markup`<li class="pp-result">
    <a class="pp-result-thumb" href="${href}" tabindex="-1" aria-hidden="true"
      >${item.thumbnail ? markup`<img src="${item.thumbnail}" alt="" loading="lazy" />` : null}</a
    >
    <div>
      <h2><a href="${href}" lang="zh">${marked(item.title, item.highlights.title)}</a></h2>
      ${item.authors ? markup`<p>${marked(item.authors, item.highlights.authors)}</p>` : null}
      <p class="pp-edition">${marked(item.edition, item.highlights.edition)}</p>
      <p class="pp-count">${place} · <span class="pp-census-number">${item.censusNumber}</span></p>
    </div>
  </li>`;
}

function countLine(view: SearchPageView): SafeHtml {
  const about = view.approximate ? '约 ' : '';
  const aboutEn = view.approximate ? 'about ' : '';
  const first = (view.page - 1) * view.pageSize + 1;
  const last = first + view.items.length - 1;
  return markup`<p class="pp-count" data-total="${view.total}">
    共${about} ${view.total} 条结果${view.items.length ? `，第 ${first}–${last} 条` : ''}。
    <span lang="en"
      >${aboutEn}${view.total} ${view.total === 1 ? 'result' : 'results'}${view.items.length ? `; ${first}–${last} shown` : ''}.</span
    >
  </p>`;
}

/** The HTML document of a results page. */
export function renderSearchPage(view: SearchPageView): string {
  const pages = Math.max(1, Math.ceil(view.total / view.pageSize));
  const heading = view.q ? `“${view.q}” 的检索结果` : '浏览公共目录';
  const body = markup`<h1>
      ${heading}
      <span class="pp-en" lang="en">${view.q ? `Results for “${view.q}”` : 'Browse the catalogue'}</span>
    </h1>
    ${countLine(view)}
    ${
      view.items.length
        ? markup`<ol class="pp-results">
            ${view.items.map(result)}
          </ol>`
        : markup`<div class="pp-empty">
            <p>没有找到符合条件的已发布记录。可尝试更短的检索词，或换用繁体、简体或异体字。</p>
            <p lang="en">
              No published record matches. Try fewer characters, or another form of the characters.
            </p>
          </div>`
    }
    <nav class="pp-pager" aria-label="翻页 Pages">
      ${view.page > 1 ? markup`<a rel="prev" href="${pageHref(view.q, view.page - 1)}">上一页 <span lang="en">Previous</span></a>` : null}
      ${view.page < pages && view.items.length ? markup`<a rel="next" href="${pageHref(view.q, view.page + 1)}">下一页 <span lang="en">Next</span></a>` : null}
    </nav>
    <p>
      <a href="/catalogue${view.q ? `?q=${encodeURIComponent(view.q)}` : ''}"
        >分面筛选（需要 JavaScript） <span lang="en">Refine with facets (needs JavaScript)</span></a
      >
    </p>`;
  return renderPage({
    title: `${view.q ? `${view.q} · ` : ''}检索 · 古籍普查登记目录`,
    description: `古籍普查登记目录检索：${view.q || '全部已发布记录'}，共 ${view.total} 条。`,
    canonical: view.canonical,
    query: view.q,
    body,
  });
}

/** The page of a search the catalogue refused (400): the reason in both languages and the form. */
export function renderSearchError(q: string, messageZh: string, messageEn: string): string {
  return renderPage({
    title: '检索条件有误 · Invalid search',
    description: messageZh,
    query: q.slice(0, 200),
    body: markup`<h1>检索条件有误 <span class="pp-en" lang="en">Invalid search</span></h1>
      <div class="pp-empty" role="alert">
        <p>${messageZh}</p>
        <p lang="en">${messageEn}</p>
      </div>`,
  });
}
