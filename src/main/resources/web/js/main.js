// Start-up, navigation and the page router (#/inbox, #/case/7, #/dashboard, #/admin/...).
import { api } from './api.js';
import { h, clear, say } from './dom.js';
import { showLogin } from './login.js';
import { showInbox } from './inbox.js';
import { showCase } from './case.js';
import { showDashboard } from './dashboard.js';
import { showKeywords } from './admin-keywords.js';
import { showSources } from './admin-sources.js';
import { showUsers } from './admin-users.js';
import { showAudit } from './admin-audit.js';
import { showTokens } from './tokens.js';
import { showWorkflow } from './admin-workflow.js';

const state = { user: null, cleanup: null, heartbeat: null };

// Routing only gives cases to responders it has heard from lately: say "online" (or "away" while
// the tab is hidden) now and every minute, and "offline" on sign-out.
const HEARTBEAT_MS = 60e3;

async function beat(availability) {
  try {
    await api('/api/responders/me/heartbeat', { method: 'POST', body: { availability } });
  } catch (e) { /* the next beat tries again */ }
}

function startHeartbeat(user) {
  if (!user.roles.includes('RESPONDER')) return;
  const send = () => beat(document.hidden ? 'away' : 'online');
  send();
  state.heartbeat = setInterval(send, HEARTBEAT_MS);
}

function stopHeartbeat() {
  if (state.heartbeat) { clearInterval(state.heartbeat); state.heartbeat = null; }
}

const PAGES = [
  { path: 'inbox', label: 'Inbox', roles: ['RESPONDER', 'ADMIN'], show: showInbox },
  { path: 'dashboard', label: 'Dashboard', roles: ['MARKETER', 'ADMIN'], show: showDashboard },
  { path: 'admin/keywords', label: 'Keywords', roles: ['ADMIN'], show: showKeywords },
  { path: 'admin/sources', label: 'Sources', roles: ['ADMIN'], show: showSources },
  { path: 'admin/workflow', label: 'Teams & SLAs', roles: ['ADMIN'], show: showWorkflow },
  { path: 'admin/users', label: 'Users', roles: ['ADMIN'], show: showUsers },
  { path: 'admin/audit', label: 'Audit log', roles: ['ADMIN'], show: showAudit },
  { path: 'tokens', label: 'API tokens', roles: ['ADMIN', 'RESPONDER', 'MARKETER'], show: showTokens },
];

function allowed(page) {
  return state.user && page.roles.some((r) => state.user.roles.includes(r));
}

function home() {
  const first = PAGES.find(allowed);
  return first ? first.path : 'tokens';
}

function renderNav(current) {
  const nav = clear(document.getElementById('nav'));
  for (const page of PAGES.filter(allowed)) {
    const active = current === page.path || (page.path === 'inbox' && current.startsWith('case/'));
    nav.appendChild(h('li', {}, h('a', { href: `#/${page.path}`, 'aria-current': active ? 'page' : null }, page.label)));
  }
}

// One route at a time: a page still loading when the hash changes again must not draw over the
// newer page, so later changes wait and then show whatever the hash says by then.
let routing = null;
let again = false;

async function route() {
  if (routing) { again = true; return; }
  routing = showRoute();
  try { await routing; } finally { routing = null; }
  if (again) { again = false; await route(); }
}

async function showRoute() {
  if (state.cleanup) { state.cleanup(); state.cleanup = null; }
  if (!state.user) return;
  const path = location.hash.replace(/^#\/?/, '') || home();
  renderNav(path);
  const caseMatch = path.match(/^case\/(\d+)$/);
  let page = PAGES.find((p) => p.path === path);
  try {
    if (caseMatch && state.user.roles.some((r) => r === 'RESPONDER' || r === 'ADMIN')) {
      state.cleanup = await showCase(Number(caseMatch[1]), state.user);
    } else if (page && allowed(page)) {
      state.cleanup = await page.show(state.user);
    } else {
      location.hash = `#/${home()}`;
      return;
    }
  } catch (e) {
    say(e.message, 'error');
  }
  const main = document.getElementById('main');
  const heading = main.querySelector('h1');
  if (heading) { heading.setAttribute('tabindex', '-1'); heading.focus({ preventScroll: true }); }
}

async function signedIn(user) {
  state.user = user;
  stopHeartbeat();
  startHeartbeat(user);
  document.getElementById('top').hidden = false;
  document.getElementById('who').textContent = `${user.displayName || user.username} (${user.roles.map((r) => r.toLowerCase()).join(', ')})`;
  if (!location.hash) location.hash = `#/${home()}`;
  await route();
}

function signedOut() {
  stopHeartbeat();
  state.user = null;
  if (state.cleanup) { state.cleanup(); state.cleanup = null; }
  document.getElementById('top').hidden = true;
  showLogin(signedIn);
}

document.getElementById('logout').addEventListener('click', async () => {
  if (state.heartbeat) { stopHeartbeat(); await beat('offline'); }
  try { await api('/api/logout', { method: 'POST', body: {} }); } catch (e) { /* already out */ }
  signedOut();
});

document.addEventListener('keydown', (event) => {
  if (event.target.closest('input, textarea, select, [contenteditable]') || event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === '?') {
    event.preventDefault();
    document.getElementById('help').showModal();
  }
});

window.addEventListener('hashchange', route);
window.addEventListener('cd:signed-out', () => { if (state.user) { say('Your session ended; please sign in again.', 'error'); signedOut(); } });

(async () => {
  try {
    const session = await api('/api/session');
    await signedIn(session.user);
  } catch (e) {
    signedOut();
  }
})();
