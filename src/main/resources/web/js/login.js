// The sign-in form. The server answers with an HttpOnly session cookie and a CSRF cookie.
import { api } from './api.js';
import { h, mount, field } from './dom.js';

export function showLogin(onSignedIn) {
  const username = h('input', { name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none' });
  const password = h('input', { name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const error = h('p', { class: 'error', role: 'alert', id: 'login-error' });
  const form = h('form', { class: 'login panel', 'aria-labelledby': 'login-title' },
    h('h1', { id: 'login-title' }, 'Sign in to Complaint Desk'),
    field('Username', username),
    field('Password', password),
    error,
    h('button', { type: 'submit', class: 'primary' }, 'Sign in'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    try {
      const result = await api('/api/login', { method: 'POST', body: { username: username.value, password: password.value } });
      password.value = '';
      await onSignedIn(result.user);
    } catch (e) {
      error.textContent = e.message;
      password.focus();
    }
  });
  mount(form);
  username.focus();
}
