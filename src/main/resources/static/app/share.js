// The page of a share link (/s/{token}): a read-only snapshot of a chat, read without an account.

import { h } from './dom.js';
import { translator } from './i18n.js';
import { linkable, renderMarkdown, sourceLabel } from './markdown.js';

const t = translator({
  en: {
    loading: 'Loading…',
    sharedOn: 'Shared on {date}',
    note: 'A read-only copy of a Docent chat, as it was when it was shared.',
    gone: 'This link was revoked, or it never existed.',
    goneTitle: 'Link not found',
    failed: 'The shared chat could not be loaded. Try again later.',
    youSaid: 'Question',
    docentAnswered: 'Docent answered',
    sources: 'Sources ({n})',
    source: 'Source {n}',
    cutShort: 'The answer was cut short.',
    untitled: 'Untitled chat',
  },
  ko: {
    loading: '불러오는 중…',
    sharedOn: '{date}에 공유됨',
    note: 'Docent 대화의 읽기 전용 사본입니다. 공유한 시점의 내용입니다.',
    gone: '이 링크는 취소되었거나 존재하지 않습니다.',
    goneTitle: '링크를 찾을 수 없음',
    failed: '공유된 대화를 불러오지 못했습니다. 나중에 다시 시도하세요.',
    youSaid: '질문',
    docentAnswered: 'Docent의 답변',
    sources: '출처 ({n})',
    source: '출처 {n}',
    cutShort: '답변이 중간에 끊겼습니다.',
    untitled: '제목 없는 대화',
  },
});

const token = decodeURIComponent(location.pathname.split('/').pop());
const title = document.getElementById('shared-title');
const subtitle = document.getElementById('shared-subtitle');

async function show() {
  subtitle.textContent = t('loading');
  let response;
  try {
    response = await fetch(`/api/v1/shares/${encodeURIComponent(token)}`, { headers: { Accept: 'application/json' } });
  } catch {
    subtitle.textContent = t('failed');
    return;
  }
  if (response.status === 404) {
    title.textContent = t('goneTitle');
    subtitle.textContent = t('gone');
    return;
  }
  if (!response.ok) {
    subtitle.textContent = t('failed');
    return;
  }
  const chat = await response.json();
  title.textContent = chat.title || t('untitled');
  document.title = `${title.textContent} · Docent`;
  subtitle.textContent = t('sharedOn', { date: new Date(chat.sharedAt).toLocaleString() });
  document.getElementById('shared-messages').replaceChildren(...chat.messages.map(message));
  document.getElementById('shared-note').textContent = t('note');
}

function message(m) {
  const user = m.role === 'user';
  const content = h('div', { className: user ? 'content plain' : 'content markdown' });
  if (user) content.textContent = m.content;
  else renderMarkdown(content, m.content || '', m.sources || []);
  const element = h('article', { className: `message ${user ? 'user' : 'assistant'}` },
    h('h2', { className: 'visually-hidden' }, user ? t('youSaid') : t('docentAnswered')),
    h('div', { className: 'bubble' }, content));
  if (!user && m.sources?.length) {
    element.append(h('details', { className: 'sources' },
      h('summary', {}, t('sources', { n: m.sources.length })),
      h('ol', {}, m.sources.map((s) => h('li', { value: s.n },
        linkable(s.url)
          ? h('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, sourceLabel(s) || t('source', { n: s.n }))
          : h('span', {}, [sourceLabel(s), s.url].filter(Boolean).join(' — ')))))));
  }
  if (m.interrupted) element.append(h('p', { className: 'note' }, t('cutShort')));
  return element;
}

show();
