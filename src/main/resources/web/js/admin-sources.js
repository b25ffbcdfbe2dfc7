// Admin: sources and their health (last success, last error).
import { api } from './api.js';
import { h, mount, when } from './dom.js';

export async function showSources() {
  const sources = await api('/api/sources');
  const list = sources.items || sources;
  mount(h('h1', {}, 'Sources'),
    h('section', { class: 'panel' }, h('table', { id: 'sources' }, h('caption', {}, 'Where mentions come from'),
      h('thead', {}, h('tr', {}, ['Source', 'Network', 'Health', 'Last success', 'Last error', 'Fetched'].map((x) => h('th', { scope: 'col' }, x)))),
      h('tbody', {}, list.map((s) => {
        const healthy = s.enabled && s.consecutiveFailures === 0;
        return h('tr', {},
          h('th', { scope: 'row' }, s.name), h('td', {}, s.network),
          h('td', {}, h('span', { class: `badge ${healthy ? 'ok' : 'bad'}` }, !s.enabled ? 'disabled' : healthy ? 'healthy' : `${s.consecutiveFailures} failures`)),
          h('td', {}, when(s.lastSuccessAt) || 'never'),
          h('td', {}, s.lastError ? [when(s.lastErrorAt), ': ', s.lastError] : '—'),
          h('td', {}, String(s.itemsFetched)));
      })))),
    h('p', { class: 'muted' }, 'Network credentials are write-only: once saved they are never shown again, here or in the API.'));
  return null;
}
