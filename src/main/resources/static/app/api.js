// The session and every call to the API. The access token lives in this module's memory only; the
// refresh token is an HttpOnly cookie the browser sends to /api/v1/auth/session alone.

const SESSION = '/api/v1/auth/session';
const GUARD = { 'X-Docent-Session': '1' };

let accessToken = null;
let expiresAt = 0;
let refreshing = null;
let onSignedOut = () => {};

/** An API failure with a sentence a person can read. */
export class ApiError extends Error {
  constructor(status, problem = {}, retryAfter = null) {
    super(describe(status, problem, retryAfter));
    this.status = status;
    this.type = typeof problem.type === 'string' ? problem.type.slice(problem.type.lastIndexOf('/') + 1) : '';
    this.problem = problem;
  }
}

function describe(status, problem, retryAfter) {
  const detail = problem.detail || problem.title;
  switch (status) {
    case 0: return 'Could not reach Docent. Check your connection and try again.';
    case 409:
      return problem.type && problem.type.endsWith('/generation-running')
        ? 'An answer is still being written in this chat. Wait for it to finish, or stop it, then send again.'
        : detail || 'That conflicts with the current state; reload and try again.';
    case 429: {
      const seconds = Number(retryAfter || problem.retryAfterSeconds);
      return 'Too many requests. ' + (seconds > 0 ? `Try again in ${seconds} s.` : 'Wait a moment and try again.');
    }
    case 502: return 'The language model failed to answer' + (detail ? `: ${sentence(detail)}` : '.') + ' Try again.';
    case 503: return 'Docent is unavailable right now. Try again in a moment.';
    case 504: return 'The answer took too long and was cut off. Try again, perhaps with a shorter question.';
    default:
      if (status >= 500) return 'Something went wrong on the server. Try again.';
      return detail || `The request failed (HTTP ${status}).`;
  }
}

/** The server's details end without a full stop; one is needed before the next sentence. */
const sentence = (text) => (/[.!?]$/.test(text) ? text : `${text}.`);

/** Called when the session is gone (expired, revoked, signed out elsewhere). */
export function whenSignedOut(callback) {
  onSignedOut = callback;
}

/** Whether the cookie still holds a session; if so, this page has an access token again. */
export async function restore() {
  try {
    await refresh();
    return true;
  } catch (e) {
    if (e.status === 401) return false;
    throw e;
  }
}

export async function signIn(username, password) {
  const response = await send(SESSION, {
    method: 'POST',
    headers: { ...GUARD, 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  remember(await response.json());
}

/** What the sign-in page offers: {signup: whether anyone may create an account}. */
export async function authOptions() {
  const response = await send('/api/v1/auth/options', {});
  return response.json();
}

export async function signUp(username, password) {
  await send('/api/v1/auth/signup', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  await signIn(username, password);
}

export async function signOut() {
  accessToken = null;
  expiresAt = 0;
  await send(`${SESSION}/logout`, { method: 'POST', headers: GUARD }).catch(() => {});
}

/**
 * One rotation at a time, across this browser's tabs too when it can lock (a secure context): two
 * tabs rotating the same cookie at once would look like a stolen token and end the session.
 */
function refresh() {
  if (!refreshing) {
    const rotate = async () => {
      const response = await send(`${SESSION}/refresh`, { method: 'POST', headers: GUARD });
      remember(await response.json());
    };
    const locked = navigator.locks ? navigator.locks.request('docent-session', rotate) : rotate();
    refreshing = locked.finally(() => { refreshing = null; });
  }
  return refreshing;
}

function remember(token) {
  accessToken = token.accessToken;
  expiresAt = Date.now() + token.expiresIn * 1000;
}

/** A fetch that turns network failures and error statuses into {@link ApiError}s. */
async function send(url, init) {
  let response;
  try {
    response = await fetch(url, { credentials: 'same-origin', ...init });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0);
  }
  if (!response.ok) {
    let problem = {};
    try {
      problem = await response.json();
    } catch {
      // not a problem document: the status says enough
    }
    throw new ApiError(response.status, problem, response.headers.get('Retry-After'));
  }
  return response;
}

/**
 * An authenticated request: the token is refreshed when it is about to expire or is refused once.
 * Answers with the Response; {@link json} reads the body.
 */
export async function request(path, { method = 'GET', body, headers = {}, accept = 'application/json', signal } = {}) {
  const init = { method, signal, headers: { Accept: accept, ...headers } };
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }
  if (!accessToken || Date.now() > expiresAt - 30_000) await renewOrSignOut();
  try {
    return await send(path, withToken(init));
  } catch (e) {
    if (e.status !== 401) throw e;
    await renewOrSignOut();
    return send(path, withToken(init));
  }
}

function withToken(init) {
  return { ...init, headers: { ...init.headers, Authorization: `Bearer ${accessToken}` } };
}

async function renewOrSignOut() {
  try {
    await refresh();
  } catch (e) {
    if (e.status === 401) {
      accessToken = null;
      onSignedOut();
    }
    throw e;
  }
}

export async function json(path, options) {
  const response = await request(path, options);
  return response.status === 204 ? null : response.json();
}
