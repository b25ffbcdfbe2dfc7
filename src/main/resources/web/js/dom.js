// Builds DOM nodes. Text always goes in through textContent / text nodes, never innerHTML, so
// whatever a customer wrote (<script>, markup, RTL marks) is shown as text.

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value);
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value);
    } else if (value === true) {
      el.setAttribute(key, '');
    } else {
      el.setAttribute(key, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function mount(...children) {
  const main = clear(document.getElementById('main'));
  append(main, children);
  return main;
}

export function say(message, kind = 'info') {
  const status = document.getElementById('status');
  status.textContent = message;
  status.className = `status ${kind}`;
  if (message) setTimeout(() => { if (status.textContent === message) status.textContent = ''; }, 6000);
}

/** "3h 05m", "4m 10s", "12s". */
export function duration(ms) {
  const negative = ms < 0;
  let s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86400); s -= d * 86400;
  const hrs = Math.floor(s / 3600); s -= hrs * 3600;
  const m = Math.floor(s / 60); s -= m * 60;
  const pad = (n) => String(n).padStart(2, '0');
  const text = d > 0 ? `${d}d ${hrs}h` : hrs > 0 ? `${hrs}h ${pad(m)}m` : m > 0 ? `${m}m ${pad(s)}s` : `${s}s`;
  return negative ? `-${text}` : text;
}

export function when(iso) {
  if (!iso) return '';
  return new Date(iso).toLocaleString();
}

/** A panel for a feature whose endpoint is not on this server yet. */
export function notAvailable(title, what) {
  return h('section', { class: 'panel muted', 'aria-label': title },
    h('h2', {}, title),
    h('p', {}, `Not available yet: ${what}`));
}

export function field(label, input, hint) {
  const id = input.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  input.id = id;
  return h('div', { class: 'field' }, h('label', { for: id }, label), input, hint ? h('div', { class: 'hint' }, hint) : null);
}
