// The page a reader's browser gets when a request is refused or fails outside the API: the same
// frame as the catalogue's pages, the reason in both languages, and a way back. A scholar who
// follows a broken link or edits a URL by hand meets a page, not a line of JSON.

import { markup } from './html.rules.js';
import { renderPage } from './page-layout.presenter.js';

/** What went wrong, as the error middleware knows it. */
export interface ErrorPageView {
  readonly status: number;
  readonly messageZh: string;
  readonly messageEn: string;
  /** Field-level reasons (a refused query parameter), each in both languages. */
  readonly details: ReadonlyArray<{ readonly messageZh: string; readonly messageEn: string }>;
  /** Quoted on server errors, so the reader can report it. */
  readonly requestId?: string;
}

/** The heading of each kind of failure, in Chinese and English. */
function headingOf(status: number): readonly [string, string] {
  if (status === 404) return ['页面不存在', 'Page not found'];
  if (status === 401 || status === 403) return ['无权访问', 'Not allowed'];
  if (status === 429) return ['请求过于频繁', 'Too many requests'];
  if (status >= 500) return ['服务器出错', 'Server error'];
  return ['请求有误', 'Bad request'];
}

/** The whole HTML document of a failed request (never indexed). */
export function renderErrorPage(view: ErrorPageView): string {
  const [zh, en] = headingOf(view.status);
  const reasons = view.details.length ? view.details : [view];
  return renderPage({
    title: `${zh} · ${en}`,
    description: view.messageZh,
    body: markup`<h1>${zh} <span class="pp-en" lang="en">${en}</span></h1>
      <div class="pp-empty" role="alert">
        ${reasons.map((r) => markup`<p>${r.messageZh}</p><p lang="en">${r.messageEn}</p>`)}
        ${
          view.status >= 500 && view.requestId
            ? markup`<p>请求编号 <span lang="en">Request id</span>: <code>${view.requestId}</code></p>`
            : null
        }
      </div>
      <p>
        <a href="/catalogue/search">返回公共目录 <span lang="en">Back to the catalogue</span></a>
      </p>`,
  });
}
