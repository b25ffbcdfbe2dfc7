// Responder inbox: my queue and the team queue, most urgent first, with live time left.
import { api } from './api.js';
import { h, mount, duration, say } from './dom.js';

const STATUS_LABEL = { new: 'New', assigned: 'Assigned', replied: 'Replied', resolved: 'Resolved' };

/** SLA due time when the routing feature provides it, else the customer's post time (age). */
function urgencyKey(c) {
  const due = c.slaDueAt || c.firstResponseDueAt || c.dueAt;
  return [due ? Date.parse(due) : Number.MAX_SAFE_INTEGER, -(c.priority || 0), Date.parse(c.openedAt)];
}

export function sortCases(cases) {
  return [...cases].sort((a, b) => {
    const ka = urgencyKey(a); const kb = urgencyKey(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] - kb[i];
    return a.id - b.id;
  });
}

/** The live clock text of a case: time left to its SLA, or how long the customer has waited. */
export function clockText(c, now = Date.now()) {
  const due = c.slaDueAt || c.firstResponseDueAt || c.dueAt;
  if (c.firstResponseMs != null && !due) return `answered in ${duration(c.firstResponseMs)}`;
  if (due) {
    const left = Date.parse(due) - now;
    return left >= 0 ? `${duration(left)} left` : `overdue by ${duration(-left)}`;
  }
  return `waiting ${duration(now - Date.parse(c.openedAt))}`;
}

function caseRow(c) {
  const due = c.slaDueAt || c.firstResponseDueAt || c.dueAt;
  const overdue = due && Date.parse(due) < Date.now();
  return h('li', { class: 'case-row', dataset: { caseId: c.id } },
    h('a', { href: `#/case/${c.id}`, class: 'case-link' },
      h('span', { class: `badge net-${c.network}` }, c.network),
      h('span', { class: 'handle', dir: 'auto' }, `@${c.authorHandle}`),
      h('span', { class: `badge status-${c.status}` }, STATUS_LABEL[c.status] || c.status),
      c.priority ? h('span', { class: 'badge' }, `priority ${Math.round(c.priority * 100) / 100}`) : null,
      h('span', { class: overdue ? 'clock overdue' : 'clock', dataset: { clock: JSON.stringify({ openedAt: c.openedAt, due, firstResponseMs: c.firstResponseMs }) } }, clockText(c)),
      c.assignee ? h('span', { class: 'assignee' }, `→ ${c.assignee}`) : h('span', { class: 'assignee muted' }, 'unassigned')));
}

function queue(title, id, cases) {
  return h('section', { class: 'panel queue', 'aria-labelledby': `${id}-title` },
    h('h2', { id: `${id}-title` }, `${title} (${cases.length})`),
    cases.length === 0
      ? h('p', { class: 'muted' }, 'Nothing waiting.')
      : h('ol', { class: 'cases', id }, sortCases(cases).map(caseRow)));
}

/** Updates every live clock on the page once a second. */
export function startClocks() {
  const timer = setInterval(() => {
    document.querySelectorAll('[data-clock]').forEach((el) => {
      const c = JSON.parse(el.dataset.clock);
      el.textContent = clockText({ openedAt: c.openedAt, slaDueAt: c.due, firstResponseMs: c.firstResponseMs });
    });
  }, 1000);
  return () => clearInterval(timer);
}

/** j/k move the selection through the visible cases, Enter opens it. */
function listKeys() {
  let index = -1;
  const handler = (event) => {
    if (event.target.closest('input, textarea, select') || event.ctrlKey || event.metaKey || event.altKey) return;
    const links = [...document.querySelectorAll('.case-link')];
    if (!links.length) return;
    if (event.key === 'j' || event.key === 'k') {
      event.preventDefault();
      const current = links.indexOf(document.activeElement);
      index = current >= 0 ? current : index;
      index = event.key === 'j' ? Math.min(links.length - 1, index + 1) : Math.max(0, index - 1);
      links[index].focus();
    }
  };
  document.addEventListener('keydown', handler);
  return () => document.removeEventListener('keydown', handler);
}

export async function showInbox(user) {
  let mine; let team;
  try {
    [mine, team] = await Promise.all([
      api('/api/cases?status=open&assignee=me&limit=200'),
      api('/api/cases?status=open&limit=200'),
    ]);
  } catch (e) {
    say(e.message, 'error');
    return null;
  }
  const sortNote = team.items.some((c) => c.slaDueAt || c.firstResponseDueAt || c.dueAt)
    ? 'Sorted by SLA due time, then priority.'
    : 'Sorted by how long the customer has waited (SLA due times appear here once SLAs are configured).';
  mount(
    h('h1', {}, 'Inbox'),
    h('p', { class: 'muted' }, sortNote, ' Press ', h('kbd', {}, '?'), ' for keyboard shortcuts.'),
    h('div', { class: 'queues' },
      queue('My queue', 'my-queue', mine.items),
      queue('Team queue', 'team-queue', team.items.filter((c) => c.assignee !== user.username))));
  const stopClocks = startClocks();
  const stopKeys = listKeys();
  // New complaints arrive all the time: refresh the lists every 30 seconds when nothing is focused.
  const refresh = setInterval(() => {
    if (document.activeElement === document.body || document.activeElement.id === 'main') showInboxRefresh(user);
  }, 30000);
  return () => { stopClocks(); stopKeys(); clearInterval(refresh); };
}

function showInboxRefresh() {
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}
