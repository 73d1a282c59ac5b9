// The sidebar: the user's chats, most recent first, loaded page by page as it scrolls, with search,
// and rename / export / delete on each chat.

import { json, request } from './api.js';
import { $, h, confirmDialog, runDialog, toast } from './dom.js';
import { translator } from './i18n.js';
import { plainText } from './plain-text.js';

const t = translator({
  en: {
    loading: 'Loading…',
    noMatch: 'No chats match “{query}”.',
    noChats: 'No chats yet.',
    untitled: 'Untitled chat',
    actionsFor: 'Actions for {title}',
    chat: 'chat',
    rename: 'Rename',
    exportMarkdown: 'Export as Markdown',
    exportJson: 'Export as JSON',
    delete: 'Delete',
    emptyTitle: 'A title cannot be empty.',
    deleteHeading: 'Delete this chat?',
    deleteText: '“{title}” and all its messages will be deleted for good.',
    deleted: 'Chat deleted.',
  },
  ko: {
    loading: '불러오는 중…',
    noMatch: '“{query}”와(과) 맞는 채팅이 없습니다.',
    noChats: '아직 채팅이 없습니다.',
    untitled: '제목 없는 채팅',
    actionsFor: '{title} 작업',
    chat: '채팅',
    rename: '이름 바꾸기',
    exportMarkdown: 'Markdown으로 내보내기',
    exportJson: 'JSON으로 내보내기',
    delete: '삭제',
    emptyTitle: '제목은 비워 둘 수 없습니다.',
    deleteHeading: '이 채팅을 삭제할까요?',
    deleteText: '“{title}”과(와) 그 메시지가 모두 영구히 삭제됩니다.',
    deleted: '채팅을 삭제했습니다.',
  },
});

const PAGE = 30;
const items = new Map();
let query = '';
let nextCursor = null;
let loading = false;
let generation = 0;
let activeId = null;
let hooks = { renamed: () => {}, deleted: () => {} };

export function initSidebar(callbacks) {
  hooks = callbacks;
  const search = $('chat-search');
  let timer;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      query = search.value.trim();
      reload();
    }, 250);
  });
  search.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && search.value) {
      search.value = '';
      query = '';
      reload();
    }
  });
  new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) loadMore();
  }, { root: $('chat-list-scroller'), rootMargin: '200px' }).observe($('chat-list-end'));
  document.addEventListener('click', (event) => {
    if (!event.target.closest('.chat-menu, .chat-menu-button')) closeMenus();
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') closeMenus(true);
  });
}

/** Starts the list again from its first page (after a search change, or to pick up new titles). */
export function reload() {
  generation++;
  nextCursor = null;
  loading = false;
  items.clear();
  $('chat-list').replaceChildren();
  return loadMore(true);
}

async function loadMore(first = false) {
  if (loading || (!first && !nextCursor)) return;
  loading = true;
  const mine = generation;
  const status = $('chat-list-status');
  status.textContent = t('loading');
  const params = new URLSearchParams({ limit: PAGE });
  if (query) params.set('q', query);
  if (nextCursor) params.set('cursor', nextCursor);
  try {
    const page = await json(`/api/v1/chats?${params}`);
    if (mine !== generation) return;
    page.items.forEach((chat) => upsert(chat));
    nextCursor = page.nextCursor || null;
    status.textContent = items.size ? '' : emptyList();
  } catch (e) {
    if (mine === generation) status.textContent = e.message;
  } finally {
    if (mine === generation) loading = false;
  }
  if (mine === generation && nextCursor && endVisible()) loadMore();
}

function endVisible() {
  const end = $('chat-list-end').getBoundingClientRect();
  const box = $('chat-list-scroller').getBoundingClientRect();
  return end.top < box.bottom + 200;
}

/** Adds or updates a chat; {@code top} moves it first (it was just used). */
export function upsert(chat, top = false) {
  let item = items.get(chat.id);
  if (!item) {
    item = listItem(chat);
    items.set(chat.id, item);
    $('chat-list').append(item);
    $('chat-list-status').textContent = '';
  }
  item.querySelector('.chat-title').textContent = chat.title || t('untitled');
  item.querySelector('.chat-preview').textContent = plainText(chat.preview);
  item.querySelector('.chat-menu-button').setAttribute('aria-label', t('actionsFor', { title: chat.title || t('chat') }));
  item.chat = chat;
  if (top && !query) $('chat-list').prepend(item);
  return item;
}

