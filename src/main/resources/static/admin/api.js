// Calls to the admin API. Every failure becomes an ApiError whose message is what a site owner should read: the
// problem's detail (RFC 9457) when the server sent one, otherwise the status or the network failure.

export class ApiError extends Error {
  /**
   * @param {string} message what went wrong, for the page
   * @param {number} status the HTTP status; 0 when the server could not be reached
   * @param {object|null} problem the problem details, when the server sent them
   */
  constructor(message, status, problem) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

/** GETs JSON from a path of this server. */
export function getJson(path) {
  return request(path, { headers: { Accept: 'application/json' } });
}

/** POSTs a JSON body (or nothing) to a path of this server and returns the JSON reply. */
export function postJson(path, body) {
  const init = { method: 'POST', headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  return request(path, init);
}

/** DELETEs a path of this server; the reply is empty (204). */
export function deleteAt(path) {
  return request(path, { method: 'DELETE', headers: { Accept: 'application/json' } }, true);
}

async function request(path, init, empty = false) {
  let response;
  try {
    // Against location.origin, which never holds a user name: a page opened as http://user:pass@host/admin would
    // otherwise resolve the path to a URL with credentials, which fetch refuses. The browser still sends the Basic
    // credentials it was given for this origin.
    response = await fetch(new URL(path, window.location.origin), { ...init, credentials: 'same-origin' });
  } catch (e) {
    throw new ApiError(`Could not reach the server (${e.message}).`, 0, null);
  }
  const type = response.headers.get('Content-Type') || '';
  const json = type.includes('json') ? await response.json().catch(() => null) : null;
  if (!response.ok) {
    const detail = json && (json.detail || json.title);
    throw new ApiError(detail || `The server answered ${response.status} ${response.statusText}.`.trim(),
      response.status, json);
  }
  if (empty && response.status === 204) {
    return null;
  }
  if (json === null) {
    throw new ApiError(`The server answered ${response.status} without JSON.`, response.status, null);
  }
  return json;
}
