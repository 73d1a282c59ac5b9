import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { ApiError, signIn } from '../../main/resources/static/app/api.js';

const PROBLEMS = 'https://docent.dev/problems/';
const realFetch = globalThis.fetch;

afterEach(() => {
  globalThis.fetch = realFetch;
});

/** The error a call to the API fails with. */
const failure = () => signIn('ada', 'secret').then(() => assert.fail('the call succeeded'), (e) => e);

/** The error a call fails with when the server answers {@code status} with this body and these headers. */
function failureFor(status, body, headers = {}) {
  globalThis.fetch = async () => new Response(body === undefined ? null : body, { status, headers });
  return failure();
}

const problem = (status, type, detail, extra = {}) =>
  JSON.stringify({ type: PROBLEMS + type, title: 'Title', status, detail, ...extra });

test('a problem+json error becomes an ApiError with its status, short type and detail', async () => {
  const error = await failureFor(400, problem(400, 'invalid-request', 'username: must not be blank'),
    { 'Content-Type': 'application/problem+json' });
  assert.ok(error instanceof ApiError);
  assert.equal(error.status, 400);
  assert.equal(error.type, 'invalid-request');
  assert.equal(error.message, 'username: must not be blank');
});

test('an error without a problem document still says what happened', async () => {
  assert.equal((await failureFor(404, '<html>Not Found</html>')).message, 'The request failed (HTTP 404).');
  assert.equal((await failureFor(500, undefined)).message, 'Something went wrong on the server. Try again.');
  assert.equal((await failureFor(502, '<html>Bad Gateway</html>')).message,
    'The language model failed to answer. Try again.');
});

test('a 409 while an answer is being written says to wait or stop it; another 409 shows its detail', async () => {
  assert.equal((await failureFor(409, problem(409, 'generation-running', 'An answer is being generated'))).message,
    'An answer is still being written in this chat. Wait for it to finish, or stop it, then send again.');
  assert.equal((await failureFor(409, problem(409, 'username-taken', 'That username is taken'))).message,
    'That username is taken');
  assert.equal((await failureFor(409, '{}')).message, 'That conflicts with the current state; reload and try again.');
});

test('a 429 says how long to wait, from Retry-After or the problem', async () => {
  assert.equal((await failureFor(429, problem(429, 'rate-limited', 'Slow down'), { 'Retry-After': '7' })).message,
    'Too many requests. Try again in 7 s.');
  assert.equal((await failureFor(429, problem(429, 'rate-limited', 'Slow down', { retryAfterSeconds: 3 }))).message,
    'Too many requests. Try again in 3 s.');
  assert.equal((await failureFor(429, '')).message, 'Too many requests. Wait a moment and try again.');
});

test('a 502 from the model shows its detail as a sentence of its own', async () => {
  const detail = 'The language model could not answer (connection refused); your message was saved';
  assert.equal((await failureFor(502, problem(502, 'model-failed', detail))).message,
    `The language model failed to answer: ${detail}. Try again.`);
  assert.equal((await failureFor(502, problem(502, 'model-failed', 'It is down.'))).message,
    'The language model failed to answer: It is down. Try again.');
});

test('503 and 504 have their own sentences', async () => {
  assert.equal((await failureFor(503, problem(503, 'unavailable', 'Database down'))).message,
    'Docent is unavailable right now. Try again in a moment.');
  assert.equal((await failureFor(504, problem(504, 'generation-timeout', 'no complete answer within 120 s'))).message,
    'The answer took too long and was cut off. Try again, perhaps with a shorter question.');
});

test('a network failure is status 0 with a sentence about the connection', async () => {
  globalThis.fetch = async () => { throw new TypeError('fetch failed'); };
  const error = await failure();
  assert.ok(error instanceof ApiError);
  assert.equal(error.status, 0);
  assert.equal(error.message, 'Could not reach Docent. Check your connection and try again.');
});

test('an aborted request stays an AbortError, so a stopped answer is not reported as a failure', async () => {
  globalThis.fetch = async () => { throw new DOMException('The operation was aborted.', 'AbortError'); };
  const error = await failure();
  assert.equal(error.name, 'AbortError');
  assert.ok(!(error instanceof ApiError));
});

test('an error event of a stream maps the same way as a response', () => {
  const error = new ApiError(504, { type: PROBLEMS + 'generation-timeout', detail: 'too slow' });
  assert.equal(error.type, 'generation-timeout');
  assert.equal(error.message, 'The answer took too long and was cut off. Try again, perhaps with a shorter question.');
  assert.equal(new ApiError(418).message, 'The request failed (HTTP 418).');
});
