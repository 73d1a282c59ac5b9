// What can be done with one message: copy an answer as Markdown, answer the last question again, edit a
// question and ask it again, and switch between a message's versions (‹ 1/2 ›). Also the share dialog.

import { json, request } from './api.js';
import { $, h, formatDate, toast } from './dom.js';
import { translator } from './i18n.js';

const t = translator({
  en: {
    copy: 'Copy',
    copyLabel: 'Copy this answer as Markdown',
    copied: 'Copied',
    copyFailed: 'Could not copy; select the text and copy it instead',
    regenerate: 'Regenerate',
    regenerateLabel: 'Answer this question again',
    edit: 'Edit',
    editLabel: 'Edit this question and ask it again',
    save: 'Send',
    cancel: 'Cancel',
    editInput: 'Edited question',
    previous: 'Previous version',
    next: 'Next version',
    versionOf: '{n}/{count}',
    versionLabel: 'Version {n} of {count}',
    share: 'Share',
    shareHeading: 'Share this chat',
    shareText: 'Anyone with the link can read this chat as it is now, without an account. Later messages are not shared.',
    shareCreate: 'Create link',
    shareLink: 'Link',
    shareCopy: 'Copy link',
    shareLinks: 'Links to this chat',
    shareNone: 'No links yet.',
    revoke: 'Revoke',
    revokeLabel: 'Revoke the link created {date}',
    revoked: 'Link revoked',
    created: 'Created {date}',
    close: 'Close',
  },
  ko: {
    copy: '복사',
    copyLabel: '이 답변을 마크다운으로 복사',
    copied: '복사했습니다',
    copyFailed: '복사하지 못했습니다. 텍스트를 선택해 복사하세요',
    regenerate: '다시 생성',
    regenerateLabel: '이 질문에 다시 답변',
    edit: '수정',
    editLabel: '이 질문을 수정해 다시 묻기',
    save: '보내기',
    cancel: '취소',
    editInput: '수정한 질문',
    previous: '이전 버전',
    next: '다음 버전',
    versionOf: '{n}/{count}',
    versionLabel: '{count}개 중 {n}번째 버전',
    share: '공유',
    shareHeading: '이 대화 공유',
    shareText: '링크가 있는 사람은 누구나 계정 없이 지금 상태의 대화를 읽을 수 있습니다. 이후 메시지는 공유되지 않습니다.',
    shareCreate: '링크 만들기',
    shareLink: '링크',
    shareCopy: '링크 복사',
    shareLinks: '이 대화의 링크',
    shareNone: '아직 링크가 없습니다.',
    revoke: '취소',
    revokeLabel: '{date}에 만든 링크 취소',
    revoked: '링크를 취소했습니다',
    created: '{date}에 만듦',
    close: '닫기',
  },
});

/**
 * The action bar under a stored message. {@code handlers}: regenerate(message), edit(message, element),
 * select(messageId) — supplied by the conversation, which owns the turn machinery.
 */
export function attachActions(element, message, handlers) {
  element.querySelector(':scope > .message-actions')?.remove();
  const bar = h('div', { className: 'message-actions' });
  const versions = message.versions ?? [message.id];
  if (versions.length > 1) bar.append(switcher(message, versions, handlers));
  if (message.role === 'assistant') {
    bar.append(
      h('button', { type: 'button', className: 'action copy', 'aria-label': t('copyLabel'), title: t('copyLabel'),
        onclick: () => copyMarkdown(message.content ?? '') }, t('copy')),
      h('button', { type: 'button', className: 'action regenerate', 'aria-label': t('regenerateLabel'),
        title: t('regenerateLabel'), onclick: () => handlers.regenerate(message) }, t('regenerate')));
  } else {
    bar.append(h('button', { type: 'button', className: 'action edit', 'aria-label': t('editLabel'), title: t('editLabel'),
      onclick: () => handlers.edit(message, element) }, t('edit')));
  }
  element.append(bar);
}

function switcher(message, versions, handlers) {
  const index = Math.max(0, versions.indexOf(message.id));
  const go = (to) => () => handlers.select(versions[to]);
  return h('span', { className: 'versions', role: 'group', 'aria-label': t('versionLabel', { n: index + 1, count: versions.length }) },
    h('button', { type: 'button', className: 'action version-previous', 'aria-label': t('previous'), disabled: index === 0,
      onclick: go(index - 1) }, '‹'),
    h('span', { className: 'version-index' }, t('versionOf', { n: index + 1, count: versions.length })),
    h('button', { type: 'button', className: 'action version-next', 'aria-label': t('next'),
      disabled: index === versions.length - 1, onclick: go(index + 1) }, '›'));
}

