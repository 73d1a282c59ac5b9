// The ADMIN's insights page: questions per day (an Apache ECharts chart), how they went, the
// documentation gaps and top questions grouped by meaning, the most and never cited pages. Every row
// opens the questions behind it, and each of those its conversation, read only, the reader shown
// as a pseudonym. Every table downloads as CSV.

import { json, request } from './api.js';
import { $, h, formatDate, toast } from './dom.js';
import { translator } from './i18n.js';

const t = translator({
  en: {
    title: 'Insights',
    intro: 'What readers ask the documentation, and what it fails to answer.',
    from: 'From',
    to: 'To',
    document: 'Document set',
    allDocuments: 'All document sets',
    show: 'Show',
    loading: 'Loading…',
    failed: 'Could not load the insights: {error}',
    perDay: 'Questions per day',
    questionsSeries: 'Questions',
    outcomes: 'Outcomes',
    questions: 'Questions',
    answered: 'Answered',
    notCovered: 'Not covered',
    thumbsUp: 'Thumbs up',
    thumbsDown: 'Thumbs down',
    stopped: 'Stopped',
    failedOutcome: 'Failed',
    gaps: 'Documentation gaps',
    gapsHint: 'Questions that were not covered or were down-voted, grouped by meaning.',
    topQuestions: 'Top questions',
    citedPages: 'Most cited pages',
    neverCited: 'Pages never cited',
    question: 'Question',
    count: 'Count',
    examples: 'Examples',
    passages: 'Passages retrieved',
    page: 'Page',
    pageTitle: 'Title',
    sections: 'Sections',
    citations: 'Citations',
    none: 'Nothing in this range.',
    csv: 'CSV',
    csvOf: 'Download {table} as CSV',
    behind: 'Questions behind this row',
    reader: 'Reader',
    asked: 'Asked',
    outcome: 'Outcome',
    rating: 'Rating',
    open: 'Open conversation',
    back: 'Back to the questions',
    close: 'Close',
    readOnly: 'Read only · {reader}',
    gone: 'This conversation was deleted, or is past retention.',
    pastRetention: '(questions past retention)',
    you: 'Reader',
    docent: 'Docent',
  },
  ko: {
    title: '인사이트',
    intro: '독자가 문서에 묻는 것과 문서가 답하지 못하는 것.',
    from: '시작',
    to: '끝',
    document: '문서 세트',
    allDocuments: '모든 문서 세트',
    show: '보기',
    loading: '불러오는 중…',
    failed: '인사이트를 불러오지 못했습니다: {error}',
    perDay: '일별 질문 수',
    questionsSeries: '질문',
    outcomes: '결과',
    questions: '질문',
    answered: '답변됨',
    notCovered: '문서에 없음',
    thumbsUp: '좋아요',
    thumbsDown: '싫어요',
    stopped: '중단됨',
    failedOutcome: '실패',
    gaps: '문서의 빈틈',
    gapsHint: '답하지 못했거나 싫어요를 받은 질문을 의미별로 묶었습니다.',
    topQuestions: '자주 묻는 질문',
    citedPages: '가장 많이 인용된 페이지',
    neverCited: '한 번도 인용되지 않은 페이지',
    question: '질문',
    count: '수',
    examples: '예시',
    passages: '검색된 구절',
    page: '페이지',
    pageTitle: '제목',
    sections: '섹션',
    citations: '인용',
    none: '이 기간에는 없습니다.',
    csv: 'CSV',
    csvOf: '{table} CSV 내려받기',
    behind: '이 행의 질문들',
    reader: '독자',
    asked: '질문 시각',
    outcome: '결과',
    rating: '평가',
    open: '대화 열기',
    back: '질문 목록으로',
    close: '닫기',
    readOnly: '읽기 전용 · {reader}',
    gone: '이 대화는 삭제되었거나 보존 기간이 지났습니다.',
    pastRetention: '(보존 기간이 지난 질문)',
    you: '독자',
    docent: 'Docent',
  },
});

