// Marketer dashboard. Uses /api/trends and /api/alerts when the server has them; until then it
// computes what one page of /api/mentions can tell, and says so on the page.
import { api, optional } from './api.js';
import { h, mount, say, field, clear, notAvailable, duration } from './dom.js';
import { loadChartJs, COLORS } from './charts.js';

const RANGES = { '24h': 24 * 3600e3, '7d': 7 * 24 * 3600e3, '30d': 30 * 24 * 3600e3 };
const STOP = new Set('the a an and or but to of in on at for is are was were be been it its this that with my me i you your we our they their not no so just have has had do does did can cant can\'t dont don\'t im i\'m from by as if than then about again still all any what why how when who'.split(' '));

function bucketSize(rangeMs) { return rangeMs <= RANGES['24h'] ? 3600e3 : 24 * 3600e3; }

export function summarise(mentions, since, rangeMs, now = Date.now()) {
  const size = bucketSize(rangeMs);
  const start = Math.floor(since / size) * size;
  const buckets = [];
  for (let t = start; t <= now; t += size) buckets.push({ t, negative: 0, neutral: 0, positive: 0, unscored: 0, pending: 0, detractors: 0 });
  const byNetwork = {}; const byLanguage = {}; const words = {};
  let detractors = 0;
  for (const m of mentions) {
    const at = Date.parse(m.postedAt);
    const b = buckets[Math.min(buckets.length - 1, Math.max(0, Math.floor((at - start) / size)))];
    const label = m.sentimentLabel || (m.sentimentStatus === 'pending' ? 'pending' : 'unscored');
    b[label] = (b[label] || 0) + 1;
    if (m.detractor) { b.detractors += 1; detractors += 1; }
    byNetwork[m.network] = (byNetwork[m.network] || 0) + 1;
    const lang = m.language || '?';
    byLanguage[lang] = (byLanguage[lang] || 0) + 1;
    if (m.detractor) {
      for (const w of m.text.toLowerCase().split(/[^\p{L}\p{N}'@#&]+/u)) {
        if (w.length > 3 && !STOP.has(w) && !w.startsWith('@')) words[w] = (words[w] || 0) + 1;
      }
    }
  }
  const topWords = Object.entries(words).sort((a, b) => b[1] - a[1]).slice(0, 10);
  return { buckets, size, byNetwork, byLanguage, topWords, total: mentions.length, detractors };
}

function table(caption, rows, headers) {
  return h('table', {}, h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headers.map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, rows.map((r) => h('tr', {}, r.map((cell, i) => (i === 0 ? h('th', { scope: 'row', dir: 'auto' }, cell) : h('td', {}, cell)))))));
}

function csvLink(s) {
  const lines = ['bucket_start,negative,neutral,positive,unscored,pending,detractors'];
  for (const b of s.buckets) lines.push([new Date(b.t).toISOString(), b.negative, b.neutral, b.positive, b.unscored, b.pending, b.detractors].join(','));
  const url = URL.createObjectURL(new Blob([lines.join('\n') + '\n'], { type: 'text/csv' }));
  return h('a', { href: url, download: 'complaint-desk-volume.csv', class: 'button', id: 'csv-export' }, 'Export CSV');
}

async function drawVolume(canvas, s) {
  const Chart = await loadChartJs();
  const labels = s.buckets.map((b) => (s.size < 86400e3 ? new Date(b.t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : new Date(b.t).toLocaleDateString()));
  return new Chart(canvas, {
    type: 'bar',
    data: {
      labels,
      datasets: ['negative', 'neutral', 'positive', 'unscored', 'pending'].map((k) => ({ label: k, data: s.buckets.map((b) => b[k]), backgroundColor: COLORS[k], stack: 'v' })),
    },
    options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } } },
  });
}

async function renderFallback(target, rangeKey) {
  const rangeMs = RANGES[rangeKey];
  const since = Date.now() - rangeMs;
  const page = await api(`/api/mentions?since=${encodeURIComponent(new Date(since).toISOString())}&limit=500`);
  const s = summarise(page.items, since, rangeMs);
  const canvas = h('canvas', { id: 'volume-chart', role: 'img', 'aria-label': `Mentions per ${s.size < 86400e3 ? 'hour' : 'day'} by sentiment` });
  const share = s.total ? Math.round((s.detractors / s.total) * 1000) / 10 : 0;
  clear(target).append(
    h('p', { class: 'notice', id: 'fallback-note' },
      `Computed in your browser from the latest ${page.items.length} mentions of this range${page.hasMore ? ' (more exist; the trends service will give exact figures)' : ''}.`),
    h('div', { class: 'kpis' },
      h('div', { class: 'kpi' }, h('span', { class: 'kpi-value', id: 'kpi-volume' }, String(s.total)), h('span', {}, 'mentions')),
      h('div', { class: 'kpi' }, h('span', { class: 'kpi-value', id: 'kpi-detractors' }, `${share}%`), h('span', {}, 'detractor share')),
      h('div', { class: 'kpi' }, h('span', { class: 'kpi-value' }, String(Object.keys(s.byNetwork).length)), h('span', {}, 'networks'))),
    h('section', { class: 'panel', 'aria-labelledby': 'vol-title' }, h('h2', { id: 'vol-title' }, 'Volume by sentiment'),
      h('div', { class: 'chart-box' }, canvas), csvLink(s)),
    h('div', { class: 'grid2' },
      h('section', { class: 'panel' }, table('By network', Object.entries(s.byNetwork).sort((a, b) => b[1] - a[1]), ['network', 'mentions'])),
      h('section', { class: 'panel' }, table('By language', Object.entries(s.byLanguage).sort((a, b) => b[1] - a[1]), ['language', 'mentions'])),
      h('section', { class: 'panel' }, s.topWords.length ? table('Top words in detractor posts', s.topWords, ['word', 'posts']) : h('p', { class: 'muted' }, 'No detractor posts in this range.'))));
  return drawVolume(canvas, s);
}

