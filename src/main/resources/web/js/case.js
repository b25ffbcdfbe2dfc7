// One case: the customer's posts (sentiment evidence highlighted), replies, history, and actions.
import { api, optional } from './api.js';
import { h, mount, duration, when, say, field, notAvailable } from './dom.js';
import { sortCases, clockText, startClocks } from './inbox.js';

/** Evidence about the whole post (the sentence encoder's share): shown by kind, never highlighted. */
const wholePost = (e) => (e.kind || '').startsWith('overall tone of the post');

/** Evidence below the model's bar, shown only when nothing stronger explains the decision. */
const weak = (e) => (e.kind || '').endsWith(' (weak)');

/** The lead-in of the evidence line; says so when only weak signs explain the decision. */
function why(sentiment, evidence) {
  const what = sentiment.detractor || sentiment.complaint ? 'flagged' : sentiment.label;
  return evidence.every(weak) ? `Why ${what} (only weak signs): ` : `Why ${what}: `;
}

/** The post text with the evidence phrases wrapped in <mark>, built from text nodes only. */
export function highlighted(text, evidence) {
  const phrases = (evidence || []).filter((e) => !wholePost(e)).map((e) => e.text).filter((t) => t && t.trim().length > 1);
  if (!phrases.length) return [text];
  const lower = text.toLowerCase();
  const ranges = [];
  for (const phrase of phrases) {
    const p = phrase.toLowerCase();
    let at = lower.indexOf(p);
    while (at >= 0) {
      ranges.push([at, at + p.length]);
      at = lower.indexOf(p, at + p.length);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const parts = [];
  let pos = 0;
  for (const [start, end] of ranges) {
    if (start < pos) continue;
    if (start > pos) parts.push(text.slice(pos, start));
    parts.push(h('mark', { title: 'sentiment evidence' }, text.slice(start, end)));
    pos = end;
  }
  if (pos < text.length) parts.push(text.slice(pos));
  return parts;
}

async function post(m) {
  const detail = await optional(`/api/mentions/${m.id}`).catch(() => null);
  // GET /api/mentions/{id} nests the scorer's output: {mention, sentiment: {result, scoredAt}}.
  const sentiment = detail && detail.sentiment && detail.sentiment.result;
  const evidence = sentiment && sentiment.evidence;
  return h('article', { class: 'post', 'aria-label': `Post by ${m.authorHandle}` },
    h('header', {},
      h('span', { class: `badge net-${m.network}` }, m.network),
      h('strong', { dir: 'auto' }, m.authorName || m.authorHandle), ' ',
      h('span', { class: 'muted', dir: 'auto' }, `@${m.authorHandle}`), ' · ',
      h('time', { datetime: m.postedAt }, when(m.postedAt)),
      m.language ? h('span', { class: 'badge' }, m.language) : null,
      // The label is the post's tone; the flags say why it needs an answer (they can differ: a calm
      // post can be flagged with a neutral tone, an angry one about the weather is not flagged).
      m.sentimentLabel ? h('span', { class: `badge label-${m.sentimentLabel}`, title: 'tone of the post' }, m.sentimentLabel) : null,
      sentiment && sentiment.detractor ? h('span', { class: 'badge label-negative flag-detractor', title: 'detractor: opens a case' }, 'detractor') : null,
      sentiment && sentiment.complaint ? h('span', { class: 'badge flag-complaint', title: 'complaint' }, 'complaint') : null,
      m.url ? h('a', { href: m.url, rel: 'noopener noreferrer', target: '_blank' }, 'open on network') : null),
    h('p', { class: 'post-text', dir: 'auto', lang: m.language || null }, highlighted(m.text, evidence)),
    evidence && evidence.length
      ? h('p', { class: 'evidence muted' }, why(sentiment, evidence), evidence.map((e) => h('span', { class: 'chip', dir: 'auto' }, wholePost(e) ? 'overall tone of the post' : e.text)))
      : null);
}

function replyView(r) {
  return h('article', { class: 'reply' },
    h('header', {}, h('strong', {}, r.author), ' · ', h('time', { datetime: r.sentAt || r.createdAt }, when(r.sentAt || r.createdAt)),
      h('span', { class: `badge status-${r.status}` }, r.status)),
    h('p', { class: 'post-text', dir: 'auto' }, r.text),
    r.error ? h('p', { class: 'error' }, r.error) : null);
}

function summary(c) {
  return h('dl', { class: 'summary', id: 'case-summary' },
    h('dt', {}, 'Status'), h('dd', { id: 'case-status' }, c.status),
    h('dt', {}, 'Assignee'), h('dd', { id: 'case-assignee' }, c.assignee || 'unassigned'),
    h('dt', {}, 'Opened'), h('dd', {}, when(c.openedAt)),
    h('dt', { id: 'first-response-label' }, c.firstResponseMs != null ? 'First response' : 'Waiting'),
    h('dd', { id: 'first-response' }, c.firstResponseMs != null ? duration(c.firstResponseMs)
      : h('span', { dataset: { clock: JSON.stringify({ openedAt: c.openedAt, due: c.slaDueAt || null }) } }, clockText(c))),
    c.resolutionMs != null ? [h('dt', {}, 'Resolved in'), h('dd', {}, duration(c.resolutionMs))] : null);
}

async function replyBox(c, reload) {
  const text = h('textarea', { id: 'reply-text', rows: 4, maxlength: 2000, dir: 'auto', required: true });
  const warning = h('div', { class: 'tone-warning', role: 'status', 'aria-live': 'polite', id: 'tone-warning' });
  const canned = await optional('/api/canned-replies').catch(() => null);
  const cannedPicker = canned && (canned.items || canned).length
    ? field('Canned reply', h('select', {
      id: 'canned',
      onchange: (e) => {
        const chosen = (canned.items || canned).find((x) => String(x.id) === e.target.value);
        if (chosen) { text.value = chosen.text || chosen.body || ''; text.focus(); }
      },
    }, h('option', { value: '' }, '— choose —'), (canned.items || canned).map((x) => h('option', { value: x.id }, x.title || x.name || x.text))))
    : null;
  let toneAvailable = true;
  let toneTimer = null;
  text.addEventListener('input', () => {
    if (!toneAvailable) return;
    clearTimeout(toneTimer);
    toneTimer = setTimeout(async () => {
      const result = await optional('/api/tone-check', { method: 'POST', body: { text: text.value } }).catch(() => null);
      if (result === null) { toneAvailable = false; return; }
      const warnings = result.warnings || [];
      warning.textContent = warnings.length ? `Tone check: ${warnings.map((w) => w.message || w).join('; ')}` : '';
    }, 400);
  });
  const form = h('form', { class: 'panel reply-form', 'aria-labelledby': 'reply-title' },
    h('h2', { id: 'reply-title' }, `Reply on ${c.network}`),
    cannedPicker,
    field('Your reply', text, 'Goes out publicly through the network the customer used.'),
    warning,
    h('button', { type: 'submit', class: 'primary', id: 'send-reply' }, 'Send reply'));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const sent = await api(`/api/cases/${c.id}/replies`, { method: 'POST', body: { text: text.value } });
      say(sent.firstResponseMs != null ? `Reply sent. First response: ${duration(sent.firstResponseMs)}` : 'Reply sent.');
      await reload();
    } catch (e) {
      say(e.message, 'error');
    }
  });
  return form;
}

