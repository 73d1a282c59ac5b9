// Thumbs up or down under an answer: one click rates it, a second click on the same thumb withdraws the
// rating. A down-vote asks why (optional) with a short list of reasons and a comment.

import { json } from './api.js';
import { h, toast } from './dom.js';
import { translator } from './i18n.js';

export const REASONS = ['wrong', 'not-covered', 'outdated', 'unclear', 'other'];

const t = translator({
  en: {
    helpful: 'Helpful answer',
    unhelpful: 'Unhelpful answer',
    why: 'What was wrong with it?',
    wrong: 'Wrong',
    'not-covered': 'Not in the documentation',
    outdated: 'Outdated',
    unclear: 'Unclear',
    other: 'Something else',
    comment: 'Anything to add? (optional)',
    send: 'Send',
    skip: 'Skip',
    thanks: 'Thanks for the feedback',
    withdrawn: 'Rating withdrawn',
    failed: 'Could not save the rating: {error}',
  },
  ko: {
    helpful: '도움이 된 답변',
    unhelpful: '도움이 되지 않은 답변',
    why: '어떤 점이 문제였나요?',
    wrong: '틀림',
    'not-covered': '문서에 없음',
    outdated: '오래된 내용',
    unclear: '불분명함',
    other: '기타',
    comment: '덧붙일 말이 있나요? (선택)',
    send: '보내기',
    skip: '건너뛰기',
    thanks: '의견을 보내 주셔서 감사합니다',
    withdrawn: '평가를 취소했습니다',
    failed: '평가를 저장하지 못했습니다: {error}',
  },
});

/** The rating controls for one stored answer of the chat {@code chatId}. */
export function feedbackBar(chatId, message) {
  const url = `/api/v1/chats/${chatId}/messages/${message.id}/feedback`;
  let rating = message.feedback?.rating ?? null;
  const up = h('button', { type: 'button', className: 'thumb', 'aria-label': t('helpful'), title: t('helpful') }, '👍');
  const down = h('button', { type: 'button', className: 'thumb', 'aria-label': t('unhelpful'), title: t('unhelpful') }, '👎');
  const comment = h('textarea', { name: 'comment', rows: 2, maxLength: 2000, placeholder: t('comment'), 'aria-label': t('comment') });
  const reasons = h('form', { className: 'feedback-reasons', hidden: true },
    h('fieldset', {},
      h('legend', {}, t('why')),
      REASONS.map((reason) => h('label', {},
        h('input', { type: 'radio', name: 'reason', value: reason, checked: message.feedback?.reason === reason }), ` ${t(reason)}`))),
    comment,
    h('div', { className: 'actions' },
      h('button', { type: 'submit' }, t('send')),
      h('button', { type: 'button', className: 'secondary skip' }, t('skip'))));
  const bar = h('div', { className: 'feedback' }, up, down, reasons);

  const show = () => {
    up.setAttribute('aria-pressed', String(rating === 'up'));
    down.setAttribute('aria-pressed', String(rating === 'down'));
  };
  const save = async (body) => {
    try {
      if (body) {
        await json(url, { method: 'PUT', body });
        rating = body.rating;
      } else {
        await json(url, { method: 'DELETE' });
        rating = null;
      }
      show();
      return true;
    } catch (e) {
      toast(t('failed', { error: e.message }));
      return false;
    }
  };

  up.addEventListener('click', async () => {
    reasons.hidden = true;
    if (await save(rating === 'up' ? null : { rating: 'up' })) toast(t(rating ? 'thanks' : 'withdrawn'));
  });
  down.addEventListener('click', async () => {
    if (rating === 'down') {
      reasons.hidden = true;
      if (await save(null)) toast(t('withdrawn'));
      return;
    }
    if (await save({ rating: 'down' })) {
      reasons.hidden = false;
      reasons.querySelector('input')?.focus();
    }
  });
  reasons.addEventListener('submit', async (event) => {
    event.preventDefault();
    const reason = reasons.querySelector('input[name="reason"]:checked')?.value;
    const text = comment.value.trim();
    const body = { rating: 'down', ...(reason ? { reason } : {}), ...(text ? { comment: text } : {}) };
    if (await save(body)) {
      reasons.hidden = true;
      toast(t('thanks'));
    }
  });
  reasons.querySelector('.skip').addEventListener('click', () => {
    reasons.hidden = true;
    toast(t('thanks'));
  });
  show();
  return bar;
}
