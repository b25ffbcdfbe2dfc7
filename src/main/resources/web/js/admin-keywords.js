// Admin: watched keywords. Errors are shown at their position when the server gives one; the
// preview uses /api/keywords/preview when it exists, else an approximate match over recent mentions.
import { api, optional } from './api.js';
import { h, mount, say, field, clear, when } from './dom.js';

/** Where the server says the query is wrong: position/column/offset (0-based), if it says. */
export function errorPosition(body) {
  if (!body) return null;
  const first = Array.isArray(body.errors) && body.errors.length ? body.errors[0] : body;
  for (const key of ['position', 'offset', 'column']) {
    if (Number.isInteger(first[key])) return key === 'column' ? Math.max(0, first[key] - 1) : first[key];
  }
  // The query parser says "... at position N" (1-based) in its message.
  const said = /at position (\d+)/.exec(first.message || '');
  return said ? Math.max(0, Number(said[1]) - 1) : null;
}

function errorView(query, error) {
  const at = errorPosition(error.body);
  const message = (error.body && Array.isArray(error.body.errors) && error.body.errors[0] && error.body.errors[0].message) || error.message;
  const parts = [h('p', {}, message)];
  if (at !== null && at <= query.length) {
    parts.push(h('pre', { class: 'query-error', 'aria-label': `error at character ${at + 1}` },
      query.slice(0, at), h('mark', { class: 'error-at' }, query.slice(at, at + 1) || ' '), query.slice(at + 1),
      '\n', ' '.repeat(at), '^'));
    parts.push(h('p', { class: 'muted' }, `at character ${at + 1}`));
  }
  return parts;
}

async function preview(query) {
  const server = await optional('/api/keywords/preview', { method: 'POST', body: { query } });
  if (server !== null) {
    return { approximate: false, items: server.items || server.matches || server.mentions || server };
  }
  const recent = await api('/api/mentions?limit=200');
  const needle = query.trim().toLowerCase();
  return { approximate: true, items: needle ? recent.items.filter((m) => m.text.toLowerCase().includes(needle)) : [] };
}

export async function showKeywords() {
  const term = h('input', { id: 'keyword-term', name: 'term', maxlength: 1000, required: true, autocomplete: 'off', 'aria-describedby': 'keyword-error' });
  const brand = h('input', { id: 'keyword-brand', name: 'brand', maxlength: 100, autocomplete: 'off' });
  const error = h('div', { id: 'keyword-error', class: 'error', role: 'alert' });
  const previewBox = h('section', { class: 'panel', id: 'preview', 'aria-live': 'polite', 'aria-labelledby': 'preview-title' }, h('h2', { id: 'preview-title' }, 'Preview'));
  const list = h('tbody', { id: 'keyword-list' });
  const form = h('form', { class: 'panel', 'aria-labelledby': 'add-title' },
    h('h2', { id: 'add-title' }, 'Watch a keyword'),
    field('Keyword or query', term, 'Matched against every post we fetch; the preview shows recent matches as you type.'),
    field('Brand (optional)', brand),
    error,
    h('button', { type: 'submit', class: 'primary', id: 'add-keyword' }, 'Add keyword'));

  const load = async () => {
    const keywords = await api('/api/keywords');
    clear(list).append(...keywords.map((k) => h('tr', {},
      h('th', { scope: 'row', dir: 'auto' }, k.term), h('td', {}, k.brand || ''), h('td', {}, when(k.createdAt)),
      h('td', {}, h('button', { type: 'button', class: 'danger', 'aria-label': `Stop watching ${k.term}`, onclick: async () => {
        try { await api(`/api/keywords/${k.id}`, { method: 'DELETE' }); say(`Stopped watching ${k.term}.`); await load(); } catch (e) { say(e.message, 'error'); }
      } }, 'Remove')))));
  };

  let timer = null;
  const updatePreview = () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = term.value;
      try {
        const result = await preview(q);
        clear(previewBox).append(
          h('h2', { id: 'preview-title' }, `Preview: ${result.items.length} matching mention${result.items.length === 1 ? '' : 's'}`),
          result.approximate ? h('p', { class: 'muted' }, 'Approximate: plain text search over the 200 most recent mentions (the server-side preview is not available yet).') : null,
          h('ul', { class: 'preview-list' }, result.items.slice(0, 20).map((m) => h('li', {}, h('span', { class: `badge net-${m.network}` }, m.network), ' ', h('span', { dir: 'auto' }, m.text)))));
        if (!result.approximate) clear(error);
      } catch (e) {
        clear(previewBox).append(h('h2', { id: 'preview-title' }, 'Preview'), ...errorView(q, e));
      }
    }, 300);
  };
  term.addEventListener('input', updatePreview);

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(error);
    const q = term.value;
    try {
      const created = await api('/api/keywords', { method: 'POST', body: { term: q, brand: brand.value || null } });
      say(`Now watching ${created.term}.`);
      await load();
      updatePreview();
    } catch (e) {
      error.append(...errorView(q, e));
      term.setAttribute('aria-invalid', 'true');
      term.focus();
      return;
    }
    term.removeAttribute('aria-invalid');
  });

  mount(h('h1', {}, 'Keywords'), h('div', { class: 'grid2' }, form, previewBox),
    h('section', { class: 'panel' }, h('table', {}, h('caption', {}, 'Watched keywords'),
      h('thead', {}, h('tr', {}, ['Keyword', 'Brand', 'Since', ''].map((x) => h('th', { scope: 'col' }, x)))), list)));
  await load();
  return () => clearTimeout(timer);
}