const OUTCOME_LABELS = { ANSWERED: 'answered', NOT_COVERED: 'notCovered', STOPPED: 'stopped', FAILED: 'failedOutcome' };

let chart = null;
let echarts = null;
let built = false;
let range = {};

/** Shows the page, building it the first time. */
export async function showInsights() {
  if (!built) build();
  await fillDocuments();
  await load();
}

function build() {
  built = true;
  const today = new Date().toISOString().slice(0, 10);
  const monthAgo = new Date(Date.now() - 29 * 86_400_000).toISOString().slice(0, 10);
  const form = h('form', { id: 'insights-filter', className: 'card insights-filter' },
    h('label', { for: 'insights-from' }, t('from')), h('input', { id: 'insights-from', type: 'date', value: monthAgo, required: true }),
    h('label', { for: 'insights-to' }, t('to')), h('input', { id: 'insights-to', type: 'date', value: today, required: true }),
    h('label', { for: 'insights-document' }, t('document')), h('select', { id: 'insights-document' }),
    h('button', { type: 'submit', className: 'primary' }, t('show')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    load();
  });
  $('insights-page').replaceChildren(
    h('h1', { id: 'insights-title' }, t('title')),
    h('p', { className: 'muted' }, t('intro')),
    form,
    h('p', { id: 'insights-status', className: 'muted', role: 'status' }),
    h('div', { id: 'insights-body', hidden: true },
      h('h2', {}, t('perDay')),
      h('div', { id: 'insights-chart', className: 'insights-chart', role: 'img', 'aria-label': t('perDay') }),
      section('outcomes', t('outcomes'), 'outcomes'),
      section('gaps', t('gaps'), 'gaps', t('gapsHint')),
      section('top', t('topQuestions'), 'top-questions'),
      section('cited', t('citedPages'), 'cited-pages'),
      section('never', t('neverCited'), 'never-cited')),
    behindDialog());
}

function section(id, title, name, hint) {
  const csv = h('button', { type: 'button', className: 'small', 'aria-label': t('csvOf', { table: title }) }, t('csv'));
  csv.addEventListener('click', () => download(name).catch((e) => toast(e.message)));
  return h('section', { className: 'insights-section', id: `insights-${id}` },
    h('div', { className: 'insights-heading' }, h('h2', {}, title), csv),
    hint ? h('p', { className: 'hint' }, hint) : null,
    h('div', { className: 'table-scroller', id: `insights-${id}-table` }));
}

async function fillDocuments() {
  const select = $('insights-document');
  const chosen = select.value;
  let documents = [];
  try {
    documents = await json('/api/v1/documents');
  } catch {
    // the report works for all sets without the list
  }
  select.replaceChildren(h('option', { value: '' }, t('allDocuments')),
    ...documents.map((d) => h('option', { value: d.id, selected: d.id === chosen }, d.title)));
}

function query(extra = {}) {
  const params = new URLSearchParams({ from: range.from, to: range.to, ...extra });
  if (range.documentId) params.set('documentId', range.documentId);
  return params.toString();
}

async function load() {
  range = { from: $('insights-from').value, to: $('insights-to').value, documentId: $('insights-document').value };
  const status = $('insights-status');
  status.textContent = t('loading');
  let report;
  try {
    report = await json(`/api/v1/insights?${query()}`);
  } catch (e) {
    status.textContent = t('failed', { error: e.message });
    $('insights-body').hidden = true;
    return;
  }
  status.textContent = '';
  $('insights-body').hidden = false;
  await drawChart(report.questionsPerDay);
  showOutcomes(report.outcomes);
  showGroups('gaps', report.gaps, true);
  showGroups('top', report.topQuestions, false);
  showCited(report.citedPages);
  showNeverCited(report.neverCited);
}