async function notesPanel(c) {
  const notes = await optional(`/api/cases/${c.id}/notes`).catch(() => null);
  if (notes === null) return notAvailable('Internal notes', 'notes arrive with the routing feature.');
  const list = notes.items || notes;
  const input = h('textarea', { rows: 2, dir: 'auto', id: 'note-text' });
  const form = h('form', {}, field('Add a note (only your team sees it)', input), h('button', { type: 'submit' }, 'Add note'));
  const section = h('section', { class: 'panel', 'aria-labelledby': 'notes-title' }, h('h2', { id: 'notes-title' }, 'Internal notes'),
    h('ul', { class: 'notes' }, list.map((n) => h('li', {}, h('strong', {}, n.author || ''), ' ', h('span', { dir: 'auto' }, n.text)))), form);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api(`/api/cases/${c.id}/notes`, { method: 'POST', body: { text: input.value } });
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } catch (e) { say(e.message, 'error'); }
  });
  return section;
}

/** Renders an optional panel; if its data has an unexpected shape, says so instead of failing. */
async function safely(title, panel) {
  try {
    return await panel();
  } catch (e) {
    return notAvailable(title, `could not be shown (${e.message}).`);
  }
}

async function historyPanel(c) {
  const history = await optional(`/api/cases/${c.id}/history`).catch(() => null);
  if (history === null) {
    return notAvailable('Customer history', 'posts from other networks and earlier cases appear here once customer profiles land. This case’s posts are above.');
  }
  // GET /api/cases/{id}/history: the customer's earlier cases and posts on every linked network.
  const posts = history.mentions || history.items || (Array.isArray(history) ? history : []);
  const earlier = (history.cases || []).filter((x) => x.id !== c.id);
  return h('section', { class: 'panel', 'aria-labelledby': 'history-title' }, h('h2', { id: 'history-title' }, 'Customer history'),
    h('p', { class: 'muted' }, `${earlier.length} earlier case(s)`),
    h('ul', {}, posts.map((m) => h('li', {}, h('span', { class: `badge net-${m.network}` }, m.network), ' ', h('span', { dir: 'auto' }, m.text)))));
}

