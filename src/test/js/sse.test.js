import assert from 'node:assert/strict';
import { test } from 'node:test';
import { serverSentEvents } from '../../main/resources/static/app/sse.js';

const encoder = new TextEncoder();

/** A fetch Response whose body arrives in exactly these chunks (strings or bytes). */
function responseOf(chunks) {
  const body = new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      controller.close();
    },
  });
  return new Response(body);
}

async function eventsOf(...chunks) {
  const events = [];
  for await (const event of serverSentEvents(responseOf(chunks))) events.push(event);
  return events;
}

// What the server sends for an answer: Spring writes "field:value" without a space, keep-alives are comments.
const ANSWER = 'event:token\ndata:{"text":"Grüße ✓ "}\n\n'
  + ':keep-alive\n\n'
  + 'event:token\ndata:{"text":"[1]"}\n\n'
  + 'event:done\ndata:{"seq":2,"sources":[]}\n\n';

const ANSWER_EVENTS = [
  { event: 'token', data: { text: 'Grüße ✓ ' } },
  { event: 'token', data: { text: '[1]' } },
  { event: 'done', data: { seq: 2, sources: [] } },
];

test('reads the events of a stream that arrives in one chunk', async () => {
  assert.deepEqual(await eventsOf(ANSWER), ANSWER_EVENTS);
});

test('reads the same events wherever the stream is split, inside a multi-byte character too', async () => {
  const bytes = encoder.encode(ANSWER);
  for (let at = 1; at < bytes.length; at++) {
    assert.deepEqual(await eventsOf(bytes.slice(0, at), bytes.slice(at)), ANSWER_EVENTS, `split at byte ${at}`);
  }
});

test('reads the same events when every byte is its own chunk', async () => {
  const bytes = encoder.encode(ANSWER);
  assert.deepEqual(await eventsOf(...Array.from(bytes, (b) => Uint8Array.of(b))), ANSWER_EVENTS);
});

test('skips comment lines, and blocks that are only comments', async () => {
  assert.deepEqual(await eventsOf(': ping\n\n:\n\nevent: token\n: inside\ndata: {"text":"a"}\n\n'), [
    { event: 'token', data: { text: 'a' } },
  ]);
});

test('joins multi-line data with newlines', async () => {
  assert.deepEqual(await eventsOf('event: done\ndata: {"seq":\ndata: 3,\ndata: "text": "x"}\n\n'), [
    { event: 'done', data: { seq: 3, text: 'x' } },
  ]);
});

test('accepts CRLF line ends, split between CR and LF too', async () => {
  const stream = 'event: token\r\ndata: {"text":"a"}\r\n\r\nevent: done\r\ndata: {}\r\n\r\n';
  const expected = [{ event: 'token', data: { text: 'a' } }, { event: 'done', data: {} }];
  assert.deepEqual(await eventsOf(stream), expected);
  for (let at = 1; at < stream.length; at++) {
    assert.deepEqual(await eventsOf(stream.slice(0, at), stream.slice(at)), expected, `split at ${at}`);
  }
});

test('an event without a name is a message; id and retry fields are ignored', async () => {
  assert.deepEqual(await eventsOf('id: 7\nretry: 1000\ndata: {"text":"a"}\n\n'), [
    { event: 'message', data: { text: 'a' } },
  ]);
});

test('drops an event the stream ends before finishing', async () => {
  assert.deepEqual(await eventsOf('event: token\ndata: {"text":"a"}\n\nevent: token\ndata: {"text":"b"}\n'), [
    { event: 'token', data: { text: 'a' } },
  ]);
});