async function drawChart(days) {
  if (!echarts) echarts = await import(document.body.dataset.echarts);
  const counts = new Map(days.map((d) => [d.day, d.questions]));
  const labels = [];
  for (let day = new Date(`${range.from}T00:00:00Z`); day <= new Date(`${range.to}T00:00:00Z`); day.setUTCDate(day.getUTCDate() + 1)) {
    labels.push(day.toISOString().slice(0, 10));
  }
  const element = $('insights-chart');
  chart ??= echarts.init(element, null, { renderer: 'canvas' });
  const accent = getComputedStyle(document.body).getPropertyValue('--accent').trim() || '#3b5bdb';
  chart.setOption({
    animation: false,
    grid: { left: 40, right: 16, top: 16, bottom: 40 },
    tooltip: { trigger: 'axis', renderMode: 'richText' },
    xAxis: { type: 'category', data: labels },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ name: t('questionsSeries'), type: 'bar', data: labels.map((d) => counts.get(d) ?? 0), itemStyle: { color: accent } }],
  }, true);
  chart.resize();
  element.dataset.days = String(labels.length);
}

function table(head, rows) {
  if (!rows.length) return h('p', { className: 'muted' }, t('none'));
  return h('table', { className: 'documents-table insights-table' },
    h('thead', {}, h('tr', {}, head.map((cell) => h('th', { scope: 'col', className: cell.number ? 'number' : '' }, cell.text ?? cell)))),
    h('tbody', {}, rows));
}

/** A row that opens the questions behind it. */
function openingRow(cells, behind, label) {
  const row = h('tr', { className: 'opens', tabIndex: 0, 'aria-label': label }, cells);
  const open = () => showBehind(behind, label);
  row.addEventListener('click', open);
  row.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      open();
    }
  });
  return row;
}

function showOutcomes(o) {
  const rows = [
    ['questions', o.questions, {}], ['answered', o.answered, { outcome: 'ANSWERED' }],
    ['notCovered', o.notCovered, { outcome: 'NOT_COVERED' }], ['thumbsUp', o.thumbsUp, { rating: 'up' }],
    ['thumbsDown', o.thumbsDown, { rating: 'down' }], ['stopped', o.stopped, { outcome: 'STOPPED' }],
    ['failedOutcome', o.failed, { outcome: 'FAILED' }],
  ].map(([key, n, behind]) => openingRow([h('th', { scope: 'row' }, t(key)), h('td', { className: 'number' }, String(n))], behind, t(key)));
  $('insights-outcomes-table').replaceChildren(table([t('outcome'), { text: t('count'), number: true }], rows));
}

function showGroups(id, groups, gaps) {
  const rows = groups.map((g) => openingRow([
    h('th', { scope: 'row' }, g.label || t('pastRetention')),
    h('td', { className: 'number' }, String(g.questions)),
    h('td', {}, h('ul', { className: 'plain-list' }, g.examples.map((e) => h('li', {}, e)))),
    gaps ? h('td', {}, h('ul', { className: 'plain-list' }, g.passages.map((p) => h('li', {}, [p.documentTitle, p.page, p.section].filter(Boolean).join(' › '))))) : null,
  ], { cluster: g.cluster, ...(gaps ? { gap: 'true' } : {}) }, g.label || t('pastRetention')));
  const head = [t('question'), { text: t('count'), number: true }, t('examples')];
  if (gaps) head.push(t('passages'));
  $(`insights-${id}-table`).replaceChildren(table(head, rows));
}

function showCited(pages) {
  const rows = pages.map((p) => openingRow([
    h('th', { scope: 'row' }, `${p.documentTitle} › ${p.page}`),
    h('td', { className: 'number' }, String(p.citations)),
    h('td', {}, h('ul', { className: 'plain-list' }, p.sections.map((s) => h('li', {}, `${s.section || '—'} (${s.citations})`)))),
  ], { page: p.page, pageDocumentId: p.documentId }, `${p.documentTitle} › ${p.page}`));
  $('insights-cited-table').replaceChildren(table([t('page'), { text: t('citations'), number: true }, t('sections')], rows));
}