async function actions(c, user, reload) {
  const assignable = await api('/api/users/assignable').catch(() => []);
  const select = h('select', { id: 'assign-to' }, assignable.map((u) => h('option', { value: u.username, selected: u.username === c.assignee }, u.displayName || u.username)));
  const assign = async (username) => {
    try {
      await api(`/api/cases/${c.id}/assign`, { method: 'POST', body: { responder: username } });
      say(`Assigned to ${username}.`);
      await reload();
    } catch (e) { say(e.message, 'error'); }
  };
  const resolve = async () => {
    try {
      await api(`/api/cases/${c.id}/resolve`, { method: 'POST', body: {} });
      say('Case resolved.');
      await reload();
    } catch (e) { say(e.message, 'error'); }
  };
  const resolved = c.status === 'resolved';
  return {
    claim: () => assign(user.username),
    resolve,
    node: h('div', { class: 'actions', role: 'group', 'aria-label': 'Case actions' },
      h('button', { type: 'button', id: 'claim', disabled: resolved || c.assignee === user.username, onclick: () => assign(user.username) }, 'Claim (c)'),
      h('label', { for: 'assign-to', class: 'inline' }, 'Assign to'), select,
      h('button', { type: 'button', id: 'assign', disabled: resolved, onclick: () => assign(select.value) }, 'Assign'),
      h('button', { type: 'button', id: 'resolve', disabled: resolved, onclick: resolve }, 'Resolve (e)')),
  };
}

export async function showCase(id, user) {
  let stopClocks = () => {};
  let keyHandler = null;
  const render = async () => {
    const detail = await api(`/api/cases/${id}`);
    const c = detail.case;
    const posts = await Promise.all(detail.mentions.map(post));
    const act = await actions(c, user, render);
    const open = await api('/api/cases?status=open&limit=200').catch(() => ({ items: [] }));
    const order = sortCases(open.items).map((x) => x.id);
    mount(
      h('p', {}, h('a', { href: '#/inbox' }, '← Inbox')),
      h('h1', { dir: 'auto' }, `Case ${c.id}: @${c.authorHandle}`),
      summary(c),
      act.node,
      h('div', { class: 'case-grid' },
        h('div', {},
          h('section', { class: 'panel', 'aria-labelledby': 'posts-title' }, h('h2', { id: 'posts-title' }, 'Customer posts'), posts),
          h('section', { class: 'panel', 'aria-labelledby': 'replies-title' }, h('h2', { id: 'replies-title' }, `Replies (${detail.replies.length})`),
            detail.replies.length ? h('div', { id: 'replies' }, detail.replies.map(replyView)) : h('p', { class: 'muted' }, 'No reply yet.')),
          c.status !== 'resolved' ? await replyBox(c, render) : null),
        h('div', {},
          await safely('Internal notes', () => notesPanel(c)),
          await safely('Customer history', () => historyPanel(c)),
          h('section', { class: 'panel', 'aria-labelledby': 'events-title' }, h('h2', { id: 'events-title' }, 'History'),
            h('ol', { class: 'events' }, detail.events.map((e) => h('li', {}, h('time', { datetime: e.occurredAt }, when(e.occurredAt)), ' ', e.type, e.actor ? ` by ${e.actor}` : '')))))));
    stopClocks();
    stopClocks = startClocks();
    if (keyHandler) document.removeEventListener('keydown', keyHandler);
    keyHandler = (event) => {
      if (event.target.closest('input, textarea, select') || event.ctrlKey || event.metaKey || event.altKey) return;
      const at = order.indexOf(c.id);
      if (event.key === 'r') { event.preventDefault(); const t = document.getElementById('reply-text'); if (t) t.focus(); }
      else if (event.key === 'e') { event.preventDefault(); act.resolve(); }
      else if (event.key === 'c') { event.preventDefault(); act.claim(); }
      else if (event.key === 'j' && at >= 0 && at < order.length - 1) location.hash = `#/case/${order[at + 1]}`;
      else if (event.key === 'k' && at > 0) location.hash = `#/case/${order[at - 1]}`;
      else if (event.key === 'i' || event.key === 'Escape') location.hash = '#/inbox';
    };
    document.addEventListener('keydown', keyHandler);
  };
  await render();
  return () => { stopClocks(); if (keyHandler) document.removeEventListener('keydown', keyHandler); };
}
