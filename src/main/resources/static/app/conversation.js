// One conversation: its messages (older ones loaded when scrolled up), the composer, and answers
// streamed token by token, with a stop button while they stream.

import { ApiError, json, request } from './api.js';
import * as sidebar from './chats.js';
import { $, h, counted, formatDate } from './dom.js';
import { feedbackBar } from './feedback.js';
import { language, translator } from './i18n.js';
import { linkable, renderMarkdown, sourceLabel, sourceName } from './markdown.js';
import { t as pageText } from './page.js';
import { serverSentEvents } from './sse.js';
import { attachActions, editQuestion, openShareDialog, shareLabel } from './versions.js';

const t = translator({
  en: {
    pages: '{n} pages',
    'pages.one': '{n} page',
    ready: '{title} ({pages})',
    beingIngested: '{title} (being ingested…)',
    allSets: 'All document sets',
    setsIngesting: 'The document sets are being ingested; start a new chat again in a moment.',
    noSets: 'No document sets yet.',
    addOne: 'Add one on the Documents page.',
    askAdmin: 'An administrator can add them.',
    noModel: 'No language model is configured, so General knowledge cannot answer yet: an operator sets '
      + 'DOCENT_LLM_PROVIDER (openai or ollama) with DOCENT_LLM_BASE_URL and DOCENT_LLM_MODEL. '
      + 'Official documentation answers work without one.',
    loading: 'Loading…',
    notFound: 'Chat not found',
    couldNotOpen: 'Could not open this chat',
    doesNotExist: 'This chat does not exist, or it was deleted.',
    setDeleted: 'The document set this chat answered from was deleted.',
    official: 'Official documentation',
    officialWith: 'Official documentation · {title}',
    general: 'General knowledge',
    untitled: 'Untitled chat',
    loadingOlder: 'Loading earlier messages…',
    start: 'This is the start of the conversation.',
    youSaid: 'You said',
    docentAnswered: 'Docent answered',
    cutShort: 'The answer was cut short.',
    noAnswer: 'No answer was written.',
    sources: 'Sources ({n})',
    chooseSet: 'Choose a document set first, or answer from general knowledge.',
    chooseCategory: 'Choose what Docent should answer from.',
    connectionLost: 'The connection was lost while the answer was written. Reload the chat to see what was saved.',
  },
  ko: {
    pages: '{n}쪽',
    'pages.one': '{n}쪽',
    ready: '{title} ({pages})',
    beingIngested: '{title} (수집 중…)',
    allSets: '모든 문서 세트',
    setsIngesting: '문서 세트를 수집하고 있습니다. 잠시 뒤에 새 채팅을 다시 시작하세요.',
    noSets: '아직 문서 세트가 없습니다.',
    addOne: '문서 페이지에서 추가하세요.',
    askAdmin: '관리자가 추가할 수 있습니다.',
    noModel: '언어 모델이 설정되지 않아 일반 지식으로는 아직 답할 수 없습니다. 운영자가 DOCENT_LLM_PROVIDER(openai 또는 '
      + 'ollama)와 DOCENT_LLM_BASE_URL, DOCENT_LLM_MODEL을 설정해야 합니다. 공식 문서 답변은 모델 없이도 됩니다.',
    loading: '불러오는 중…',
    notFound: '채팅을 찾을 수 없습니다',
    couldNotOpen: '이 채팅을 열 수 없습니다',
    doesNotExist: '이 채팅은 없거나 삭제되었습니다.',
    setDeleted: '이 채팅이 답변의 근거로 삼던 문서 세트가 삭제되었습니다.',
    official: '공식 문서',
    officialWith: '공식 문서 · {title}',
    general: '일반 지식',
    untitled: '제목 없는 채팅',
    loadingOlder: '이전 메시지를 불러오는 중…',
    start: '대화의 처음입니다.',
    youSaid: '내 메시지',
    docentAnswered: 'Docent의 답변',
    cutShort: '답변이 중간에 끊겼습니다.',
    noAnswer: '답변이 작성되지 않았습니다.',
    sources: '출처 ({n})',
    chooseSet: '먼저 문서 세트를 고르거나 일반 지식으로 답하게 하세요.',
    chooseCategory: 'Docent가 무엇을 바탕으로 답할지 고르세요.',
    connectionLost: '답변을 쓰는 중에 연결이 끊겼습니다. 저장된 내용을 보려면 채팅을 새로 고치세요.',
  },
});

