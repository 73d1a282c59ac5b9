// One conversation: its messages (older ones loaded when scrolled up), the composer, and answers
// streamed token by token, with a stop button while they stream.

import { ApiError, json, request } from './api.js';
import * as sidebar from './chats.js';
import { $, h, formatDate, plural } from './dom.js';
import { feedbackBar } from './feedback.js';
import { linkable, renderMarkdown, sourceLabel } from './markdown.js';
import { serverSentEvents } from './sse.js';

const NEW = 'new';
const OLDER_PAGE = 50;

/** The chat on screen: null id for a new one. */
const current = { id: null, oldestSeq: null, hasMore: false, loadingOlder: false, view: 0 };
/** Answers being streamed, by chat id (NEW until the server names the chat). */
const streams = new Map();
const drafts = new Map();
let documents = [];
let navigate = () => {};

export function initConversation(options) {
  navigate = options.navigate;
  const input = $('composer-input');
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      send();
    }
  });
  input.addEventListener('input', () => {
    autosize();
    drafts.set(key(), input.value);
  });
  $('composer').addEventListener('submit', (event) => {
    event.preventDefault();
    send();
  });
  $('stop').addEventListener('click', stop);
  document.querySelectorAll('input[name="category"]').forEach((radio) => radio.addEventListener('change', chooseCategory));
  new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) loadOlder();
  }, { root: $('messages'), rootMargin: '300px 0px 0px 0px' }).observe($('older'));
}

const key = () => current.id ?? NEW;

function autosize() {
  const input = $('composer-input');
  input.style.height = 'auto';
  input.style.height = `${Math.min(input.scrollHeight, 240)}px`;
}

export async function showNewChat(isAdmin) {
  current.view++;
  Object.assign(current, { id: null, oldestSeq: null, hasMore: false });
  sidebar.setActive(null);
  $('chat-title').textContent = 'New chat';
  $('chat-subtitle').textContent = '';
  $('new-chat-options').hidden = false;
  $('message-list').replaceChildren();
  $('older-status').textContent = '';
  hideError();
  restoreDraft();
  showStreamState();
  await loadDocuments(isAdmin);
}

async function fetchDocuments() {
  try {
    const list = await json('/api/v1/documents');
    documents = Array.isArray(list) ? list : [];
  } catch {
    documents = [];
  }
}

/** The sets to answer from; one still on its first ingest is shown but cannot be chosen yet. */
async function loadDocuments(isAdmin) {
  const select = $('document-select');
  const hint = $('documents-hint');
  await fetchDocuments();
  const ready = documents.filter((d) => d.ingestedAt);
  select.replaceChildren(...documents.map((d) => h('option', { value: d.id, disabled: !d.ingestedAt },
    d.ingestedAt ? `${d.title} (${plural(d.pageCount ?? 0, 'page')})` : `${d.title} (being ingested…)`)));
  if (ready.length) select.value = ready[0].id;
  const docs = $('category-docs');
  docs.disabled = ready.length === 0;
  if (docs.disabled && docs.checked) document.querySelector('input[name="category"][value="GENERAL"]').checked = true;
  hint.textContent = ready.length ? ''
    : documents.length ? 'The document sets are being ingested; start a new chat again in a moment.'
      : 'No document sets yet.' + (isAdmin ? ' Add one on the Documents page.' : ' An administrator can add them.');
  chooseCategory();
}

function chooseCategory() {
  $('document-choice').hidden = !$('category-docs').checked;
}

export async function openChat(id) {
  const view = ++current.view;
  Object.assign(current, { id, oldestSeq: null, hasMore: false, loadingOlder: false });
  sidebar.setActive(id);
  $('new-chat-options').hidden = true;
  $('chat-title').textContent = '';
  $('chat-subtitle').textContent = '';
  $('message-list').replaceChildren();
  $('older-status').textContent = 'Loading…';
  hideError();
  restoreDraft();
  showStreamState();
  let chat;
  try {
    chat = await json(`/api/v1/chats/${id}`);
  } catch (e) {
    if (view !== current.view) return;
    $('older-status').textContent = '';
    $('chat-title').textContent = e.status === 404 ? 'Chat not found' : 'Could not open this chat';
    showError(e.status === 404 ? 'This chat does not exist, or it was deleted.' : e.message);
    return;
  }
  if (view !== current.view) return;
  if (chat.documentId && !documents.some((d) => d.id === chat.documentId)) {
    await fetchDocuments();
    if (view !== current.view) return;
  }
  $('older-status').textContent = '';
  showHeader(chat);
  const list = $('message-list');
  list.replaceChildren(...chat.messages.map(article));
  current.oldestSeq = chat.messages.length ? chat.messages[0].seq : null;
  current.hasMore = chat.hasMore;
  const live = streams.get(id);
  if (live) list.append(live.answer);
  scrollToEnd();
}

