// The restoration record (修复档案) as one print-ready A4 page: Chinese typography (Songti body, Heiti
// headings, generous line height), tables that do not split rows across pages, images at print size.

import type { RestorationRecord } from './restoration-record.presenter.js';

function esc(v: unknown): string {
  return String(v ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

const dash = (v: unknown) => (v === null || v === undefined || v === '' ? '—' : esc(v));

function photoGrid(photos: RestorationRecord['duringPhotos']): string {
  if (!photos.length) return '<p class="none">（无照片 no photos）</p>';
  return `<div class="photos">${photos
    .map(
      (p) =>
        `<figure><img src="${esc(p.service)}/full/!600,600/0/default.jpg" alt="${esc(p.caption ?? p.phase)}"><figcaption>${dash(p.caption)}</figcaption></figure>`,
    )
    .join('')}</div>`;
}

function rows(pairs: Array<[string, unknown]>): string {
  return pairs.map(([k, v]) => `<tr><th>${k}</th><td>${dash(v)}</td></tr>`).join('');
}

const STYLE = `
@page { size: A4; margin: 20mm 18mm; }
body { font-family: "Songti SC", "SimSun", "Noto Serif CJK SC", "Source Han Serif SC", serif; font-size: 10.5pt; line-height: 1.75; color: #111; margin: 0 auto; max-width: 174mm; }
h1, h2 { font-family: "Heiti SC", "SimHei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif; }
h1 { font-size: 18pt; text-align: center; letter-spacing: 0.3em; margin: 0 0 4mm; }
h2 { font-size: 12pt; border-bottom: 1px solid #333; margin: 6mm 0 2mm; break-after: avoid; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0; }
th, td { border: 1px solid #555; padding: 1mm 2mm; text-align: left; vertical-align: top; }
th { background: #f2efe8; width: 28mm; font-weight: normal; }
tr { break-inside: avoid; }
.photos { display: grid; grid-template-columns: repeat(2, 1fr); gap: 3mm; }
figure { margin: 0; break-inside: avoid; } figure img { width: 100%; border: 1px solid #999; }
figcaption { font-size: 9pt; text-align: center; }
.meta { text-align: center; font-size: 9pt; color: #444; }
.none { color: #666; }
@media screen { body { padding: 10mm; background: #fff; } }
`;

/** Renders the restoration record as a standalone HTML document. */
export function renderRestorationRecord(r: RestorationRecord): string {
  const m = r.materials;
  const list = (xs: readonly string[] | undefined) => (xs?.length ? xs.join('、') : null);
  const papers = m?.repairPaper
    .map((p) =>
      [p.type, p.origin, p.weightGsm != null ? `${p.weightGsm} g/m²` : null, p.toning]
        .filter(Boolean)
        .join('，'),
    )
    .join('；');
  const pastes = m?.paste.map((p) => [p.type, p.concentration].filter(Boolean).join('，')).join('；');
  return `<!doctype html>
<html lang="zh-Hans"><head><meta charset="utf-8"><title>修复档案 ${esc(r.item.censusNumber)}</title><style>${STYLE}</style></head>
<body>
<h1>古籍修复档案</h1>
<p class="meta">工单 ${esc(r.workOrderId)} · 状态 ${esc(r.stateLabel.zh)} · 生成于 ${esc(r.generatedAt.slice(0, 10))}</p>
<h2>一、古籍信息 Item</h2>
<table>${rows([
    ['普查编号', r.item.censusNumber],
    ['题名', r.item.title],
    ['索书号', r.item.callNumber],
    ['版本类型', r.item.edition],
    ['定级', r.item.grade],
    ['珍贵古籍名录号', r.item.preciousListNumber],
    ['收藏单位', r.item.institution],
    ['修复单位', r.centre?.name ?? r.holding.name],
    ['存放位置', r.custody],
  ])}</table>
<h2>二、修复前状况 Condition before</h2>
<table>${rows([
    ['破损等级', r.condition.before.level],
    ['评估日期', r.condition.before.assessment?.assessedOn],
    ['评估人', r.condition.before.assessment?.assessor],
    [
      '破损情况',
      r.condition.before.assessment?.observations
        .map((o) => `${o.damageTypeZh}${o.areaPercent != null ? ` ${o.areaPercent}%` : ''}`)
        .join('、'),
    ],
  ])}</table>
${photoGrid(r.condition.before.photos)}
<h2>三、修复方案 Plan</h2>
<table>${rows([
    ['技法及理由', r.plan?.techniques.map((t) => `${t.technique}：${t.reason}`).join('；')],
    ['预计叶数', r.plan?.estimatedLeaves],
    ['预计工时', r.plan?.estimatedHours],
    ['风险', r.plan?.risks],
  ])}</table>
<h2>四、修复材料 Materials</h2>
<table>${rows([
    ['补纸', papers],
    ['浆糊', pastes],
    ['线', list(m?.thread)],
    ['染料', list(m?.dyes)],
    ['脱酸剂', list(m?.deacidificationAgent)],
  ])}</table>
<h2>五、修复过程 Log</h2>
<table><tr><th>日期</th><th>修复师</th><th>步骤</th><th>叶数</th><th>工时</th><th>说明</th></tr>
${r.log.map((e) => `<tr><td>${esc(e.workDate)}</td><td>${dash(e.conservator?.displayName)}</td><td>${esc(e.step)}</td><td>${e.leavesTreated}</td><td>${e.hours}</td><td>${dash(e.notes)}</td></tr>`).join('')}
<tr><th colspan="3">合计 Totals</th><td>${r.totals.leaves} 叶</td><td>${r.totals.hours} 小时</td><td></td></tr></table>
<p>所用技法：${dash(r.techniques.join('、'))}</p>
${photoGrid(r.duringPhotos)}
<h2>六、修复后状况 Condition after</h2>
<table>${rows([
    ['破损等级', r.condition.after.level],
    ['评估日期', r.condition.after.assessment?.assessedOn],
    ['评估人', r.condition.after.assessment?.assessor],
  ])}</table>
${photoGrid(r.condition.after.photos)}
<h2>七、人员 Personnel</h2>
<table>${r.personnel.map((p) => `<tr><th>${esc(p.displayName)}</th><td>${esc(p.roles.join('、'))}</td></tr>`).join('') || '<tr><td>—</td></tr>'}</table>
<h2>八、验收 Acceptance</h2>
<table>${rows([
    ['验收人', r.acceptance?.by?.displayName],
    ['验收日期', r.acceptance?.at.slice(0, 10)],
    ['质量评级', r.acceptance?.rating],
    ['验收意见', r.acceptance?.findings],
  ])}</table>
</body></html>`;
}
