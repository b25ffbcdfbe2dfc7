// Talks to /api with the session cookie. State-changing requests echo the CSRF cookie in a header
// (double submit); the session cookie itself is HttpOnly and never visible here.

export class ApiError extends Error {
  constructor(status, message, body) {
    super(message);
    this.status = status;
    this.body = body || {};
  }
}

function csrfToken() {
  const match = document.cookie.split('; ').find((c) => c.startsWith('cd_csrf='));
  return match ? decodeURIComponent(match.slice('cd_csrf='.length)) : '';
}

export async function api(path, { method = 'GET', body } = {}) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && method !== 'HEAD') headers['X-CSRF-Token'] = csrfToken();
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status === 204) return null;
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch (e) {
    data = null;
  }
  if (!response.ok) {
    const message = (data && data.message) || `request failed (${response.status})`;
    if (response.status === 401 && path !== '/api/login' && path !== '/api/session') {
      window.dispatchEvent(new CustomEvent('cd:signed-out'));
    }
    throw new ApiError(response.status, message, data);
  }
  return data;
}

/** For endpoints other features add later: null when the server does not have it yet (404/405). */
export async function optional(path, options) {
  try {
    return await api(path, options);
  } catch (e) {
    if (isMissingEndpoint(e)) return null;
    throw e;
  }
}

/** True when a 404 means "no such endpoint" rather than "no such item". */
export function isMissingEndpoint(e) {
  return e instanceof ApiError && (e.status === 405 || (e.status === 404 && /HTTP 404 Not Found/.test(e.message)));
}
