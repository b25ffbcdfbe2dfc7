// Admin: the audit log, newest first, with before/after shown as JSON text.
import { api } from './api.js';
import { h, mount, clear, field, when, say } from './dom.js';

const pretty = (v) => (v === null || v === undefined ? '—' : JSON.stringify(v, null, 2));

export async function showAudit() {
  const action = h('input', { id: 'audit-action', placeholder: 'e.g. keyword, user, reply.sent' });
  const tbody = h('tbody', { id: 'audit' });
  let offset = 0;
  const more = h('button', { type: 'button' }, 'Older entries');
  const load = async (append) => {
    try {
      const page = await api(`/api/audit?limit=50&offset=${offset}${action.value ? `&action=${encodeURIComponent(action.value)}` : ''}`);
      if (!append) clear(tbody);
      tbody.append(...page.items.map((e) => h('tr', {},
        h('td', {}, h('time', { datetime: e.occurredAt }, when(e.occurredAt))), h('td', {}, e.actor), h('th', { scope: 'row' }, e.action), h('td', {}, e.target),
        h('td', {}, h('pre', { dir: 'auto' }, pretty(e.before))), h('td', {}, h('pre', { dir: 'auto' }, pretty(e.after))))));
      more.hidden = !page.hasMore;
    } catch (e) { say(e.message, 'error'); }
  };
  more.addEventListener('click', () => { offset += 50; load(true); });
  const form = h('form', { class: 'toolbar' }, field('Action', action), h('button', { type: 'submit' }, 'Filter'));
  form.addEventListener('submit', (e) => { e.preventDefault(); offset = 0; load(false); });
  mount(h('h1', {}, 'Audit log'), form,
    h('section', { class: 'panel scroll' }, h('table', {}, h('caption', {}, 'Who changed what, when'),
      h('thead', {}, h('tr', {}, ['When', 'Who', 'Action', 'Target', 'Before', 'After'].map((x) => h('th', { scope: 'col' }, x)))), tbody)), more);
  await load(false);
  return null;
}