async function renderTrends(target, trends, csvUrl) {
  // GET /api/trends: one series (no grouping) of points with volume and detractor share.
  const points = (trends.series && trends.series[0] && trends.series[0].points) || [];
  const Chart = await loadChartJs();
  const canvas = h('canvas', { id: 'trend-chart', role: 'img', 'aria-label': 'Volume and detractor share over time' });
  clear(target).append(h('section', { class: 'panel' }, h('h2', {}, 'Sentiment trend'), h('div', { class: 'chart-box' }, canvas),
    h('a', { href: csvUrl, class: 'button', id: 'csv-export' }, 'Export CSV')));
  const at = (p) => p.start || p.bucket || p.t || p.time;
  return new Chart(canvas, {
    type: 'line',
    data: {
      labels: points.map((p) => new Date(at(p)).toLocaleString()),
      datasets: [
        { label: 'volume', data: points.map((p) => p.volume ?? p.count ?? p.total ?? 0), borderColor: COLORS.volume, yAxisID: 'y' },
        { label: 'detractor share', data: points.map((p) => p.detractorShare ?? 0), borderColor: COLORS.detractors, yAxisID: 'y1' },
      ],
    },
    options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true }, y1: { position: 'right', min: 0, max: 1 } } },
  });
}

async function alertsPanel() {
  const alerts = await optional('/api/alerts').catch(() => null);
  if (alerts === null) return notAvailable('Spike alerts', 'alerts arrive with the trends service.');
  const items = alerts.items || alerts;
  return h('section', { class: 'panel', 'aria-labelledby': 'alerts-title' }, h('h2', { id: 'alerts-title' }, 'Spike alerts'),
    items.length ? h('ul', {}, items.map((a) => h('li', { dir: 'auto' }, a.message || a.title || JSON.stringify(a)))) : h('p', { class: 'muted' }, 'No spikes.'));
}

/** First-response percentiles (GET /api/trends/response-times: nearest-rank, whole range). */
async function percentilesPanel(from, to) {
  const rt = await optional(`/api/trends/response-times?from=${from.toISOString()}&to=${to.toISOString()}`).catch(() => null);
  if (rt === null) return notAvailable('Response times', 'percentiles arrive with the trends service.');
  const total = (rt.groups && rt.groups[0] && rt.groups[0].total) || { count: 0 };
  const ms = (v) => (v === null || v === undefined ? '—' : duration(v));
  const rows = [['cases answered', String(total.count)], ['median (p50)', ms(total.p50Ms)], ['p90', ms(total.p90Ms)], ['p95', ms(total.p95Ms)]];
  return h('section', { class: 'panel', id: 'response-times' }, table('First-response time percentiles', rows, ['percentile', 'time']));
}

/** Top complaint phrases (GET /api/trends/phrases) with one example post each, shown as text. */
async function phrasesPanel(from, to) {
  const report = await optional(`/api/trends/phrases?from=${from.toISOString()}&to=${to.toISOString()}&limit=10&examples=1`).catch(() => null);
  if (report === null) return notAvailable('Top complaint phrases', 'phrases arrive with the trends service.');
  const phrases = report.phrases || [];
  return h('section', { class: 'panel', 'aria-labelledby': 'phrases-title' }, h('h2', { id: 'phrases-title' }, 'Top complaint phrases'),
    phrases.length ? h('ol', { id: 'phrases', class: 'phrases' }, phrases.map((p) => h('li', {},
      h('strong', { dir: 'auto' }, p.phrase), ` — ${p.mentions} mention${p.mentions === 1 ? '' : 's'}`,
      p.examples && p.examples[0] ? h('blockquote', { dir: 'auto', class: 'post-text' }, p.examples[0].text) : null)))
      : h('p', { class: 'muted' }, 'No complaints in this range.'));
}

export async function showDashboard() {
  const range = h('select', { id: 'range' }, Object.keys(RANGES).map((k) => h('option', { value: k, selected: k === '24h' }, `last ${k}`)));
  const body = h('div', { id: 'dashboard-body' });
  const side = h('div', { class: 'grid2' });
  mount(h('h1', {}, 'Dashboard'), h('form', { class: 'toolbar', onsubmit: (e) => e.preventDefault() }, field('Range', range)), body, side);
  let chart = null;
  const draw = async () => {
    if (chart) { chart.destroy(); chart = null; }
    try {
      // Ranges end at the server's "now" (its answer's `to`), not the browser's clock.
      const tz = encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC');
      const bucket = RANGES[range.value] <= RANGES['24h'] ? 'hour' : 'day';
      const probe = await optional(`/api/trends?bucket=${bucket}&tz=${tz}`);
      let to = new Date(); let from = new Date(to.getTime() - RANGES[range.value]);
      if (probe) {
        to = new Date(probe.to); from = new Date(to.getTime() - RANGES[range.value]);
        const trends = await api(`/api/trends?from=${from.toISOString()}&to=${to.toISOString()}&bucket=${bucket}&tz=${tz}`);
        chart = await renderTrends(body, trends, `/api/trends?from=${from.toISOString()}&to=${to.toISOString()}&bucket=${bucket}&tz=${tz}&format=csv`);
      } else {
        chart = await renderFallback(body, range.value);
      }
      clear(side).append(await alertsPanel(), await percentilesPanel(from, to), await phrasesPanel(from, to));
    } catch (e) { say(e.message, 'error'); }
  };
  range.addEventListener('change', draw);
  await draw();
  return () => { if (chart) chart.destroy(); };
}
