// Admin: teams, routing rules, responders, business calendars, SLA policies and canned replies,
// against the routing API (/api/teams, /api/routing-rules, /api/responders) and the SLA API
// (/api/sla/calendars, /api/sla/policies). WebAppApiCallsTest checks these calls against the server.
import { api, optional } from './api.js';
import { h, mount, clear, field, say, notAvailable } from './dom.js';

const NETWORKS = ['demo', 'x', 'mastodon', 'bluesky', 'reddit', 'rss'];
const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const dayName = (d) => d.charAt(0) + d.slice(1, 3).toLowerCase();

const list = (text) => text.split(',').map((s) => s.trim()).filter(Boolean);
const num = (input) => (input.value.trim() === '' ? null : Number(input.value));
const cell = (v) => h('td', { dir: 'auto' }, v === null || v === undefined || v === '' ? '—' : String(v));

function table(caption, headers, tbody) {
  return h('table', {}, h('caption', {}, caption),
    h('thead', {}, h('tr', {}, headers.map((x) => h('th', { scope: 'col' }, x)))), tbody);
}

/**
 * A form whose submit creates (or, after {@code el.edit}, updates) an item, shows a server error
 * next to it (and in the status line), then reloads. {@code submit(id)} gets the id being edited,
 * or null when adding.
 */
function form(id, title, fields, submitLabel, submit) {
  const error = h('p', { class: 'error', id: `${id}-error`, role: 'alert' });
  const heading = h('h3', { id: `${id}-title` }, title);
  const button = h('button', { type: 'submit', class: 'primary', id: `${id}-submit` }, submitLabel);
  const cancel = h('button', { type: 'button', id: `${id}-cancel`, hidden: true }, 'Cancel');
  const el = h('form', { id, class: 'wf-form', 'aria-labelledby': `${id}-title` }, heading,
    h('div', { class: 'fields' }, fields), error, button, ' ', cancel);
  let editing = null;
  const stopEditing = () => {
    editing = null;
    heading.textContent = title;
    button.textContent = submitLabel;
    cancel.hidden = true;
  };
  /** Fills the form with an item (fill sets the inputs) and turns it into that item's editor. */
  el.edit = (itemId, label, fill) => {
    el.reset();
    error.textContent = '';
    fill();
    editing = itemId;
    heading.textContent = label;
    button.textContent = 'Save changes';
    cancel.hidden = false;
    el.scrollIntoView({ block: 'nearest' });
    const first = el.querySelector('input, select');
    if (first) first.focus();
  };
  cancel.addEventListener('click', () => { el.reset(); error.textContent = ''; stopEditing(); });
  el.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.textContent = '';
    try {
      await submit(editing);
      el.reset();
      stopEditing();
    } catch (e) {
      error.textContent = e.message;
      say(e.message, 'error');
    }
  });
  return el;
}

const saved = (editing, what) => say(`${editing ? 'Saved' : 'Added'} ${what}.`);

function editButton(label, onclick) {
  return h('button', { type: 'button', 'aria-label': label, onclick }, 'Edit');
}

function options(select, items, label, { empty } = {}) {
  const keep = select.value;
  clear(select);
  if (empty) select.append(h('option', { value: '' }, empty));
  select.append(...items.map((it) => h('option', { value: String(it.id) }, label(it))));
  if ([...select.options].some((o) => o.value === keep)) select.value = keep;
}