const NEW = 'new';
const OLDER_PAGE = 50;
/** The document select's value for "all document sets" (the API's OFFICIAL_DOCS without a documentId). */
const ALL = 'all';
const STOP_PATIENCE_MILLIS = 10_000;

/** The chat on screen: null id for a new one. */
const current = { id: null, oldestSeq: null, hasMore: false, loadingOlder: false, view: 0 };
/** Answers being streamed, by chat id (NEW until the server names the chat). */
const streams = new Map();
const drafts = new Map();
let documents = [];
let navigate = () => {};
const capabilities = { known: false, modelConfigured: true };
const starterCache = new Map();

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
  $('share-chat').textContent = shareLabel();
  $('share-chat').addEventListener('click', () => current.id && openShareDialog(current.id));
  document.querySelectorAll('input[name="category"]').forEach((radio) => radio.addEventListener('change', chooseCategory));
  $('document-select').addEventListener('change', showStarters);
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
  $('chat-title').textContent = pageText('newChat');
  $('chat-subtitle').textContent = '';
  $('share-chat').hidden = true;
  $('new-chat-options').hidden = false;
  $('message-list').replaceChildren();
  $('older-status').textContent = '';
  $('starters').hidden = true;
  hideNotice();
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
  const chosen = select.value;
  const options = documents.map((d) => h('option', { value: d.id, disabled: !d.ingestedAt },
    d.ingestedAt ? t('ready', { title: d.title, pages: counted(t, 'pages', d.pageCount ?? 0) })
      : t('beingIngested', { title: d.title })));
  if (ready.length > 1) options.push(h('option', { value: ALL }, t('allSets')));
  select.replaceChildren(...options);
  if (ready.length) select.value = [...select.options].some((o) => o.value === chosen && !o.disabled) ? chosen : ready[0].id;
  const docs = $('category-docs');
  docs.disabled = ready.length === 0;
  if (docs.disabled && docs.checked) docs.checked = false;
  hint.textContent = ready.length ? ''
    : documents.length ? t('setsIngesting')
      : `${t('noSets')} ${isAdmin ? t('addOne') : t('askAdmin')}`;
  await loadCapabilities();
  const general = $('category-general');
  $('model-hint').hidden = capabilities.modelConfigured;
  $('model-hint').textContent = capabilities.modelConfigured ? '' : t('noModel');
  if (!general.checked && !docs.checked) {
    // the default: the model when there is one; without one General knowledge only says so, so it is not offered first
    if (capabilities.modelConfigured) general.checked = true;
    else if (!docs.disabled) docs.checked = true;
  }
  chooseCategory();
}

/** What answers here: whether a language model is configured (asked once). */
async function loadCapabilities() {
  if (capabilities.known) return;
  try {
    Object.assign(capabilities, await json('/api/v1/assistant'), { known: true });
  } catch {
    capabilities.modelConfigured = true; // unknown: offer everything as before
  }
}

function chooseCategory() {
  $('document-choice').hidden = !$('category-docs').checked;
  showStarters();
}

/**
 * Questions to start with, from the chosen document set's headings (a few of each set for all of
 * them); a click asks one.
 */
