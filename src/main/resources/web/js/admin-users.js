// Admin: users and roles.
import { api } from './api.js';
import { h, mount, say, field, clear } from './dom.js';

const ROLES = ['ADMIN', 'RESPONDER', 'MARKETER'];

function roleBoxes(prefix, selected) {
  return h('fieldset', { class: 'roles' }, h('legend', {}, 'Roles'),
    ROLES.map((r) => h('label', { class: 'inline' }, h('input', { type: 'checkbox', name: `${prefix}-role`, value: r, checked: selected.includes(r) }), ` ${r.toLowerCase()}`)));
}

const checked = (root, prefix) => [...root.querySelectorAll(`input[name="${prefix}-role"]:checked`)].map((i) => i.value);

export async function showUsers(me) {
  const tbody = h('tbody', { id: 'users' });
  const load = async () => {
    const users = await api('/api/users');
    clear(tbody).append(...users.map((u) => {
      const prefix = `u${u.id}`;
      const row = h('tr', {},
        h('th', { scope: 'row' }, u.username), h('td', { dir: 'auto' }, u.displayName || ''),
        h('td', {}, roleBoxes(prefix, u.roles)),
        h('td', {}, h('label', { class: 'inline' }, h('input', { type: 'checkbox', name: `${prefix}-active`, checked: u.active, disabled: u.id === me.id }), ' active')),
        h('td', {},
          h('button', { type: 'button', onclick: async () => {
            try {
              await api(`/api/users/${u.id}`, { method: 'PUT', body: { roles: checked(row, prefix), active: row.querySelector(`input[name="${prefix}-active"]`).checked } });
              say(`Saved ${u.username}.`); await load();
            } catch (e) { say(e.message, 'error'); }
          } }, 'Save'),
          ' ',
          h('button', { type: 'button', onclick: async () => {
            const password = window.prompt(`New password for ${u.username} (at least 8 characters):`);
            if (!password) return;
            try { await api(`/api/users/${u.id}/password`, { method: 'POST', body: { password } }); say(`Password set; ${u.username} is signed out everywhere.`); } catch (e) { say(e.message, 'error'); }
          } }, 'Set password')));
      return row;
    }));
  };
  const username = h('input', { id: 'new-username', autocomplete: 'off', required: true });
  const displayName = h('input', { id: 'new-display', autocomplete: 'off' });
  const password = h('input', { id: 'new-password', type: 'password', autocomplete: 'new-password', required: true, minlength: 8 });
  const form = h('form', { class: 'panel', 'aria-labelledby': 'new-user-title' }, h('h2', { id: 'new-user-title' }, 'Add a user'),
    field('Username', username), field('Display name', displayName), field('Password', password, 'At least 8 characters.'),
    roleBoxes('new', ['RESPONDER']), h('button', { type: 'submit', class: 'primary' }, 'Add user'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api('/api/users', { method: 'POST', body: { username: username.value, displayName: displayName.value || null, password: password.value, roles: checked(form, 'new') } });
      say(`Added ${username.value}.`); form.reset(); await load();
    } catch (e) { say(e.message, 'error'); }
  });
  mount(h('h1', {}, 'Users and roles'),
    h('section', { class: 'panel' }, h('table', {}, h('caption', {}, 'Everyone who can sign in'),
      h('thead', {}, h('tr', {}, ['Username', 'Name', 'Roles', 'Status', ''].map((x) => h('th', { scope: 'col' }, x)))), tbody)),
    form);
  await load();
  return null;
}
