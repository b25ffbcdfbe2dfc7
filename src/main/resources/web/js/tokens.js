// Everyone's own API tokens (admins also see everybody's). A new token is shown once.
import { api } from './api.js';
import { h, mount, clear, field, when, say } from './dom.js';

export async function showTokens(user) {
  const tbody = h('tbody', { id: 'tokens' });
  const shown = h('div', { 'aria-live': 'polite' });
  const name = h('input', { id: 'token-name', required: true, maxlength: 200, autocomplete: 'off' });
  const admin = user.roles.includes('ADMIN');
  const load = async () => {
    const tokens = admin ? await api('/api/tokens/all') : await api('/api/tokens');
    clear(tbody).append(...tokens.map((t) => h('tr', {},
      h('th', { scope: 'row', dir: 'auto' }, t.name), h('td', {}, t.username), h('td', {}, when(t.createdAt)),
      h('td', {}, t.revokedAt ? `revoked ${when(t.revokedAt)}` : h('button', { type: 'button', class: 'danger', onclick: async () => {
        try { await api(`/api/tokens/${t.id}`, { method: 'DELETE' }); say('Token revoked.'); await load(); } catch (e) { say(e.message, 'error'); }
      } }, 'Revoke')))));
  };
  const form = h('form', { class: 'panel', 'aria-labelledby': 'tok-title' }, h('h2', { id: 'tok-title' }, 'New API token'),
    field('What is it for?', name), h('button', { type: 'submit', class: 'primary' }, 'Create token'), shown);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const created = await api('/api/tokens', { method: 'POST', body: { name: name.value } });
      clear(shown).append(h('p', { class: 'notice' }, 'Copy it now: it will not be shown again. Send it as ', h('code', {}, 'Authorization: Bearer <token>'), '.'),
        h('input', { readonly: true, value: created.token, 'aria-label': 'New token', class: 'token', id: 'new-token' }));
      name.value = '';
      await load();
    } catch (e) { say(e.message, 'error'); }
  });
  mount(h('h1', {}, 'API tokens'), h('p', { class: 'muted' }, 'For scripts and integrations. Tokens act as you, with your roles.'), form,
    h('section', { class: 'panel' }, h('table', {}, h('caption', {}, admin ? 'All API tokens' : 'Your API tokens'),
      h('thead', {}, h('tr', {}, ['Name', 'Owner', 'Created', ''].map((x) => h('th', { scope: 'col' }, x)))), tbody)));
  await load();
  return null;
}
