// The stylesheet of the server-rendered public pages: one file at a URL named by its content, so a
// browser (or a proxy) keeps it for good and a reader paging through records fetches it once; a
// changed stylesheet is a new URL. (Inlined, it was a fifth of every record page's bytes.) A constant
// of this module, never built from data.

import crypto from 'node:crypto';

const CSS = `
:root { color-scheme: light; --ink: #1f1d1a; --muted: #5d5850; --line: #ddd6ca; --paper: #fbf8f2; --accent: #8c2f1b; --link: #1d4f91; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.65 "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", serif; color: var(--ink); background: var(--paper); }
a { color: var(--link); }
a:focus-visible, button:focus-visible, input:focus-visible { outline: 3px solid #f0b429; outline-offset: 2px; }
.skip-link { position: absolute; left: -999px; }
.skip-link:focus { left: 8px; top: 8px; background: #fff; padding: 4px 8px; z-index: 2; }
.pp-header { display: flex; flex-wrap: wrap; gap: 12px 24px; align-items: center; justify-content: space-between; padding: 12px 20px; background: #fff; border-bottom: 1px solid var(--line); }
.pp-brand { display: flex; align-items: center; gap: 8px; font-weight: 700; color: var(--ink); text-decoration: none; }
.pp-seal { display: inline-grid; place-items: center; width: 30px; height: 30px; background: var(--accent); color: #fff; border-radius: 4px; }
.pp-search { display: flex; gap: 6px; align-items: center; flex: 1 1 320px; max-width: 560px; }
.pp-search label { position: absolute; left: -999px; }
.pp-search input { flex: 1; min-width: 0; padding: 7px 10px; font: inherit; border: 1px solid #b9b0a2; border-radius: 4px; }
.pp-search button, .pp-button { padding: 7px 14px; font: inherit; color: #fff; background: var(--accent); border: 0; border-radius: 4px; cursor: pointer; text-decoration: none; display: inline-block; }
.pp-main { max-width: 1080px; margin: 0 auto; padding: 20px; }
.pp-footer { max-width: 1080px; margin: 32px auto 0; padding: 16px 20px; color: var(--muted); font-size: 14px; border-top: 1px solid var(--line); }
.pp-breadcrumb { font-size: 14px; color: var(--muted); }
h1 { font-size: 28px; line-height: 1.35; margin: 8px 0 4px; overflow-wrap: anywhere; }
h2 { font-size: 19px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
.pp-byline { margin: 0; font-size: 18px; overflow-wrap: anywhere; }
.pp-edition { margin: 2px 0 10px; color: var(--muted); overflow-wrap: anywhere; }
.pp-tags { display: flex; flex-wrap: wrap; gap: 8px; margin: 10px 0; padding: 0; list-style: none; font-size: 14px; }
.pp-tags li { padding: 2px 8px; border: 1px solid var(--line); border-radius: 999px; background: #fff; }
.pp-census-number { font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 15px; white-space: nowrap; }
.pp-fields { display: grid; grid-template-columns: minmax(7em, max-content) 1fr; gap: 6px 18px; margin: 0; }
.pp-fields dt { color: var(--muted); }
.pp-fields dd { margin: 0; overflow-wrap: anywhere; }
.pp-fields dt span, .pp-en { font-size: 0.85em; color: var(--muted); }
.pp-thumbs { display: flex; gap: 10px; overflow-x: auto; padding: 4px 2px 12px; margin: 0; list-style: none; direction: rtl; }
.pp-thumbs li { flex: 0 0 auto; direction: ltr; text-align: center; font-size: 13px; color: var(--muted); }
.pp-thumbs img { display: block; height: 160px; width: auto; background: #eee; border: 1px solid var(--line); }
.pp-page-downloads { display: block; font-size: 12px; }
.pp-page-downloads a { margin-left: 2px; }
.pp-actions { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; margin: 12px 0; }
.pp-iiif, .pp-download { display: inline-flex; align-items: center; gap: 6px; padding: 5px 10px; border: 1px solid var(--line); border-radius: 4px; background: #fff; text-decoration: none; color: var(--ink); }
.pp-rights { padding: 10px 14px; background: #fff; border-left: 4px solid var(--accent); }
.pp-citation { margin: 6px 0 14px; padding: 10px 14px; background: #fff; border: 1px solid var(--line); border-radius: 4px; overflow-wrap: anywhere; }
.pp-copies, .pp-results { padding: 0; list-style: none; }
.pp-copies li { padding: 8px 0; border-bottom: 1px dashed var(--line); }
.pp-results li { display: flex; gap: 14px; padding: 14px 0; border-bottom: 1px solid var(--line); }
.pp-results h2 { border: 0; margin: 0 0 2px; padding: 0; font-size: 19px; }
.pp-results p { margin: 0; overflow-wrap: anywhere; }
.pp-result-thumb { flex: 0 0 80px; }
.pp-result-thumb img { width: 80px; height: auto; border: 1px solid var(--line); }
.pp-count { color: var(--muted); }
.pp-empty { padding: 20px; background: #fff; border: 1px solid var(--line); }
.pp-pager { display: flex; gap: 16px; margin: 16px 0; }
@media (max-width: 600px) {
  .pp-fields { grid-template-columns: 1fr; gap: 0; }
  .pp-fields dd { margin-bottom: 8px; }
  h1 { font-size: 23px; }
  .pp-result-thumb { display: none; }
}
`;

/** The stylesheet's text. */
export const PUBLIC_PAGE_CSS = CSS;

/** Where the pages link it: the path carries a hash of the text. */
export const PUBLIC_PAGE_CSS_PATH = `/catalogue/style.${crypto.hash('sha256', CSS, 'hex').slice(0, 12)}.css`;