function showNeverCited(pages) {
  const rows = pages.map((p) => h('tr', {}, h('th', { scope: 'row' }, p.documentTitle), h('td', {}, p.page), h('td', {}, p.title)));
  $('insights-never-table').replaceChildren(table([t('document'), t('page'), t('pageTitle')], rows));
}

function behindDialog() {
  const close = h('button', { type: 'button', className: 'secondary' }, t('close'));
  const dialog = h('dialog', { id: 'insights-dialog', className: 'insights-dialog', 'aria-labelledby': 'insights-dialog-title' },
    h('h2', { id: 'insights-dialog-title' }),
    h('p', { id: 'insights-dialog-subtitle', className: 'muted' }),
    h('div', { id: 'insights-dialog-body' }),
    h('div', { className: 'dialog-buttons' }, close));
  close.addEventListener('click', () => dialog.close());
  return dialog;
}

async function showBehind(behind, label) {
  const dialog = $('insights-dialog');
  $('insights-dialog-title').textContent = label;
  $('insights-dialog-subtitle').textContent = t('behind');
  $('insights-dialog-body').replaceChildren(h('p', { className: 'muted' }, t('loading')));
  if (!dialog.open) dialog.showModal();
  let asked;
  try {
    asked = await json(`/api/v1/insights/questions?${query(behind)}`);
  } catch (e) {
    $('insights-dialog-body').replaceChildren(h('p', { className: 'form-error' }, e.message));
    return;
  }
  const rows = asked.map((q) => {
    const open = h('button', { type: 'button', className: 'small', 'aria-label': `${t('open')}: ${q.question}` }, t('open'));
    open.addEventListener('click', () => showConversation(q.chatId, () => showBehind(behind, label)));
    return h('tr', { dataset: { chat: q.chatId } },
      h('th', { scope: 'row' }, q.question),
      h('td', {}, q.reader),
      h('td', {}, formatDate(q.askedAt)),
      h('td', {}, t(OUTCOME_LABELS[q.outcome] ?? q.outcome)),
      h('td', {}, q.rating === 'up' ? '👍' : q.rating === 'down' ? `👎 ${q.reason ?? ''}` : ''),
      h('td', {}, open));
  });
  $('insights-dialog-body').replaceChildren(table([t('question'), t('reader'), t('asked'), t('outcome'), t('rating'), ''], rows));
}

async function showConversation(chatId, back) {
  const body = $('insights-dialog-body');
  const backButton = h('button', { type: 'button', className: 'small secondary' }, t('back'));
  backButton.addEventListener('click', back);
  let transcript;
  try {
    transcript = await json(`/api/v1/insights/conversations/${chatId}`);
  } catch (e) {
    body.replaceChildren(backButton, h('p', { className: 'form-error' }, e.status === 404 ? t('gone') : e.message));
    return;
  }
  $('insights-dialog-title').textContent = transcript.title;
  $('insights-dialog-subtitle').textContent = t('readOnly', { reader: transcript.reader });
  body.replaceChildren(backButton, h('ol', { className: 'transcript' }, transcript.messages.map((m) => h('li', { className: `transcript-${m.role}` },
    h('strong', {}, m.role === 'user' ? transcript.reader : t('docent')),
    m.feedback ? h('span', { className: 'muted' }, ` ${m.feedback.rating === 'up' ? '👍' : '👎'}${m.feedback.reason ? ` ${m.feedback.reason}` : ''}`) : null,
    h('p', { className: 'transcript-text' }, m.content)))));
}

async function download(name) {
  const response = await request(`/api/v1/insights/export/${name}?${query()}`, { accept: 'text/csv' });
  const blob = await response.blob();
  const link = h('a', { href: URL.createObjectURL(blob), download: `docent-${name}-${range.from}-${range.to}.csv` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}