function showHeader(chat) {
  $('chat-title').textContent = chat.title || 'Untitled chat';
  const doc = documents.find((d) => d.id === chat.documentId);
  $('chat-subtitle').textContent = chat.category === 'OFFICIAL_DOCS'
    ? `Official documentation${doc ? ` · ${doc.title}` : ''}` : 'General knowledge';
}

export function renamed(chat) {
  if (chat.id === current.id) $('chat-title').textContent = chat.title;
}

export function deleted(id) {
  if (id === current.id) navigate('/');
}

async function loadOlder() {
  if (!current.id || !current.hasMore || current.loadingOlder) return;
  current.loadingOlder = true;
  const { id, view } = current;
  const box = $('messages');
  $('older-status').textContent = 'Loading earlier messages…';
  try {
    const page = await json(`/api/v1/chats/${id}/messages?before=${current.oldestSeq}&limit=${OLDER_PAGE}`);
    if (view !== current.view) return;
    const older = page.items.slice().reverse();
    const fromBottom = box.scrollHeight - box.scrollTop;
    $('message-list').prepend(...older.map(article));
    box.scrollTop = box.scrollHeight - fromBottom;
    if (older.length) current.oldestSeq = older[0].seq;
    current.hasMore = page.nextBefore != null;
    $('older-status').textContent = current.hasMore ? '' : 'This is the start of the conversation.';
  } catch (e) {
    if (view === current.view) $('older-status').textContent = e.message;
  } finally {
    if (view === current.view) current.loadingOlder = false;
  }
}

function article(message) {
  const user = message.role === 'user';
  const content = h('div', { className: user ? 'content plain' : 'content markdown' });
  const element = h('article', { className: `message ${user ? 'user' : 'assistant'}`, dataset: { seq: message.seq ?? '' } },
    h('h2', { className: 'visually-hidden' }, user ? 'You said' : 'Docent answered'),
    h('div', { className: 'bubble' }, content));
  if (user) content.textContent = message.content;
  else fill(element, message);
  return element;
}

function fill(element, message, chatId = current.id) {
  const content = element.querySelector('.content');
  renderMarkdown(content, message.content || '', message.sources || []);
  element.querySelector('.sources')?.remove();
  element.querySelector('.note')?.remove();
  if (message.sources?.length) element.append(sourceList(message.sources));
  if (message.interrupted) {
    element.append(h('p', { className: 'note' }, message.content ? 'The answer was cut short.' : 'No answer was written.'));
  }
  if (message.createdAt) element.title = formatDate(message.createdAt);
  element.querySelector('.feedback')?.remove();
  if (message.id && chatId) element.append(feedbackBar(chatId, message));
}

