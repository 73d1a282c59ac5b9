// The session and every call to the API. The access token lives in this module's memory only; the
// refresh token is an HttpOnly cookie the browser sends to /api/v1/auth/session alone.

import { translator } from './i18n.js';

const t = translator({
  en: {
    offline: 'Could not reach Docent. Check your connection and try again.',
    running: 'An answer is still being written in this chat. Wait for it to finish, or stop it, then send again.',
    conflict: 'That conflicts with the current state; reload and try again.',
    tooMany: 'Too many requests.',
    retryIn: 'Try again in {seconds} s.',
    waitAMoment: 'Wait a moment and try again.',
    modelFailed: 'The language model failed to answer.',
    modelFailedBecause: 'The language model failed to answer: {detail}',
    tryAgain: 'Try again.',
    unavailable: 'Docent is unavailable right now. Try again in a moment.',
    timeout: 'The answer took too long and was cut off. Try again, perhaps with a shorter question.',
    serverError: 'Something went wrong on the server. Try again.',
    failed: 'The request failed (HTTP {status}).',
  },
  ko: {
    offline: 'Docent에 연결할 수 없습니다. 연결을 확인하고 다시 시도하세요.',
    running: '이 채팅에서 아직 답변을 쓰고 있습니다. 끝날 때까지 기다리거나 중지한 뒤 다시 보내세요.',
    conflict: '현재 상태와 맞지 않습니다. 새로 고친 뒤 다시 시도하세요.',
    tooMany: '요청이 너무 많습니다.',
    retryIn: '{seconds}초 뒤에 다시 시도하세요.',
    waitAMoment: '잠시 뒤에 다시 시도하세요.',
    modelFailed: '언어 모델이 답하지 못했습니다.',
    modelFailedBecause: '언어 모델이 답하지 못했습니다: {detail}',
    tryAgain: '다시 시도하세요.',
    unavailable: '지금은 Docent를 사용할 수 없습니다. 잠시 뒤에 다시 시도하세요.',
    timeout: '답변이 너무 오래 걸려 중단되었습니다. 더 짧은 질문으로 다시 시도해 보세요.',
    serverError: '서버에서 문제가 생겼습니다. 다시 시도하세요.',
    failed: '요청이 실패했습니다 (HTTP {status}).',
  },
});

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
    case 0: return t('offline');
    case 409:
      return problem.type && problem.type.endsWith('/generation-running') ? t('running') : detail || t('conflict');
    case 429: {
      const seconds = Number(retryAfter || problem.retryAfterSeconds);
      return `${t('tooMany')} ${seconds > 0 ? t('retryIn', { seconds }) : t('waitAMoment')}`;
    }
    case 502:
      return `${detail ? t('modelFailedBecause', { detail: sentence(detail) }) : t('modelFailed')} ${t('tryAgain')}`;
    case 503: return t('unavailable');
    case 504: return t('timeout');
    default:
      if (status >= 500) return t('serverError');
      return detail || t('failed', { status });
  }
}

/** The server's details end without a full stop; one is needed before the next sentence. */
const sentence = (text) => (/[.!?]$/.test(text) ? text : `${text}.`);

/** Tells this browser's other tabs when one signs out; they sign out too. */
const tabs = typeof BroadcastChannel === 'function' ? new BroadcastChannel('docent-session') : null;
tabs?.unref?.(); // Node's (the unit tests') would keep the process alive

/**
 * Called when the session is gone (expired, revoked, signed out elsewhere); {@code elsewhere} is
 * true when another tab of this browser signed out.
 */
export function whenSignedOut(callback) {
  onSignedOut = callback;
  if (tabs) {
    tabs.onmessage = (event) => {
      if (event.data !== 'signed-out' || !accessToken) return;
      accessToken = null;
      expiresAt = 0;
      onSignedOut(true);
    };
  }
}

/**
 * Whether the cookie still holds a session; if so, this page has an access token again. A browser
 * without the cookie is not even asked to refresh: its refusal would show as an error in the console.
 */
export async function restore() {
  const probe = await send(SESSION, { headers: { Accept: 'application/json' } });
  if (!(await probe.json()).cookie) return false;
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
  tabs?.postMessage('signed-out');
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
      onSignedOut(false);
    }
    throw e;
  }
}

export async function json(path, options) {
  const response = await request(path, options);
  return response.status === 204 ? null : response.json();
}