async function showStarters() {
  const box = $('starters');
  const view = current.view;
  const chosen = $('category-docs').checked && !$('new-chat-options').hidden ? $('document-select').value : '';
  const sets = chosen === ALL ? documents.filter((d) => d.ingestedAt).map((d) => d.id) : chosen ? [chosen] : [];
  if (!sets.length) {
    box.hidden = true;
    return;
  }
  const lists = await Promise.all(sets.map((id) => starters(id, sets.length > 1 ? 2 : 4)));
  if (view !== current.view || $('document-select').value !== chosen || !$('category-docs').checked) return;
  const questions = lists.flat().slice(0, 4);
  $('starter-list').replaceChildren(...questions.map((question) => {
    const chip = h('button', { type: 'button', className: 'starter' }, question);
    chip.addEventListener('click', () => {
      $('composer-input').value = question;
      send();
    });
    return h('li', {}, chip);
  }));
  box.hidden = questions.length === 0;
}

async function starters(documentId, limit) {
  const cacheKey = `${documentId} ${language()} ${limit}`;
  if (!starterCache.has(cacheKey)) {
    const params = new URLSearchParams({ lang: language(), limit });
    starterCache.set(cacheKey, json(`/api/v1/documents/${documentId}/starters?${params}`)
      .then((answer) => answer.questions)
      .catch(() => {
        starterCache.delete(cacheKey);
        return [];
      }));
  }
  return starterCache.get(cacheKey);
}

export async function openChat(id) {
  const view = ++current.view;
  Object.assign(current, { id, oldestSeq: null, hasMore: false, loadingOlder: false });
  sidebar.setActive(id);
  $('new-chat-options').hidden = true;
  $('chat-title').textContent = '';
  $('chat-subtitle').textContent = '';
  $('message-list').replaceChildren();
  $('older-status').textContent = t('loading');
  hideNotice();
  hideError();
  restoreDraft();
  showStreamState();
  let chat;
  try {
    chat = await json(`/api/v1/chats/${id}`);
  } catch (e) {
    if (view !== current.view) return;
    $('older-status').textContent = '';
    $('chat-title').textContent = e.status === 404 ? t('notFound') : t('couldNotOpen');
    showError(e.status === 404 ? t('doesNotExist') : e.message);
    return;
  }
  if (view !== current.view) return;
  if (chat.documentId && !documents.some((d) => d.id === chat.documentId)) {
    await fetchDocuments();
    if (view !== current.view) return;
  }
  $('older-status').textContent = '';
  showHeader(chat);
  if (chat.documentId && !documents.some((d) => d.id === chat.documentId)) offerAllSets();
  const list = $('message-list');
  list.replaceChildren(...chat.messages.map(article));
  current.oldestSeq = chat.messages.length ? chat.messages[0].seq : null;
  current.hasMore = chat.hasMore;
  const live = streams.get(id);
  if (live) list.append(live.answer);
  scrollToEnd();
}

function showHeader(chat) {
  $('share-chat').hidden = false;
  $('chat-title').textContent = chat.title || t('untitled');
  $('chat-subtitle').textContent = chat.category === 'OFFICIAL_DOCS' ? officialSubtitle(chat.documentId) : t('general');
}

/** Which sets answer: the chat's own, all of them (no documentId), or none left (its set was deleted). */
function officialSubtitle(documentId) {
  if (!documentId) return t('officialWith', { title: t('allSets') });
  const doc = documents.find((d) => d.id === documentId);
  return doc ? t('officialWith', { title: doc.title }) : t('official');
}

/**
 * The chat's document set is gone: say so, and offer to go on in this same chat, with its history,
 * over all the sets. Until then the composer is off, as a question here would find nothing to answer from.
 */
function offerAllSets() {
  $('chat-notice-text').textContent = t('setDeleted');
  $('chat-notice').hidden = false;
  lockComposer(true);
  const button = $('continue-all');
  button.disabled = false;
  button.onclick = async () => {
    const { id, view } = current;
    button.disabled = true;
    hideError();
    try {
      const chat = await json(`/api/v1/chats/${id}`, { method: 'PATCH', body: { allDocuments: true } });
      sidebar.upsert(chat);
      if (view !== current.view) return;
      hideNotice();
      showHeader(chat);
      focusComposer();
    } catch (e) {
      if (view !== current.view) return;
      button.disabled = false;
      showError(e.message);
    }
  };
}

