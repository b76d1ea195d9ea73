// The frame of every server-rendered public page: head (title, description, canonical URL,
// OpenGraph, JSON-LD), a header with the catalogue search form, and a footer. Plain HTML and one
// stylesheet: the page is complete without JavaScript.

import { markup, jsonForScript, type SafeHtml } from './html.rules.js';
import { PUBLIC_PAGE_CSS_PATH } from './public-pages.css.js';

/** What a page puts into the frame. */
export interface PageFrame {
  readonly title: string;
  readonly description: string;
  /** Absolute canonical URL; also og:url. Absent on pages that should not be indexed (404). */
  readonly canonical?: string;
  readonly ogType?: 'website' | 'book';
  readonly ogImage?: string | null;
  readonly jsonLd?: unknown;
  /** Extra <link> elements (alternate representations). */
  readonly links?: ReadonlyArray<{ rel: string; href: string; type?: string; title?: string }>;
  /** The search box's current text. */
  readonly query?: string;
  readonly body: SafeHtml;
}

const SITE_NAME = '全国古籍普查登记目录 · National Census Catalogue of Ancient Books';

/** The whole HTML document. */
export function renderPage(frame: PageFrame): string {
  const head = markup`<meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${frame.title}</title>
    <meta name="description" content="${frame.description}" />
    ${frame.canonical ? markup`<link rel="canonical" href="${frame.canonical}" />` : markup`<meta name="robots" content="noindex" />`}
    <meta property="og:site_name" content="${SITE_NAME}" />
    <meta property="og:title" content="${frame.title}" />
    <meta property="og:description" content="${frame.description}" />
    <meta property="og:type" content="${frame.ogType ?? 'website'}" />
    <meta property="og:locale" content="zh_CN" />
    ${frame.canonical ? markup`<meta property="og:url" content="${frame.canonical}" />` : null}
    ${frame.ogImage ? markup`<meta property="og:image" content="${frame.ogImage}" />` : null}
    ${(frame.links ?? []).map(
      (l) =>
        markup`<link
          rel="${l.rel}"
          href="${l.href}"
          ${l.type ? markup` type="${l.type}"` : null}${l.title ? markup` title="${l.title}"` : null}
        />`,
    )}
    <link rel="icon" href="/static/favicon.svg" type="image/svg+xml" />
    <link
      rel="search"
      type="application/opensearchdescription+xml"
      href="/api/catalogue/opensearch.xml"
      title="古籍普查目录"
    />
    <link rel="stylesheet" href="${PUBLIC_PAGE_CSS_PATH}" />
    ${
      frame.jsonLd
        ? markup`<script type="application/ld+json">
            ${jsonForScript(frame.jsonLd)}
          </script>`
        : null
    }`;
  const page = markup`<!doctype html>
    <html lang="zh-CN">
      <head>
        ${head}
      </head>
      <body>
        <a class="skip-link" href="#main">跳到主要内容 Skip to content</a>
        <header class="pp-header">
          <a class="pp-brand" href="/catalogue/search"
            ><span class="pp-seal" aria-hidden="true">普</span>古籍普查登记目录
            <span lang="en">Census Catalogue</span></a
          >
          <form class="pp-search" role="search" method="get" action="/catalogue/search">
            <label for="pp-q">检索 <span lang="en">Search</span></label>
            <input
              id="pp-q"
              type="search"
              name="q"
              value="${frame.query ?? ''}"
              placeholder="题名、著者、版本、普查编号 Title, author, edition, number"
            />
            <button type="submit">检索 <span lang="en">Search</span></button>
          </form>
        </header>
        <main id="main" class="pp-main">${frame.body}</main>
        <footer class="pp-footer">
          <p>
            古籍普查保护系统 · 公共目录
            <span lang="en">Census of ancient books and Republican-era documents · public catalogue</span>
          </p>
        </footer>
      </body>
    </html> `;
  return page.value;
}