/** Replaces a question's bubble with an editor; resolves with the new text, or null when cancelled. */
export function editQuestion(element, text) {
  return new Promise((resolve) => {
    const bubble = element.querySelector('.bubble');
    const actions = element.querySelector(':scope > .message-actions');
    const input = h('textarea', { className: 'edit-input', value: text, rows: 3, maxLength: 16000, 'aria-label': t('editInput') });
    const finish = (result) => {
      form.remove();
      bubble.hidden = false;
      if (actions) actions.hidden = false;
      resolve(result);
    };
    const form = h('form', {
      className: 'edit-form',
      onsubmit: (event) => {
        event.preventDefault();
        const edited = input.value.trim();
        if (edited) finish(edited);
      },
    }, input, h('div', { className: 'dialog-buttons' },
      h('button', { type: 'button', onclick: () => finish(null) }, t('cancel')),
      h('button', { type: 'submit', className: 'primary' }, t('save'))));
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') finish(null);
    });
    bubble.hidden = true;
    if (actions) actions.hidden = true;
    bubble.after(form);
    input.focus();
  });
}

/** Copies text: the Clipboard API where the page may use it, else a selected, off-screen text area. */
export async function copyMarkdown(text) {
  try {
    if (!navigator.clipboard?.writeText) throw new Error('no clipboard API');
    await navigator.clipboard.writeText(text);
    toast(t('copied'));
  } catch {
    toast(fallbackCopy(text) ? t('copied') : t('copyFailed'));
  }
}

function fallbackCopy(text) {
  const area = h('textarea', { value: text, readOnly: true, className: 'copy-buffer', 'aria-hidden': 'true' });
  document.body.append(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  }
  area.remove();
  return copied;
}

/** The share dialog of a chat: create a link, copy it, list and revoke the chat's links. */
export async function openShareDialog(chatId) {
  let dialog = $('share-dialog');
  if (!dialog) {
    dialog = h('dialog', { id: 'share-dialog', 'aria-labelledby': 'share-heading' });
    document.body.append(dialog);
  }
  const link = h('input', { id: 'share-link', readOnly: true, value: '', 'aria-label': t('shareLink') });
  const list = h('ul', { id: 'share-list', className: 'share-list' });
  const status = h('p', { className: 'form-error', role: 'alert' });
  const copy = h('button', { type: 'button', id: 'share-copy', hidden: true, onclick: () => copyMarkdown(link.value) }, t('shareCopy'));
  const refresh = async () => {
    try {
      const page = await json('/api/v1/shares');
      const mine = page.items.filter((s) => s.chatId === chatId);
      list.replaceChildren(...(mine.length ? mine.map((s) => h('li', {},
        h('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer' }, t('created', { date: formatDate(s.createdAt) })), ' ',
        h('button', { type: 'button', className: 'revoke', 'aria-label': t('revokeLabel', { date: formatDate(s.createdAt) }),
          onclick: async () => {
            try {
              await request(`/api/v1/shares/${s.token}`, { method: 'DELETE' });
              if (link.value.endsWith(s.url)) {
                link.value = '';
                copy.hidden = true;
              }
              toast(t('revoked'));
              refresh();
            } catch (e) {
              status.textContent = e.message;
            }
          } }, t('revoke'))))
        : [h('li', { className: 'muted' }, t('shareNone'))]));
    } catch (e) {
      status.textContent = e.message;
    }
  };
  const create = h('button', { type: 'button', id: 'share-create', className: 'primary', onclick: async () => {
    status.textContent = '';
    try {
      const created = await json(`/api/v1/chats/${chatId}/shares`, { method: 'POST' });
      link.value = new URL(created.url, location.origin).href;
      copy.hidden = false;
      link.select();
      refresh();
    } catch (e) {
      status.textContent = e.message;
    }
  } }, t('shareCreate'));
  dialog.replaceChildren(
    h('h2', { id: 'share-heading' }, t('shareHeading')),
    h('p', { className: 'muted' }, t('shareText')),
    h('div', { className: 'share-row' }, link, copy),
    status,
    h('h3', {}, t('shareLinks')),
    list,
    h('div', { className: 'dialog-buttons' },
      h('button', { type: 'button', onclick: () => dialog.close() }, t('close')), create));
  dialog.showModal();
  create.focus();
  await refresh();
}

/** The label of the header's share button. */
export const shareLabel = () => t('share');