function hideNotice() {
  $('chat-notice').hidden = true;
  lockComposer(false);
}

function lockComposer(locked) {
  $('composer-input').disabled = locked;
  $('send').disabled = locked;
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
  $('older-status').textContent = t('loadingOlder');
  try {
    const page = await json(`/api/v1/chats/${id}/messages?before=${current.oldestSeq}&limit=${OLDER_PAGE}`);
    if (view !== current.view) return;
    const older = page.items.slice().reverse();
    const fromBottom = box.scrollHeight - box.scrollTop;
    $('message-list').prepend(...older.map(article));
    box.scrollTop = box.scrollHeight - fromBottom;
    if (older.length) current.oldestSeq = older[0].seq;
    current.hasMore = page.nextBefore != null;
    $('older-status').textContent = current.hasMore ? '' : t('start');
  } catch (e) {
    if (view === current.view) $('older-status').textContent = e.message;
  } finally {
    if (view === current.view) current.loadingOlder = false;
  }
}

function article(message) {
  const user = message.role === 'user';
  const content = h('div', { className: user ? 'content plain' : 'content markdown' });
  const element = h('article', {
    className: `message ${user ? 'user' : 'assistant'}`, dataset: { seq: message.seq ?? '', id: message.id ?? '' },
  },
    h('h2', { className: 'visually-hidden' }, user ? t('youSaid') : t('docentAnswered')),
    h('div', { className: 'bubble' }, content));
  if (user) content.textContent = message.content;
  else fill(element, message);
  if (message.id) attachActions(element, message, versionActions);
  return element;
}

/** Versions of messages: regenerate, edit and resend, switch (see versions.js). */
const versionActions = {
  regenerate(message) {
    if (!current.id || streams.has(key())) return;
    const answer = [...$('message-list').children].find((el) => el.dataset.id === message.id);
    const question = answer?.previousElementSibling;
    answer?.remove();
    revise(`/api/v1/chats/${current.id}/messages/${message.id}/regenerate`, undefined, question ?? null);
  },
  async edit(message, element) {
    if (!current.id || streams.has(key())) return;
    const text = await editQuestion(element, message.content);
    if (text === null || streams.has(key())) return;
    while (element.nextElementSibling) element.nextElementSibling.remove();
    const question = article({ role: 'user', content: text });
    element.replaceWith(question);
    revise(`/api/v1/chats/${current.id}/messages/${message.id}/versions`, { message: text }, question);
  },
  async select(messageId) {
    if (!current.id || streams.has(key())) return;
    const { id, view } = current;
    try {
      await request(`/api/v1/chats/${id}/messages/${messageId}/select`, { method: 'POST' });
      if (view === current.view) await openChat(id);
    } catch (e) {
      if (view === current.view) showError(e.message);
    }
  },
};

/** A regenerated answer or an edited question, streamed like a new one; then the chat is read again for its versions. */
async function revise(path, body, question) {
  hideError();
  const live = {
    chatId: current.id, text: '', sources: [], accepted: false, stopping: false, frame: 0,
    controller: new AbortController(), revision: true,
    question: question ?? h('div'),
    answer: article({ role: 'assistant', content: '' }),
  };
  $('message-list').append(live.answer);
  scrollToEnd();
  await runTurn(live, path, body, question?.textContent ?? '');
  if (current.id !== live.chatId) return;
  await openChat(live.chatId);
  if (live.error && current.id === live.chatId) showError(live.error);
}

function fill(element, message, chatId = current.id) {
  const content = element.querySelector('.content');
  renderMarkdown(content, message.content || '', message.sources || []);
  element.querySelector('.sources')?.remove();
  element.querySelector('.note')?.remove();
  if (message.sources?.length) element.append(sourceList(message.sources));
  if (message.interrupted) {
    element.append(h('p', { className: 'note' }, message.content ? t('cutShort') : t('noAnswer')));
  }
  if (message.createdAt) element.title = formatDate(message.createdAt);
  element.querySelector('.feedback')?.remove();
  if (message.id && chatId) element.append(feedbackBar(chatId, message));
}

