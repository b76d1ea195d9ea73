// A published record → its public HTML page (the permalink). Pure: the service gathers the view,
// this decides the markup. Every text of the record goes through the escaping template.

import { markup, type SafeHtml } from './html.rules.js';
import { iiifLogo } from './iiif-logo.js';
import { renderPage } from './page-layout.presenter.js';
import type { PublicField } from './public-record.rules.js';
import { RIGHTS_STATEMENT_TEXT, type RightsStatement } from '../institutions/rights-statement.rules.js';

/** One page image as the strip shows it. */
export interface PageThumbnail {
  readonly label: string;
  readonly url: string;
  readonly width: number;
  readonly height: number;
  /** The whole page at full size (a download or a new tab). */
  readonly full: string;
  /** The page as a file at the sizes a reader picks from: the reading size, print size, the master's. */
  readonly downloads: ReadonlyArray<{
    readonly edge: number | null;
    readonly url: string;
    readonly fileName: string;
  }>;
}

/** Another copy of the same edition. */
export interface OtherCopy {
  readonly censusNumber: string;
  readonly title: string;
  readonly edition: string;
  readonly institutionName: string;
  readonly permalink: string;
}

/** Everything the record page shows. */
export interface RecordPageView {
  /** The page differs by the reader's address (an `on_site` book with reading-room networks): never in a shared cache. */
  readonly variesByAddress?: boolean;
  readonly permalink: string;
  readonly manifestUrl: string;
  readonly catalogueUrl: string;
  readonly censusNumber: string;
  readonly type: 'guji' | 'minguo';
  readonly title: string;
  readonly authors: string;
  readonly edition: string;
  /** Year or range of the edition (for schema.org), null when undated. */
  readonly yearFrom: number | null;
  readonly yearTo: number | null;
  readonly fields: readonly PublicField[];
  readonly persons: ReadonlyArray<{ name: string; dynasty: string | null; role: string | null }>;
  readonly institution: { readonly name: string; readonly province: string | null; readonly url: string };
  readonly rights: { readonly statement: RightsStatement; readonly uri: string };
  /** Pages of the book the public may see (empty when none, or when the statement withholds them). */
  readonly thumbnails: readonly PageThumbnail[];
  readonly pageCount: number;
  /** The whole book as PDF, when the public may have its images and it has pages. */
  readonly bookPdfUrl: string | null;
  readonly sameEdition: { readonly grouped: boolean; readonly copies: readonly OtherCopy[] };
  readonly citations: { readonly gbt7714: string; readonly chicago: string };
  readonly updatedAt: string;
}

/** How many thumbnails the strip shows at most (the viewer has them all). */
export const THUMBNAIL_STRIP_LIMIT = 40;