function sourceList(sources) {
  return h('details', { className: 'sources' },
    h('summary', {}, `Sources (${sources.length})`),
    h('ol', {}, sources.map((s) => h('li', { value: s.n },
      linkable(s.url)
        ? h('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, sourceLabel(s) || `Source ${s.n}`)
        : h('span', {}, [sourceLabel(s), s.url].filter(Boolean).join(' — ')),
      s.snippet ? h('p', { className: 'snippet-text' }, s.snippet) : null))));
}

function nearEnd() {
  const box = $('messages');
  return box.scrollHeight - box.scrollTop - box.clientHeight < 80;
}

function scrollToEnd() {
  const box = $('messages');
  box.scrollTop = box.scrollHeight;
}

function restoreDraft() {
  $('composer-input').value = drafts.get(key()) || '';
  autosize();
}

function showStreamState() {
  const live = streams.get(key());
  $('send').hidden = Boolean(live);
  $('stop').hidden = !live;
  $('stop').disabled = Boolean(live?.stopping);
}

function showError(text) {
  const banner = $('chat-error');
  banner.textContent = text;
  banner.hidden = false;
}

function hideError() {
  $('chat-error').hidden = true;
  $('chat-error').textContent = '';
}

async function send() {
  const input = $('composer-input');
  const text = input.value.trim();
  if (!text || streams.has(key())) return;
  hideError();
  const chatId = current.id;
  const body = chatId ? { message: text } : newChatRequest(text);
  if (!body) return;
  const live = {
    chatId, text: '', sources: [], accepted: false, stopping: false, frame: 0, controller: new AbortController(),
    question: article({ role: 'user', content: text }),
    answer: article({ role: 'assistant', content: '' }),
  };
  live.answer.classList.add('streaming');
  live.answer.setAttribute('aria-busy', 'true');
  streams.set(key(), live);
  input.value = '';
  drafts.delete(key());
  autosize();
  $('message-list').append(live.question, live.answer);
  scrollToEnd();
  showStreamState();
  try {
    const response = await request(chatId ? `/api/v1/chats/${chatId}/messages` : '/api/v1/chats', {
      method: 'POST', body, accept: 'text/event-stream', signal: live.controller.signal,
    });
    let finished = false;
    for await (const { event, data } of serverSentEvents(response)) {
      if (event === 'meta') accepted(live, data.chatId, text);
      else if (event === 'sources') live.sources = data;
      else if (event === 'token') token(live, data.text);
      else if (event === 'done') {
        finished = true;
        done(live, data);
      } else if (event === 'error') {
        throw new ApiError(data.status, data);
      }
    }
    if (!finished) throw new ApiError(0, {});
  } catch (e) {
    failed(live, text, e);
  } finally {
    cancelAnimationFrame(live.frame);
    live.answer.classList.remove('streaming');
    live.answer.removeAttribute('aria-busy');
    streams.delete(live.chatId ?? NEW);
    showStreamState();
  }
}

function newChatRequest(text) {
  const category = document.querySelector('input[name="category"]:checked').value;
  if (category !== 'OFFICIAL_DOCS') return { message: text, category };
  const documentId = $('document-select').value;
  if (!documentId) {
    showError('Choose a document set first, or answer from general knowledge.');
    return null;
  }
  return { message: text, category, documentId };
}

function accepted(live, chatId, text) {
  live.accepted = true;
  if (live.chatId) return;
  live.chatId = chatId;
  streams.delete(NEW);
  streams.set(chatId, live);
  if (current.id === null && live.question.isConnected) {
    current.id = chatId;
    $('new-chat-options').hidden = true;
    $('chat-title').textContent = text.length > 60 ? `${text.slice(0, 60)}…` : text;
    history.pushState(null, '', `/chats/${chatId}`);
  }
  sidebar.upsert({ id: chatId, title: $('chat-title').textContent || text.slice(0, 60), preview: text }, true);
  sidebar.setActive(current.id);
}

function token(live, text) {
  live.text += text;
  if (!live.frame) {
    live.frame = requestAnimationFrame(() => {
      live.frame = 0;
      const follow = nearEnd();
      renderMarkdown(live.answer.querySelector('.content'), live.text, live.sources);
      if (follow && live.answer.isConnected) scrollToEnd();
    });
  }
}

function done(live, { message, chat }) {
  cancelAnimationFrame(live.frame);
  live.frame = 0;
  const follow = nearEnd();
  fill(live.answer, message, chat.id);
  live.answer.dataset.seq = message.seq;
  live.question.dataset.seq = message.seq - 1;
  if (follow && live.answer.isConnected) scrollToEnd();
  sidebar.upsert(chat, true);
  if (current.id === chat.id) showHeader(chat);
  if (chat.messageCount <= 2) awaitModelTitle(chat);
}

/** The model names a new chat after its first answer, off the request path: look for the name a few times. */
async function awaitModelTitle(chat, delays = [1000, 3000, 8000]) {
  for (const delay of delays) {
    await new Promise((resolve) => setTimeout(resolve, delay));
    try {
      const page = await json('/api/v1/chats?limit=10');
      const named = page.items.find((c) => c.id === chat.id);
      if (!named) return;
      if (named.title !== chat.title) {
        sidebar.upsert(named);
        if (current.id === chat.id) $('chat-title').textContent = named.title;
        return;
      }
    } catch {
      return;
    }
  }
}

/** Nothing stored: the question goes back to the input. Stored: the partial answer stays, marked. */
function failed(live, text, error) {
  const here = current.id === live.chatId;
  if (!live.accepted) {
    live.question.remove();
    live.answer.remove();
    const input = $('composer-input');
    if (error.name === 'AbortError') {
      // stopped before the server took the question: nothing to report
    } else if (here) {
      if (!input.value.trim()) input.value = text;
      drafts.set(key(), input.value);
      autosize();
    }
  } else {
    renderMarkdown(live.answer.querySelector('.content'), live.text, live.sources);
    live.answer.append(h('p', { className: 'note' }, live.text ? 'The answer was cut short.' : 'No answer was written.'));
  }
  if (error.name === 'AbortError') return;
  const message = error.status === 0 && live.accepted
    ? 'The connection was lost while the answer was written. Reload the chat to see what was saved.'
    : error.message;
  if (here) showError(message);
}

async function stop() {
  const live = streams.get(key());
  if (!live || live.stopping) return;
  live.stopping = true;
  showStreamState();
  if (!live.chatId) {
    live.controller.abort();
    return;
  }
  try {
    await request(`/api/v1/chats/${live.chatId}/stop`, { method: 'POST' });
  } catch (e) {
    live.stopping = false;
    showStreamState();
    showError(e.message);
  }
}

export function focusComposer() {
  $('composer-input').focus();
}