export async function showWorkflow() {
  const state = { teams: [], rules: [], responders: [], calendars: [], policies: [] };
  const teamName = (id) => (state.teams.find((t) => t.id === id) || {}).name || `#${id}`;
  const calendarName = (id) => (id === null || id === undefined ? 'around the clock' : (state.calendars.find((c) => c.id === id) || {}).name || `#${id}`);

  // ---- teams ----
  const teamsBody = h('tbody', { id: 'teams' });
  const tName = h('input', { id: 'team-name', required: true, autocomplete: 'off' });
  const tStrategy = h('select', { id: 'team-strategy' },
    h('option', { value: 'least_loaded' }, 'least loaded'), h('option', { value: 'round_robin' }, 'round robin'));
  const tOrder = h('select', { id: 'team-backlog-order' },
    h('option', { value: 'oldest_first' }, 'oldest first'), h('option', { value: 'priority_first' }, 'priority first'));
  const tManager = h('input', { id: 'team-manager', autocomplete: 'off' });
  const teamForm = form('team-form', 'Add a team', [field('Name', tName), field('Assignment', tStrategy), field('Backlog order', tOrder),
    field('Manager (username)', tManager, 'Optional: told when the team\'s SLAs are at risk.')], 'Add team', async (editing) => {
    const body = { name: tName.value, strategy: tStrategy.value, backlogOrder: tOrder.value, manager: tManager.value || null };
    const team = editing ? await api(`/api/teams/${editing}`, { method: 'PUT', body }) : await api('/api/teams', { method: 'POST', body });
    saved(editing, `team ${team.name}`);
    await reload();
  });
  const editTeam = (t) => teamForm.edit(t.id, `Edit team ${t.name}`, () => {
    tName.value = t.name;
    tStrategy.value = String(t.strategy).toLowerCase();
    tOrder.value = String(t.backlogOrder).toLowerCase();
    tManager.value = t.manager || '';
  });
  const mTeam = h('select', { id: 'member-team' });
  const mUser = h('input', { id: 'member-username', required: true, autocomplete: 'off' });
  const memberForm = form('member-form', 'Add a member', [field('Team', mTeam), field('Username', mUser)], 'Add member', async () => {
    await api(`/api/teams/${mTeam.value}/members`, { method: 'POST', body: { username: mUser.value } });
    say(`Added ${mUser.value} to ${teamName(Number(mTeam.value))}.`);
    await reload();
  });
  const drawTeams = () => clear(teamsBody).append(...state.teams.map((t) => h('tr', {},
    h('th', { scope: 'row', dir: 'auto' }, t.name), cell(t.strategy.replace('_', ' ')), cell(t.backlogOrder.replace('_', ' ')), cell(t.manager),
    h('td', {}, t.members.length ? t.members.map((u) => h('span', { class: 'chip' }, u, ' ',
      h('button', { type: 'button', class: 'link', 'aria-label': `Remove ${u} from ${t.name}`, onclick: async () => {
        try { await api(`/api/teams/${t.id}/members/${encodeURIComponent(u)}`, { method: 'DELETE' }); await reload(); } catch (e) { say(e.message, 'error'); }
      } }, '×'))) : '—'),
    h('td', {}, editButton(`Edit team ${t.name}`, () => editTeam(t))))));

  // ---- routing rules ----
  const rulesBody = h('tbody', { id: 'routing-rules' });
  const rName = h('input', { id: 'rule-name', required: true, autocomplete: 'off' });
  const rPosition = h('input', { id: 'rule-position', type: 'number', min: 0, value: 100 });
  const rKeyword = h('input', { id: 'rule-keyword', autocomplete: 'off' });
  const rBrand = h('input', { id: 'rule-brand', autocomplete: 'off' });
  const rNetwork = h('select', { id: 'rule-network' }, h('option', { value: '' }, 'any'), NETWORKS.map((n) => h('option', { value: n }, n)));
  const rLanguage = h('input', { id: 'rule-language', autocomplete: 'off', maxlength: 3 });
  const rPriority = h('input', { id: 'rule-min-priority', type: 'number', step: 'any', min: 0 });
  const rDetractor = h('select', { id: 'rule-detractor' }, h('option', { value: '' }, 'any'), h('option', { value: 'true' }, 'detractors only'), h('option', { value: 'false' }, 'non-detractors only'));
  const rTeam = h('select', { id: 'rule-team', required: true });
  const ruleForm = form('rule-form', 'Add a routing rule', [field('Name', rName), field('Team', rTeam), field('Position', rPosition, 'Lower positions are tried first; the first match wins.'),
    field('Keyword', rKeyword), field('Brand', rBrand), field('Network', rNetwork), field('Language', rLanguage, 'ISO code such as en or ar.'),
    field('Minimum priority', rPriority), field('Detractors', rDetractor)], 'Add rule', async (editing) => {
    const body = {
      name: rName.value, position: num(rPosition), keyword: rKeyword.value || null, brand: rBrand.value || null, network: rNetwork.value || null,
      language: rLanguage.value || null, minPriority: num(rPriority), detractor: rDetractor.value === '' ? null : rDetractor.value === 'true', teamId: Number(rTeam.value) };
    const rule = editing ? await api(`/api/routing-rules/${editing}`, { method: 'PUT', body }) : await api('/api/routing-rules', { method: 'POST', body });
    saved(editing, `rule ${rule.name}`);
    await reload();
  });
  const editRule = (r) => ruleForm.edit(r.id, `Edit rule ${r.name}`, () => {
    rName.value = r.name;
    rTeam.value = String(r.teamId);
    rPosition.value = r.position;
    rKeyword.value = r.keyword || '';
    rBrand.value = r.brand || '';
    rNetwork.value = r.network ? String(r.network).toLowerCase() : '';
    rLanguage.value = r.language || '';
    rPriority.value = r.minPriority ?? '';
    rDetractor.value = r.detractor === null || r.detractor === undefined ? '' : String(r.detractor);
  });
  const criteria = (r) => [r.keyword && `keyword ${r.keyword}`, r.brand && `brand ${r.brand}`, r.network && `on ${r.network.toLowerCase()}`, r.language && `language ${r.language}`,
    r.minPriority !== null && r.minPriority !== undefined && `priority ≥ ${r.minPriority}`, r.detractor === true && 'detractors', r.detractor === false && 'non-detractors'].filter(Boolean).join(', ') || 'everything';
  const drawRules = () => clear(rulesBody).append(...state.rules.map((r) => h('tr', {},
    cell(r.position), h('th', { scope: 'row', dir: 'auto' }, r.name), cell(criteria(r)), cell(teamName(r.teamId)),
    h('td', {}, editButton(`Edit rule ${r.name}`, () => editRule(r)), ' ', h('button', { type: 'button', class: 'danger', 'aria-label': `Delete rule ${r.name}`, onclick: async () => {
      try { await api(`/api/routing-rules/${r.id}`, { method: 'DELETE' }); say(`Deleted rule ${r.name}.`); await reload(); } catch (e) { say(e.message, 'error'); }
    } }, 'Delete')))));

  // ---- responders ----
  const respondersBody = h('tbody', { id: 'responders' });
  const drawResponders = () => clear(respondersBody).append(...state.responders.map((r) => {
    const capacity = h('input', { type: 'number', min: 0, value: r.capacity, id: `capacity-${r.userId}`, 'aria-label': `Capacity of ${r.username}`, class: 'narrow' });
    const skills = h('input', { value: (r.skills || []).join(', '), id: `skills-${r.userId}`, 'aria-label': `Skills of ${r.username}`, autocomplete: 'off' });
    return h('tr', {}, h('th', { scope: 'row' }, r.username), cell(r.availability), cell(`${r.openCases}`),
      h('td', {}, capacity), h('td', {}, skills), cell((r.languages || []).join(', ')),
      h('td', {}, h('button', { type: 'button', 'aria-label': `Save ${r.username}`, onclick: async () => {
        try {
          await api(`/api/responders/${encodeURIComponent(r.username)}`, { method: 'PUT', body: { capacity: num(capacity), skills: list(skills.value) } });
          say(`Saved ${r.username}.`); await reload();
        } catch (e) { say(e.message, 'error'); }
      } }, 'Save')));
  }));

  // ---- business calendars ----
  const calendarsBody = h('tbody', { id: 'calendars' });
  const cName = h('input', { id: 'calendar-name', required: true, autocomplete: 'off' });
  const cZone = h('input', { id: 'calendar-zone', required: true, autocomplete: 'off', value: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' });
  const cDays = h('fieldset', { class: 'roles', id: 'calendar-days' }, h('legend', {}, 'Working days'),
    DAYS.map((d, i) => h('label', { class: 'inline' }, h('input', { type: 'checkbox', name: 'calendar-day', value: d, checked: i < 5 }), ` ${dayName(d)}`)));
  const cHours = h('input', { id: 'calendar-hours', required: true, value: '09:00-17:00', autocomplete: 'off' });
  const cHolidays = h('input', { id: 'calendar-holidays', autocomplete: 'off', placeholder: '2026-12-25, 2026-12-26' });
  const calendarForm = form('calendar-form', 'Add a business calendar', [field('Name', cName), field('Time zone', cZone, 'IANA name such as Europe/Paris.'), cDays,
    field('Working hours', cHours, 'One or more shifts, comma separated: 09:00-12:00, 13:00-17:00. They apply to every working day.'), field('Holidays', cHolidays, 'ISO dates, comma separated.')], 'Add calendar', async (editing) => {
    const week = {};
    for (const box of cDays.querySelectorAll('input[name="calendar-day"]:checked')) week[box.value] = list(cHours.value);
    const body = { name: cName.value, zone: cZone.value, week, holidays: list(cHolidays.value) };
    const cal = editing ? await api(`/api/sla/calendars/${editing}`, { method: 'PUT', body }) : await api('/api/sla/calendars', { method: 'POST', body });
    saved(editing, `calendar ${cal.name}`);
    await reload();
  });
  const editCalendar = (c) => calendarForm.edit(c.id, `Edit calendar ${c.name}`, () => {
    const week = c.week || {};
    cName.value = c.name;
    cZone.value = c.zone;
    for (const box of cDays.querySelectorAll('input[name="calendar-day"]')) box.checked = Boolean(week[box.value] && week[box.value].length);
    const firstDay = DAYS.find((d) => week[d] && week[d].length);
    cHours.value = firstDay ? week[firstDay].join(', ') : '';
    cHolidays.value = (c.holidays || []).join(', ');
  });
  const weekText = (week) => DAYS.filter((d) => week[d] && week[d].length).map((d) => `${dayName(d)} ${week[d].join(', ')}`).join('; ') || 'closed';
  const drawCalendars = () => clear(calendarsBody).append(...state.calendars.map((c) => h('tr', {},
    h('th', { scope: 'row', dir: 'auto' }, c.name), cell(c.zone), cell(weekText(c.week || {})), cell((c.holidays || []).join(', ')),
    h('td', {}, editButton(`Edit calendar ${c.name}`, () => editCalendar(c)), ' ', h('button', { type: 'button', class: 'danger', 'aria-label': `Delete calendar ${c.name}`, onclick: async () => {
      try { await api(`/api/sla/calendars/${c.id}`, { method: 'DELETE' }); say(`Deleted calendar ${c.name}.`); await reload(); } catch (e) { say(e.message, 'error'); }
    } }, 'Delete')))));

  // ---- SLA policies ----
  const policiesBody = h('tbody', { id: 'sla-policies' });
  const pName = h('input', { id: 'policy-name', required: true, autocomplete: 'off' });
  const pPosition = h('input', { id: 'policy-position', type: 'number', min: 0, value: 100 });
  const pFirst = h('input', { id: 'policy-first', type: 'number', min: 1 });
  const pNext = h('input', { id: 'policy-next', type: 'number', min: 1 });
  const pResolution = h('input', { id: 'policy-resolution', type: 'number', min: 1 });
  const pCalendar = h('select', { id: 'policy-calendar' });
  const pWarn = h('input', { id: 'policy-warn', type: 'number', min: 1, max: 100, value: 80 });
  const pPriority = h('input', { id: 'policy-min-priority', type: 'number', step: 'any', min: 0 });
  const pNetworks = h('input', { id: 'policy-networks', autocomplete: 'off', placeholder: 'x, mastodon' });
  const pTeams = h('select', { id: 'policy-teams', multiple: true, size: 3 });
  const policyForm = form('policy-form', 'Add an SLA policy', [field('Name', pName), field('Position', pPosition, 'The first matching policy applies.'),
    field('First response (minutes)', pFirst), field('Next response (minutes)', pNext), field('Resolution (minutes)', pResolution),
    field('Calendar', pCalendar), field('Warn at (% of target)', pWarn), field('Minimum priority', pPriority),
    field('Networks', pNetworks, 'Empty for all networks; comma separated.'), field('Teams', pTeams, 'None selected for all teams.')], 'Add policy', async (editing) => {
    const networks = list(pNetworks.value);
    const teamIds = [...pTeams.selectedOptions].map((o) => Number(o.value));
    // The form has no editor for escalation actions: an edit keeps the policy's own.
    const actions = editing ? ((state.policies.find((p) => p.id === editing) || {}).actions || []) : [];
    const body = {
      name: pName.value, position: num(pPosition) ?? 100, minPriority: num(pPriority), networks: networks.length ? networks : null, teamIds: teamIds.length ? teamIds : null,
      firstResponseMinutes: num(pFirst), nextResponseMinutes: num(pNext), resolutionMinutes: num(pResolution),
      calendarId: pCalendar.value ? Number(pCalendar.value) : null, warnPercent: num(pWarn) ?? 80, actions };
    const policy = editing ? await api(`/api/sla/policies/${editing}`, { method: 'PUT', body }) : await api('/api/sla/policies', { method: 'POST', body });
    say(`${editing ? 'Saved' : 'Added'} SLA policy ${policy.name}; open cases were re-timed.`);
    await reload();
  });
  const editPolicy = (p) => policyForm.edit(p.id, `Edit SLA policy ${p.name}`, () => {
    pName.value = p.name;
    pPosition.value = p.position;
    pFirst.value = p.firstResponseMinutes ?? '';
    pNext.value = p.nextResponseMinutes ?? '';
    pResolution.value = p.resolutionMinutes ?? '';
    pCalendar.value = p.calendarId === null || p.calendarId === undefined ? '' : String(p.calendarId);
    pWarn.value = p.warnPercent;
    pPriority.value = p.minPriority ?? '';
    pNetworks.value = (p.networks || []).join(', ');
    for (const o of pTeams.options) o.selected = (p.teamIds || []).includes(Number(o.value));
  });
  const minutes = (m) => (m === null || m === undefined ? '—' : `${m} min`);
  const drawPolicies = () => clear(policiesBody).append(...state.policies.map((p) => h('tr', {},
    cell(p.position), h('th', { scope: 'row', dir: 'auto' }, p.name), cell(minutes(p.firstResponseMinutes)), cell(minutes(p.nextResponseMinutes)), cell(minutes(p.resolutionMinutes)),
    cell(calendarName(p.calendarId)), cell([p.networks && p.networks.join(', '), p.teamIds && p.teamIds.map(teamName).join(', '), p.minPriority !== null && p.minPriority !== undefined && `priority ≥ ${p.minPriority}`].filter(Boolean).join('; ') || 'every case'),
    h('td', {}, editButton(`Edit policy ${p.name}`, () => editPolicy(p)), ' ', h('button', { type: 'button', class: 'danger', 'aria-label': `Delete policy ${p.name}`, onclick: async () => {
      try { await api(`/api/sla/policies/${p.id}`, { method: 'DELETE' }); say(`Deleted policy ${p.name}.`); await reload(); } catch (e) { say(e.message, 'error'); }
    } }, 'Delete')))));

  async function reload() {
    [state.teams, state.rules, state.responders, state.calendars, state.policies] = await Promise.all([
      api('/api/teams'), api('/api/routing-rules'), api('/api/responders'), api('/api/sla/calendars'), api('/api/sla/policies')]);
    options(mTeam, state.teams, (t) => t.name);
    options(rTeam, state.teams, (t) => t.name);
    options(pTeams, state.teams, (t) => t.name);
    options(pCalendar, state.calendars, (c) => `${c.name} (${c.zone})`, { empty: 'around the clock' });
    drawTeams(); drawRules(); drawResponders(); drawCalendars(); drawPolicies();
  }

  const canned = await optional('/api/canned-replies').catch(() => null);
  mount(h('h1', {}, 'Teams, routing and SLAs'),
    h('section', { class: 'panel scroll', 'aria-labelledby': 'teams-title' }, h('h2', { id: 'teams-title' }, 'Teams'),
      table('Teams and their members', ['Team', 'Assignment', 'Backlog', 'Manager', 'Members', 'Actions'], teamsBody), h('div', { class: 'grid2' }, teamForm, memberForm)),
    h('section', { class: 'panel scroll', 'aria-labelledby': 'rules-title' }, h('h2', { id: 'rules-title' }, 'Routing rules'),
      table('Tried in position order; the first match sends the case to its team', ['Position', 'Rule', 'Matches', 'Team', 'Actions'], rulesBody), ruleForm),
    h('section', { class: 'panel scroll', 'aria-labelledby': 'responders-title' }, h('h2', { id: 'responders-title' }, 'Responders'),
      table('Capacity is the most open cases a responder is given', ['Responder', 'Availability', 'Open cases', 'Capacity', 'Skills', 'Languages', 'Actions'], respondersBody)),
    h('section', { class: 'panel scroll', 'aria-labelledby': 'calendars-title' }, h('h2', { id: 'calendars-title' }, 'Business calendars'),
      table('SLA clocks only run in working hours', ['Calendar', 'Zone', 'Hours', 'Holidays', 'Actions'], calendarsBody), calendarForm),
    h('section', { class: 'panel scroll', 'aria-labelledby': 'policies-title' }, h('h2', { id: 'policies-title' }, 'SLA policies'),
      table('Targets for each kind of case', ['Position', 'Policy', 'First response', 'Next response', 'Resolution', 'Calendar', 'Applies to', 'Actions'], policiesBody), policyForm),
    canned === null ? notAvailable('Canned replies', '/api/canned-replies is not on this server yet.')
      : h('section', { class: 'panel', 'aria-labelledby': 'canned-title' }, h('h2', { id: 'canned-title' }, 'Canned replies'),
        table('Replies responders can start from', ['Name', 'Language', 'Text'], h('tbody', { id: 'canned-replies' }, canned.map((c) => h('tr', {}, h('th', { scope: 'row' }, c.name), cell(c.language), cell(c.body)))))));
  await reload();
  return null;
}
