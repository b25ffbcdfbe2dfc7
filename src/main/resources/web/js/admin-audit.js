// Admin: the audit log, newest first, filtered by actor, action prefix and time range, paged.
// Each entry shows only the fields that changed (before → after); everything goes in as text.
import { api } from './api.js';
import { h, mount, clear, field, when, say } from './dom.js';

const PAGE = 50;

/** {a: {b: 1}, c: [2]} → {"a.b": 1, "c[0]": 2}: nested values as flat, comparable fields. */
export function flatten(value, prefix = '', out = {}) {
  if (value !== null && typeof value === 'object') {
    const entries = Array.isArray(value) ? value.map((v, i) => [`${prefix}[${i}]`, v]) : Object.entries(value).map(([k, v]) => [prefix ? `${prefix}.${k}` : k, v]);
    if (!entries.length) out[prefix] = Array.isArray(value) ? '[]' : '{}';
    for (const [k, v] of entries) flatten(v, k, out);
  } else if (prefix) {
    out[prefix] = value;
  } else {
    out['(value)'] = value;
  }
  return out;
}

/** The fields that differ between before and after, in a stable order. */
export function changes(before, after) {
  const b = before === null || before === undefined ? {} : flatten(before);
  const a = after === null || after === undefined ? {} : flatten(after);
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])];
  return keys.filter((k) => JSON.stringify(b[k]) !== JSON.stringify(a[k])).map((k) => ({ field: k, before: b[k], after: a[k] }));
}

const show = (v) => (v === undefined ? '' : v === null ? 'null' : typeof v === 'string' ? v : JSON.stringify(v));

function diff(entry) {
  const rows = changes(entry.before, entry.after);
  const kind = entry.before == null && entry.after != null ? 'created' : entry.after == null && entry.before != null ? 'removed' : 'changed';
  if (!rows.length) return h('p', { class: 'muted' }, entry.before == null && entry.after == null ? 'no details' : 'no field changed');
  return h('table', { class: 'diff' }, h('caption', { class: 'visually-hidden' }, `Fields ${kind}`),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Field'), h('th', { scope: 'col' }, 'Before'), h('th', { scope: 'col' }, 'After'))),
    h('tbody', {}, rows.map((r) => h('tr', {},
      h('th', { scope: 'row' }, r.field),
      h('td', { dir: 'auto' }, r.before === undefined ? '—' : h('del', {}, show(r.before))),
      h('td', { dir: 'auto' }, r.after === undefined ? '—' : h('ins', {}, show(r.after)))))));
}

/** A datetime-local value (browser's zone) as an ISO instant, or '' when empty. */
const instant = (input) => (input.value ? new Date(input.value).toISOString() : '');

export async function showAudit() {
  const actor = h('input', { id: 'audit-actor', autocomplete: 'off', placeholder: 'username or system' });
  const action = h('input', { id: 'audit-action', autocomplete: 'off', placeholder: 'e.g. keyword, user, reply.sent' });
  const from = h('input', { id: 'audit-from', type: 'datetime-local' });
  const to = h('input', { id: 'audit-to', type: 'datetime-local' });
  const tbody = h('tbody', { id: 'audit' });
  const position = h('span', { id: 'audit-page', class: 'muted' });
  const newer = h('button', { type: 'button', id: 'audit-newer' }, 'Newer entries');
  const older = h('button', { type: 'button', id: 'audit-older' }, 'Older entries');
  let offset = 0;
  const load = async () => {
    try {
      const q = new URLSearchParams({ limit: String(PAGE), offset: String(offset) });
      if (actor.value.trim()) q.set('actor', actor.value.trim());
      if (action.value.trim()) q.set('action', action.value.trim());
      if (instant(from)) q.set('from', instant(from));
      if (instant(to)) q.set('to', instant(to));
      const page = await api(`/api/audit?${q}`);
      clear(tbody).append(...page.items.map((e) => h('tr', { dataset: { action: e.action } },
        h('td', {}, h('time', { datetime: e.occurredAt }, when(e.occurredAt))), h('td', {}, e.actor), h('th', { scope: 'row' }, e.action),
        h('td', {}, e.target || ''), h('td', {}, diff(e)))));
      if (!page.items.length) tbody.append(h('tr', {}, h('td', { colspan: 5, class: 'muted' }, 'No entries match.')));
      position.textContent = page.items.length ? `Entries ${offset + 1}–${offset + page.items.length}` : '';
      older.disabled = !page.hasMore;
      newer.disabled = offset === 0;
    } catch (e) { say(e.message, 'error'); }
  };
  older.addEventListener('click', () => { offset += PAGE; load(); });
  newer.addEventListener('click', () => { offset = Math.max(0, offset - PAGE); load(); });
  const form = h('form', { class: 'toolbar', id: 'audit-filters', 'aria-label': 'Filter the audit log' },
    field('Who', actor), field('Action (or prefix)', action), field('From', from), field('Until', to),
    h('button', { type: 'submit', class: 'primary' }, 'Filter'));
  form.addEventListener('submit', (e) => { e.preventDefault(); offset = 0; load(); });
  mount(h('h1', {}, 'Audit log'), form,
    h('section', { class: 'panel scroll' }, h('table', {}, h('caption', {}, 'Who changed what, when: changed fields before and after'),
      h('thead', {}, h('tr', {}, ['When', 'Who', 'Action', 'Target', 'Changes'].map((x) => h('th', { scope: 'col' }, x)))), tbody)),
    h('div', { class: 'actions' }, newer, older, position));
  await load();
  return null;
}
