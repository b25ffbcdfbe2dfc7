// Admin: sources and their health (last success, last error), pausing and resuming a source, and
// setting its network credentials. Credentials are write-only: the page sends a value once and
// afterwards only shows which fields are set, as the API does.
import { api } from './api.js';
import { h, mount, say, field, clear, when } from './dom.js';

function health(s) {
  if (!s.enabled) return ['bad', 'disabled'];
  if (s.adminPaused) return ['bad', 'paused by an admin'];
  if (s.state === 'rate_limited' || s.state === 'backing_off') {
    const until = s.pausedUntil ? ` until ${when(s.pausedUntil)}` : '';
    return ['bad', `${s.state === 'rate_limited' ? 'rate limited' : 'backing off'}${until}`];
  }
  if (s.consecutiveFailures > 0) return ['bad', `${s.consecutiveFailures} failures`];
  return ['ok', 'healthy'];
}

function pauseButton(s, reload) {
  const verb = s.adminPaused ? 'Resume' : 'Pause';
  return h('button', {
    type: 'button',
    class: s.adminPaused ? 'primary' : 'danger',
    id: `${verb.toLowerCase()}-${s.name}`,
    'aria-label': `${verb} ${s.name}`,
    onclick: async () => {
      try {
        const name = encodeURIComponent(s.name);
        if (s.adminPaused) await api(`/api/sources/${name}/resume`, { method: 'POST' });
        else await api(`/api/sources/${name}/pause`, { method: 'POST' });
        say(`${s.name} ${s.adminPaused ? 'resumed' : 'paused'}.`);
        await reload();
      } catch (e) {
        say(e.message, 'error');
      }
    },
  }, verb);
}

function credentialsForm(sources, reload) {
  const source = h('select', { id: 'credential-source', name: 'source', required: true },
    sources.map((s) => h('option', { value: s.name }, `${s.name} (${s.network})`)));
  const name = h('input', { id: 'credential-field', name: 'field', required: true, autocomplete: 'off', maxlength: 100 });
  const value = h('input', { id: 'credential-value', name: 'value', type: 'password', required: true, autocomplete: 'new-password', maxlength: 4000 });
  const error = h('div', { id: 'credential-error', class: 'error', role: 'alert' });
  const form = h('form', { class: 'panel', 'aria-labelledby': 'credentials-title' },
    h('h2', { id: 'credentials-title' }, 'Set a credential'),
    field('Source', source),
    field('Field', name, 'e.g. token (Mastodon, Reddit), appPassword (Bluesky), consumerKey / accessToken (X), webhookSecret; the server says which fields a source takes.'),
    field('Value', value, 'Stored encrypted; never shown again.'),
    error,
    h('button', { type: 'submit', class: 'primary', id: 'save-credential' }, 'Save credential'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clear(error);
    try {
      const answer = await api(`/api/sources/${encodeURIComponent(source.value)}/credentials`, {
        method: 'PUT', body: { [name.value.trim()]: value.value },
      });
      value.value = '';
      say(`${answer.source}: ${answer.fieldsWritten.join(', ')} saved.`);
      await reload();
    } catch (e) {
      value.value = '';
      error.append(h('p', {}, e.message));
    }
  });
  return form;
}

export async function showSources() {
  const rows = h('tbody', {});
  const table = h('table', { id: 'sources' }, h('caption', {}, 'Where mentions come from'),
    h('thead', {}, h('tr', {}, ['Source', 'Network', 'Health', 'Last success', 'Last error', 'Fetched', 'Credentials set', ''].map((x) => h('th', { scope: 'col' }, x)))),
    rows);
  const formSlot = h('div', {});
  const load = async () => {
    const sources = await api('/api/sources');
    const list = sources.items || sources;
    clear(rows).append(...list.map((s) => {
      const [kind, text] = health(s);
      return h('tr', {},
        h('th', { scope: 'row' }, s.name), h('td', {}, s.network),
        h('td', {}, h('span', { class: `badge ${kind}` }, text)),
        h('td', {}, when(s.lastSuccessAt) || 'never'),
        h('td', {}, s.lastError ? [when(s.lastErrorAt), ': ', s.lastError] : '—'),
        h('td', {}, String(s.itemsFetched)),
        h('td', {}, (s.credentialsSet || []).join(', ') || '—'),
        h('td', {}, pauseButton(s, load)));
    }));
    if (!formSlot.firstChild && list.length) formSlot.append(credentialsForm(list, load));
  };
  mount(h('h1', {}, 'Sources'),
    h('section', { class: 'panel' }, table),
    formSlot,
    h('p', { class: 'muted' }, 'Network credentials are write-only: once saved they are never shown again, here or in the API.'));
  await load();
  return null;
}