function description(view: RecordPageView): string {
  const parts = [view.title, view.authors, view.edition, `${view.institution.name}藏`].filter(Boolean);
  const text = parts.join('　');
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

function fieldList(fields: readonly PublicField[]): SafeHtml {
  return markup`<dl class="pp-fields">
    ${fields.map(
      (f) =>
        markup`<dt>${f.labelZh} <span lang="en">${f.labelEn}</span></dt>
          <dd data-field="${f.key}"${f.key === 'censusNumber' ? markup` class="pp-census-number"` : null}>${f.value}</dd>`,
    )}
  </dl>`;
}

function thumbnailStrip(view: RecordPageView): SafeHtml {
  const text = RIGHTS_STATEMENT_TEXT[view.rights.statement];
  if (view.rights.statement !== 'open') {
    return markup`<p class="pp-rights-note">
      ${text.labelZh}：${text.termsZh} <span class="pp-en" lang="en">${text.labelEn}: ${text.termsEn}</span>
    </p>`;
  }
  if (view.thumbnails.length === 0) {
    return markup`<p>暂无图像。<span class="pp-en" lang="en">No page images yet.</span></p>`;
  }
  const more = view.pageCount - view.thumbnails.length;
  return markup`<ul class="pp-thumbs" aria-label="书影 Page images">
      ${view.thumbnails.map(
        (t, i) =>
          markup`<li>
            <a href="${t.full}"
              ><img
                src="${t.url}"
                width="${t.width}"
                height="${t.height}"
                loading="${i < 6 ? 'eager' : 'lazy'}"
                alt="${t.label || `第 ${i + 1} 页`}"
            /></a>
            ${t.label}
            <span class="pp-page-downloads"
              >下载 <span lang="en">Download</span>:
              ${t.downloads.map(
                (d) =>
                  markup` <a href="${d.url}" download="${d.fileName}"
                    >${d.edge ? `${d.edge} px` : markup`原图 <span lang="en">full size</span>`}</a
                  >`,
              )}</span
            >
          </li>`,
      )}
    </ul>
    <p class="pp-count">
      共 ${view.pageCount} 页${more > 0 ? `，此处列出前 ${view.thumbnails.length} 页` : ''}。
      <span lang="en"
        >${view.pageCount} pages${more > 0 ? `; the first ${view.thumbnails.length} shown here` : ''}.</span
      >
    </p>`;
}

function rightsBlock(view: RecordPageView): SafeHtml {
  const text = RIGHTS_STATEMENT_TEXT[view.rights.statement];
  return markup`<div class="pp-rights" data-rights="${view.rights.statement}">
    <p><strong>${text.labelZh}</strong> <span lang="en">${text.labelEn}</span></p>
    <p>${text.termsZh}<br /><span class="pp-en" lang="en">${text.termsEn}</span></p>
    <p><a href="${view.rights.uri}" rel="license">${view.rights.uri}</a></p>
  </div>`;
}

function sameEditionBlock(view: RecordPageView): SafeHtml {
  const { grouped, copies } = view.sameEdition;
  if (!grouped) {
    return markup`<p>
      该版本著录不足以确定同版（如抄本、稿本或仅著录朝代）。<span class="pp-en" lang="en"
        >The edition statement is too general (or a manuscript) to group copies of the same edition.</span
      >
    </p>`;
  }
  if (!copies.length) {
    return markup`<p>
      目录中暂无同版的其他藏本。<span class="pp-en" lang="en"
        >No other copy of this edition in the catalogue yet.</span
      >
    </p>`;
  }
  return markup`<ul class="pp-copies">
    ${copies.map(
      (c) =>
        markup`<li>
          <a href="${c.permalink}">${c.title}</a> — ${c.institutionName} <br /><span class="pp-edition"
            >${c.edition}</span
          >
          · <span class="pp-census-number">${c.censusNumber}</span>
          ·
          <a
            class="pp-compare"
            href="/compare?${new URLSearchParams({ left: view.censusNumber, right: c.censusNumber }).toString()}"
            >与本部对照 <span lang="en">Compare with this copy</span></a
          >
        </li>`,
    )}
  </ul>`;
}

/** schema.org description of the record (a Book held as an archive component by its institution). */
export function recordJsonLd(view: RecordPageView) {
  const year =
    view.yearFrom === null
      ? undefined
      : view.yearTo !== null && view.yearTo !== view.yearFrom
        ? `${view.yearFrom}/${view.yearTo}`
        : String(view.yearFrom);
  const field = (key: string) => view.fields.find((f) => f.key === key)?.value;
  return {
    '@context': 'https://schema.org',
    '@type': ['Book', 'ArchiveComponent'],
    '@id': view.permalink,
    url: view.permalink,
    name: view.title,
    ...(field('otherTitles') ? { alternateName: field('otherTitles') } : {}),
    ...(view.persons.length
      ? {
          author: view.persons.map((p) => ({
            '@type': 'Person',
            name: p.name,
            ...(p.dynasty || p.role ? { description: [p.dynasty, p.role].filter(Boolean).join(' ') } : {}),
          })),
        }
      : {}),
    bookEdition: view.edition,
    ...(field('publisher') ? { publisher: { '@type': 'Organization', name: field('publisher') } } : {}),
    ...(year ? { temporalCoverage: year, dateCreated: year } : {}),
    inLanguage: 'zh',
    identifier: [
      { '@type': 'PropertyValue', propertyID: '普查登记编号', value: view.censusNumber },
      ...(field('callNumber')
        ? [{ '@type': 'PropertyValue', propertyID: '索书号', value: field('callNumber') }]
        : []),
    ],
    holdingArchive: {
      '@type': 'ArchiveOrganization',
      name: view.institution.name,
      url: view.institution.url,
      ...(view.institution.province ? { address: view.institution.province } : {}),
    },
    license: view.rights.uri,
    ...(view.thumbnails[0] ? { image: view.thumbnails[0].url } : {}),
    ...(view.pageCount ? { numberOfPages: view.pageCount } : {}),
    subjectOf: { '@type': 'CreativeWork', encodingFormat: 'application/ld+json', url: view.manifestUrl },
    dateModified: view.updatedAt,
  };
}

/** The HTML document of a record's public page. */
export function renderRecordPage(view: RecordPageView): string {
  const body = markup`<nav class="pp-breadcrumb" aria-label="位置 Breadcrumb">
      <a href="${view.catalogueUrl}">公共目录 <span lang="en">Catalogue</span></a> ›
      ${view.type === 'guji' ? '古籍' : '民国文献'}
    </nav>
    <article>
      <h1 lang="zh">${view.title}</h1>
      ${view.authors ? markup`<p class="pp-byline">${view.authors}</p>` : null}
      <p class="pp-edition">${view.edition}</p>
      <ul class="pp-tags">
        <li>${view.institution.name}</li>
        <li><span class="pp-census-number">${view.censusNumber}</span></li>
        <li>${RIGHTS_STATEMENT_TEXT[view.rights.statement].labelZh}</li>
      </ul>
      <section aria-labelledby="h-images">
        <h2 id="h-images">书影 <span class="pp-en" lang="en">Pages</span></h2>
        ${thumbnailStrip(view)}
        <div class="pp-actions">
          ${
            view.thumbnails.length
              ? markup`<a class="pp-button pp-read" href="/records/${encodeURIComponent(view.censusNumber)}#read"
                >阅读 <span lang="en">Read</span></a
              >`
              : null
          }
          <a
            class="pp-iiif"
            href="${view.manifestUrl}?manifest=${encodeURIComponent(view.manifestUrl)}"
            title="IIIF 清单：拖入任意 IIIF 阅读器 · IIIF manifest: drag into any IIIF viewer"
            data-manifest="${view.manifestUrl}"
            >${iiifLogo()} IIIF 清单 <span lang="en">manifest</span></a
          >
          ${
            view.bookPdfUrl
              ? markup`<a class="pp-download" href="${view.bookPdfUrl}" download
                >整书 PDF <span lang="en">Whole book as PDF</span> (${view.pageCount} 页)</a
              >`
              : null
          }
        </div>
      </section>
      <section aria-labelledby="h-description">
        <h2 id="h-description">著录 <span class="pp-en" lang="en">Description</span></h2>
        ${fieldList(view.fields)}
      </section>
      <section aria-labelledby="h-rights">
        <h2 id="h-rights">使用条件 <span class="pp-en" lang="en">Rights</span></h2>
        ${rightsBlock(view)}
      </section>
      <section aria-labelledby="h-cite">
        <h2 id="h-cite">引用 <span class="pp-en" lang="en">Cite</span></h2>
        <p>GB/T 7714-2015</p>
        <p class="pp-citation" data-style="gbt7714">${view.citations.gbt7714}</p>
        <p>Chicago</p>
        <p class="pp-citation" data-style="chicago">${view.citations.chicago}</p>
        <p>永久链接 <span lang="en">Permalink</span>: <a href="${view.permalink}">${view.permalink}</a></p>
      </section>
      <section aria-labelledby="h-same">
        <h2 id="h-same">同版其他藏本 <span class="pp-en" lang="en">Other copies of this edition</span></h2>
        ${sameEditionBlock(view)}
      </section>
    </article>`;
  return renderPage({
    title: `${view.title} · ${view.institution.name} · 古籍普查登记目录`,
    description: description(view),
    canonical: view.permalink,
    ogType: 'book',
    ogImage: view.thumbnails[0]?.url ?? null,
    jsonLd: recordJsonLd(view),
    links: [
      { rel: 'alternate', href: view.manifestUrl, type: 'application/ld+json', title: 'IIIF manifest' },
    ],
    body,
  });
}

/** The 404 page of a census number that is not a published record. */
export function renderRecordNotFound(censusNumber: string, catalogueUrl: string): string {
  return renderPage({
    title: '未找到记录 · Record not found',
    description: '该普查登记编号没有已发布的记录。',
    body: markup`<h1>未找到记录 <span lang="en">Record not found</span></h1>
      <p>普查登记编号 <span class="pp-census-number">${censusNumber}</span> 没有已发布的记录。</p>
      <p lang="en">There is no published record with census number ${censusNumber}.</p>
      <p>
        <a href="${catalogueUrl}">返回公共目录 <span lang="en">Back to the catalogue</span></a>
      </p>`,
  });
}