export function setActive(id) {
  activeId = id;
  for (const [chatId, item] of items) {
    const link = item.querySelector('.chat-link');
    if (chatId === id) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

function listItem(chat) {
  const menu = h('div', { className: 'chat-menu', role: 'menu', hidden: true },
    h('button', { type: 'button', role: 'menuitem', dataset: { action: 'rename' } }, t('rename')),
    h('button', { type: 'button', role: 'menuitem', dataset: { action: 'markdown' } }, t('exportMarkdown')),
    h('button', { type: 'button', role: 'menuitem', dataset: { action: 'json' } }, t('exportJson')),
    h('button', { type: 'button', role: 'menuitem', className: 'danger', dataset: { action: 'delete' } }, t('delete')));
  const button = h('button', {
    type: 'button', className: 'icon-button chat-menu-button', 'aria-haspopup': 'menu', 'aria-expanded': 'false',
  }, '⋯');
  const item = h('li', { className: 'chat-item', dataset: { id: chat.id } },
    h('a', { className: 'chat-link', href: `/chats/${chat.id}`, dataset: { route: '' } },
      h('span', { className: 'chat-title' }), h('span', { className: 'chat-preview' })),
    button, menu);
  if (chat.id === activeId) item.querySelector('.chat-link').setAttribute('aria-current', 'page');
  button.addEventListener('click', () => {
    const open = menu.hidden;
    closeMenus();
    if (open) {
      menu.hidden = false;
      button.setAttribute('aria-expanded', 'true');
      menu.querySelector('button').focus();
    }
  });
  menu.addEventListener('keydown', (event) => moveFocus(event, menu));
  menu.addEventListener('click', (event) => {
    const action = event.target.closest('[data-action]')?.dataset.action;
    if (!action) return;
    closeMenus();
    button.focus();
    const act = { rename, markdown: exportAs, json: exportAs, delete: remove }[action];
    act(item.chat, action).catch((e) => toast(e.message));
  });
  return item;
}

function moveFocus(event, menu) {
  const buttons = [...menu.querySelectorAll('button')];
  const at = buttons.indexOf(document.activeElement);
  const step = { ArrowDown: 1, ArrowUp: -1 }[event.key];
  if (step) {
    event.preventDefault();
    buttons[(at + step + buttons.length) % buttons.length].focus();
  } else if (event.key === 'Tab') {
    closeMenus();
  }
}

function closeMenus(restoreFocus = false) {
  document.querySelectorAll('.chat-menu:not([hidden])').forEach((menu) => {
    menu.hidden = true;
    const button = menu.parentElement.querySelector('.chat-menu-button');
    button.setAttribute('aria-expanded', 'false');
    if (restoreFocus && menu.contains(document.activeElement)) button.focus();
  });
}

async function rename(chat) {
  const input = $('rename-input');
  input.value = chat.title || '';
  await runDialog($('rename-dialog'), $('rename-form'), $('rename-error'), async () => {
    const title = input.value.trim();
    if (!title) throw new Error(t('emptyTitle'));
    const renamed = await json(`/api/v1/chats/${chat.id}`, { method: 'PATCH', body: { title } });
    upsert(renamed);
    hooks.renamed(renamed);
  }, input);
}

async function remove(chat) {
  const deleted = await confirmDialog({
    heading: t('deleteHeading'),
    text: t('deleteText', { title: chat.title || t('untitled') }),
    action: () => request(`/api/v1/chats/${chat.id}`, { method: 'DELETE' }),
  });
  if (!deleted) return;
  forget(chat.id);
  toast(t('deleted'));
  hooks.deleted(chat.id);
}

export function forget(id) {
  items.get(id)?.remove();
  items.delete(id);
  if (!items.size) $('chat-list-status').textContent = emptyList();
}

function emptyList() {
  return query ? t('noMatch', { query }) : t('noChats');
}

/** The export needs the bearer token, so it is fetched and handed to the browser as a download. */
async function exportAs(chat, format) {
  const response = await request(`/api/v1/chats/${chat.id}/export?format=${format}`, { accept: '*/*' });
  const disposition = response.headers.get('Content-Disposition') || '';
  const named = /filename\*=UTF-8''([^;]+)/i.exec(disposition) || /filename="?([^";]+)"?/i.exec(disposition);
  const filename = named ? decodeURIComponent(named[1]) : `chat.${format === 'json' ? 'json' : 'md'}`;
  const url = URL.createObjectURL(await response.blob());
  const link = h('a', { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
