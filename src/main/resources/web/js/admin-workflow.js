// Admin: teams, routing rules, SLA policies and calendars. Each panel lights up when its endpoint
// is on the server (the routing feature); until then it says so.
import { optional } from './api.js';
import { h, mount, notAvailable } from './dom.js';

const PANELS = [
  ['Teams', '/api/teams'],
  ['Routing rules', '/api/routing-rules'],
  ['SLA policies', '/api/sla-policies'],
  ['Business calendars', '/api/calendars'],
  ['Canned replies', '/api/canned-replies'],
];

function generic(title, data) {
  const items = Array.isArray(data) ? data : data.items || [];
  const keys = items.length ? Object.keys(items[0]).filter((k) => typeof items[0][k] !== 'object').slice(0, 6) : [];
  return h('section', { class: 'panel' }, h('h2', {}, title),
    items.length ? h('table', {}, h('thead', {}, h('tr', {}, keys.map((k) => h('th', { scope: 'col' }, k)))),
      h('tbody', {}, items.map((it) => h('tr', {}, keys.map((k) => h('td', { dir: 'auto' }, String(it[k] ?? ''))))))) : h('p', { class: 'muted' }, 'None yet.'));
}

export async function showWorkflow() {
  const panels = await Promise.all(PANELS.map(async ([title, path]) => {
    const data = await optional(path).catch(() => null);
    return data === null ? notAvailable(title, `${path} is not on this server yet.`) : generic(title, data);
  }));
  mount(h('h1', {}, 'Teams, routing and SLAs'), h('div', { class: 'grid2' }, panels));
  return null;
}