function sourceList(sources) {
  return h('details', { className: 'sources' },
    h('summary', {}, t('sources', { n: sources.length })),
    h('ol', {}, sources.map((s) => h('li', { value: s.n },
      linkable(s.url)
        ? h('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, sourceName(s))
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
    question: article({ role: 'user', content: text }), questionText: text,
    answer: article({ role: 'assistant', content: '' }),
  };
  input.value = '';
  drafts.delete(key());
  autosize();
  $('message-list').append(live.question, live.answer);
  scrollToEnd();
  await runTurn(live, chatId ? `/api/v1/chats/${chatId}/messages` : '/api/v1/chats', body, text);
}

async function runTurn(live, path, body, text) {
  live.answer.classList.add('streaming');
  live.answer.setAttribute('aria-busy', 'true');
  streams.set(live.chatId ?? NEW, live);
  showStreamState();
  try {
    const response = await request(path, {
      method: 'POST', body, accept: 'text/event-stream', signal: live.controller.signal,
    });
    let finished = false;
    for await (const { event, data } of serverSentEvents(response)) {
      if (event === 'meta') accepted(live, data.chatId, text, data.userMessageId);
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
    clearTimeout(live.stopTimer);
    live.answer.classList.remove('streaming');
    live.answer.removeAttribute('aria-busy');
    streams.delete(live.chatId ?? NEW);
    showStreamState();
  }
}

function newChatRequest(text) {
  const category = document.querySelector('input[name="category"]:checked')?.value;
  if (!category) {
    showError(t('chooseCategory'));
    return null;
  }
  if (category !== 'OFFICIAL_DOCS') return { message: text, category };
  const documentId = $('document-select').value;
  if (!documentId) {
    showError(t('chooseSet'));
    return null;
  }
  return documentId === ALL ? { message: text, category } : { message: text, category, documentId };
}

function accepted(live, chatId, text, questionId) {
  live.accepted = true;
  live.questionId = questionId;
  if (!live.chatId) adopt(live, chatId, text);
  if (live.stopping) requestStop(live);
}

/** A new chat has its id now: the page shows it at its address and in the chat list. */
function adopt(live, chatId, text) {
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
  live.answer.dataset.id = message.id;
  attachActions(live.answer, message, versionActions);
  if (!live.revision && live.questionId) {
    live.question.dataset.id = live.questionId;
    attachActions(live.question, { id: live.questionId, role: 'user', content: live.questionText }, versionActions);
  }
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
  if (!live.accepted && live.revision) {
    live.answer.remove();
  } else if (!live.accepted) {
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
    live.answer.append(h('p', { className: 'note' }, live.text ? t('cutShort') : t('noAnswer')));
  }
  if (error.name === 'AbortError') return;
  const message = error.status === 0 && live.accepted
    ? t('connectionLost')
    : error.message;
  live.error = message;
  if (here) showError(message);
}

/**
 * Stops the answer on screen. Until the server has taken the question (its meta event) there is no
 * running answer to stop: the stop is sent as soon as it has, so an answer stopped right after Send
 * is stored interrupted, with nothing written after the stop.
 */
function stop() {
  const live = streams.get(key());
  if (!live || live.stopping) return;
  live.stopping = true;
  showStreamState();
  if (live.accepted) {
    requestStop(live);
    return;
  }
  // the question may never reach the server (a lost connection): then give up on it
  live.stopTimer = setTimeout(() => { if (!live.accepted) live.controller.abort(); }, STOP_PATIENCE_MILLIS);
}

async function requestStop(live) {
  clearTimeout(live.stopTimer);
  try {
    await request(`/api/v1/chats/${live.chatId}/stop`, { method: 'POST' });
  } catch (e) {
    live.stopping = false;
    showStreamState();
    if (current.id === live.chatId) showError(e.message);
  }
}

export function focusComposer() {
  $('composer-input').focus();
}
