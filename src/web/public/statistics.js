// /statistics — counts by grade, 等次, damage level and acidity band, and census completion per
// institution, drawn with Chart.js served by the app itself (/static/vendor/chart.umd.js, no CDN).

import { h, replace } from './dom.js';
import { pick } from './i18n.js';
import { api } from './api.js';
import { dataTable, pageHeader } from './components.js';

let chartLoaded = null;

/** Loads the Chart.js UMD bundle once (global `Chart`). */
function loadChart() {
  chartLoaded ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = '/static/vendor/chart.umd.js';
    script.onload = () => resolve(window.Chart);
    script.onerror = () => reject(new Error('chart.js failed to load'));
    document.head.append(script);
  });
  return chartLoaded;
}

/** A category as shown: the server's label in the page language, else the value as written. */
const shown = (r, key) => (r.label?.zh ? pick(r.label.zh, r.label.en) : String(r[key] ?? '—'));

function chartPanel(title, rows, key) {
  const canvas = h('canvas', { role: 'img', 'aria-label': title });
  const table = h(
    'table',
    { class: 'data-table' },
    h('caption', {}, title),
    h(
      'tbody',
      {},
      rows.map((r) => h('tr', {}, h('th', { scope: 'row' }, shown(r, key)), h('td', {}, String(r.count)))),
    ),
  );
  return {
    panel: h('section', { class: 'panel stats-panel' }, h('h2', {}, title), canvas, table),
    canvas,
    rows,
    key,
  };
}

/** The server's label of a value in one of its labelled lists (the value itself when not listed). */
function labelIn(rows, key, value) {
  const row = rows.find((r) => r[key] === value);
  return row ? pick(row.label.zh, row.label.en) : value;
}

/** Draws the statistics page. */
export async function renderStatistics(ctx) {
  const data = await api.get('/api/statistics', Object.fromEntries(ctx.query));
  if (!ctx.isCurrent()) return;
  ctx.setTitle(pick('统计', 'Statistics'));
  const panels = [
    chartPanel(pick('按古籍级别', 'By grade'), data.byGrade, 'grade'),
    chartPanel(pick('按等次', 'By class'), data.byRank, 'label'),
    chartPanel(pick('按破损级别', 'By damage level'), data.byDamageLevel, 'level'),
    chartPanel(pick('按酸化程度', 'By acidity'), data.byAcidityBand, 'band'),
  ];
  replace(
    ctx.view,
    pageHeader(pick('普查统计', 'Census statistics')),
    h(
      'p',
      { 'data-testid': 'stats-total' },
      `${pick('范围', 'Scope')}: ${pick(data.scope.label.zh, data.scope.label.en)} · ${pick('记录', 'records')} ${data.total}`,
    ),
    h(
      'div',
      { class: 'stats-grid' },
      panels.map((p) => p.panel),
    ),
    h('h2', {}, pick('各单位普查进度', 'Census completion per institution')),
    dataTable({
      caption: pick('各单位普查进度', 'Census completion per institution'),
      rowKey: (r) => r.institutionId,
      columns: [
        { label: pick('收藏单位', 'Institution'), cell: (r) => r.institutionName ?? r.institutionId },
        { label: pick('记录数', 'Records'), cell: (r) => String(r.total) },
        {
          label: pick('状态', 'Status'),
          cell: (r) =>
            Object.entries(r.byStatus)
              .map(([k, v]) => `${labelIn(data.byStatus, 'status', k)} ${v}`)
              .join(' · '),
        },
        {
          label: pick('完整程度', 'Tier'),
          cell: (r) =>
            Object.entries(r.byTier)
              .map(([k, v]) => `${labelIn(data.byTier, 'tier', k)} ${v}`)
              .join(' · '),
        },
      ],
      rows: data.completion,
    }),
  );
  try {
    const Chart = await loadChart();
    for (const p of panels) {
      new Chart(p.canvas, {
        type: 'bar',
        data: {
          labels: p.rows.map((r) => shown(r, p.key)),
          datasets: [{ label: pick('记录数', 'records'), data: p.rows.map((r) => r.count) }],
        },
        options: { animation: false, plugins: { legend: { display: false } } },
      });
    }
  } catch {
    // The tables beside each chart carry the same numbers.
  }
}
