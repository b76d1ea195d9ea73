import { CATALOGUE_HEADER } from '../spreadsheet/catalogue.js';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The opening of the printable census catalogue (普查登记目录): A4, Chinese typography. */
export function catalogueHtmlHead(
  institution: { name: string; fullCode: string; provinceName: string },
  generatedAt: Date,
): string {
  const title = `${institution.name}古籍普查登记目录`;
  return `<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>
@page { size: A4; margin: 18mm 15mm 20mm; @bottom-center { content: counter(page); } }
body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, serif; font-size: 10.5pt; line-height: 1.6; color: #111; }
h1 { text-align: center; font-size: 18pt; letter-spacing: 0.2em; margin: 0 0 4mm; }
p.meta { text-align: center; color: #444; margin: 0 0 6mm; font-size: 9pt; }
table { width: 100%; border-collapse: collapse; }
th, td { border-bottom: 0.5pt solid #888; padding: 1.5mm 1mm; vertical-align: top; text-align: left; }
th { border-bottom: 1pt solid #111; font-weight: 600; white-space: nowrap; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td.number { font-family: ui-monospace, monospace; white-space: nowrap; font-size: 9pt; }
</style></head><body>
<h1>${escape(title)}</h1>
<p class="meta">${escape(institution.provinceName)} · 单位代码 ${escape(institution.fullCode)} · 生成于 ${generatedAt.toISOString().slice(0, 10)}</p>
<table><thead><tr>${CATALOGUE_HEADER.map((h) => `<th>${escape(h)}</th>`).join('')}</tr></thead><tbody>
`;
}

/** One catalogue row as a table row. */
export function catalogueHtmlRow(cells: readonly string[]): string {
  return `<tr>${cells.map((c, i) => `<td${i === 0 ? ' class="number"' : ''}>${escape(c)}</td>`).join('')}</tr>\n`;
}

/** The closing of the catalogue page, with the count. */
export function catalogueHtmlTail(count: number): string {
  return `</tbody></table>\n<p class="meta">共 ${count} 部</p>\n</body></html>\n`;
}
