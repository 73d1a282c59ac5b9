// The set browser on the ADMIN's documents page: what a document set holds, as the assistant sees it. Its pages
// (title, path, passages, when stored, a link to the published page), a page's passages exactly as chunked with
// their section anchors, a search inside the set, and the set's title and base URL, editable without re-ingesting.

import { json } from './api.js';
import { $, h, formatDate, toast } from './dom.js';
import { translator } from './i18n.js';

const PAGE_SIZE = 50;

const t = translator({
  en: {
    heading: 'Document set “{title}”',
    close: 'Close',
    title: 'Title',
    baseUrl: 'Base URL of the published pages',
    baseUrlHint: 'Citations link there. Changing it does not re-ingest anything.',
    save: 'Save',
    saved: 'Saved “{title}”.',
    needTitle: 'A title is needed.',
    sync: 'Sync with the published site',
    syncQueued: 'Syncing “{title}” with its site…',
    search: 'Search this set',
    searchButton: 'Search',
    noHits: 'No passage of this set matches.',
    pages: 'Pages',
    pageTitle: 'Title',
    path: 'Path',
    passages: 'Passages',
    ingested: 'Last ingested',
    published: 'Published page',
    open: 'Open',
    showPassages: 'Show passages',
    loading: 'Loading…',
    noPages: 'This set holds no pages yet.',
    failed: 'Could not load the set: {error}',
    range: 'Pages {from}–{to} of {total}',
    previous: 'Previous',
    next: 'Next',
    passagesOf: 'Passages of {title}',
    passageCount: '{count} passages, exactly as the assistant reads them',
    noAnchor: 'no anchor',
  },
  ko: {
    heading: '문서 세트 “{title}”',
    close: '닫기',
    title: '제목',
    baseUrl: '게시된 페이지의 기본 URL',
    baseUrlHint: '인용 링크가 이곳을 가리킵니다. 바꿔도 다시 수집하지 않습니다.',
    save: '저장',
    saved: '“{title}”을(를) 저장했습니다.',
    needTitle: '제목이 필요합니다.',
    sync: '게시된 사이트와 동기화',
    syncQueued: '“{title}”을(를) 사이트와 동기화하는 중…',
    search: '이 세트에서 검색',
    searchButton: '검색',
    noHits: '이 세트에서 일치하는 구절이 없습니다.',
    pages: '페이지',
    pageTitle: '제목',
    path: '경로',
    passages: '구절',
    ingested: '마지막 수집',
    published: '게시된 페이지',
    open: '열기',
    showPassages: '구절 보기',
    loading: '불러오는 중…',
    noPages: '이 세트에는 아직 페이지가 없습니다.',
    failed: '세트를 불러오지 못했습니다: {error}',
    range: '페이지 {from}–{to} / {total}',
    previous: '이전',
    next: '다음',
    passagesOf: '{title}의 구절',
    passageCount: '구절 {count}개, 어시스턴트가 읽는 그대로',
    noAnchor: '앵커 없음',
  },
});

let current = null;
let followJob = () => {};
let onChanged = () => {};

/**
 * @param follow shows an ingestion job's progress: (jobId, title) => void
 * @param changed called after the set's title or base URL changed
 */
export function initDocumentSet({ follow, changed }) {
  followJob = follow;
  onChanged = changed;
}

export function closeSet() {
  current = null;
  $('set-browser').hidden = true;
  $('set-browser').replaceChildren();
}

/** Opens the browser on a set: its names, its search, the first page of its pages. */
export async function browseSet(doc) {
  current = { doc, offset: 0 };
  const section = $('set-browser');
  section.replaceChildren(
    h('div', { className: 'set-head' },
      h('h2', { id: 'set-heading' }, t('heading', { title: doc.title })),
      h('button', { type: 'button', id: 'set-close', className: 'small', onclick: closeSet }, t('close'))),
    editForm(doc),
    searchForm(),
    h('h3', {}, t('pages')),
    h('p', { id: 'set-pages-status', className: 'muted', role: 'status' }),
    h('div', { className: 'table-scroller' },
      h('table', { id: 'set-pages-table', className: 'documents-table', hidden: true },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t('pageTitle')), h('th', { scope: 'col' }, t('path')),
          h('th', { scope: 'col', className: 'number' }, t('passages')), h('th', { scope: 'col' }, t('ingested')),
          h('th', { scope: 'col' }, t('published')))),
        h('tbody', { id: 'set-pages-body' }))),
    h('div', { className: 'pager' },
      h('button', { type: 'button', id: 'set-pages-prev', className: 'small', onclick: () => turn(-1) }, t('previous')),
      h('span', { id: 'set-pages-range', className: 'muted' }),
      h('button', { type: 'button', id: 'set-pages-next', className: 'small', onclick: () => turn(1) }, t('next'))),
    h('section', { id: 'set-page', className: 'set-page', hidden: true, 'aria-live': 'polite' }));
  section.setAttribute('aria-labelledby', 'set-heading');
  section.hidden = false;
  section.scrollIntoView({ block: 'start' });
  await showPages();
}

function editForm(doc) {
  const title = h('input', { id: 'set-edit-title', maxLength: 200, required: true, value: doc.title });
  const baseUrl = h('input', {
    id: 'set-edit-base-url', maxLength: 1000, inputMode: 'url', autocapitalize: 'none', spellcheck: false,
    value: doc.baseUrl ?? '', 'aria-describedby': 'set-edit-base-url-hint',
  });
  const error = h('p', { id: 'set-edit-error', className: 'form-error', role: 'alert' });
  const form = h('form', { id: 'set-edit-form', className: 'set-edit', noValidate: true },
    h('div', { className: 'field-row' },
      h('div', {}, h('label', { for: 'set-edit-title' }, t('title')), title),
      h('div', {}, h('label', { for: 'set-edit-base-url' }, t('baseUrl')), baseUrl,
        h('p', { id: 'set-edit-base-url-hint', className: 'hint' }, t('baseUrlHint')))),
    error,
    h('div', { className: 'set-actions' },
      h('button', { type: 'submit', id: 'set-edit-save', className: 'primary' }, t('save')),
      h('button', { type: 'button', id: 'set-sync', onclick: () => sync().catch((e) => toast(e.message)) }, t('sync'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save(title, baseUrl, error);
  });
  return form;
}

async function save(titleInput, baseUrlInput, error) {
  error.textContent = '';
  const title = titleInput.value.trim();
  if (!title) {
    error.textContent = t('needTitle');
    titleInput.setAttribute('aria-invalid', 'true');
    return;
  }
  try {
    const doc = await json(`/api/v1/documents/${current.doc.id}`, {
      method: 'PATCH',
      body: { title, baseUrl: baseUrlInput.value.trim() },
    });
    current.doc = doc;
    $('set-heading').textContent = t('heading', { title: doc.title });
    toast(t('saved', { title: doc.title }));
    onChanged();
    await showPages();
  } catch (e) {
    const field = e.problem?.errors?.[0];
    error.textContent = field ? `${field.field === 'baseUrl' ? t('baseUrl') : t('title')}: ${field.message}.` : e.message;
    if (field) (field.field === 'baseUrl' ? baseUrlInput : titleInput).setAttribute('aria-invalid', 'true');
  }
}

async function sync() {
  const { jobId } = await json(`/api/v1/documents/${current.doc.id}/sync`, { method: 'POST' });
  toast(t('syncQueued', { title: current.doc.title }));
  followJob(jobId, current.doc.title);
}

function searchForm() {
  const input = h('input', { id: 'set-search-input', type: 'search', maxLength: 1000, required: true });
  const results = h('ol', { id: 'set-search-results', className: 'set-search-results' });
  const form = h('form', { id: 'set-search-form', className: 'set-search', role: 'search' },
    h('label', { for: 'set-search-input' }, t('search')),
    h('div', { className: 'set-search-row' }, input, h('button', { type: 'submit' }, t('searchButton'))),
    results);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const q = input.value.trim();
    if (!q) return;
    try {
      const hits = await json(`/api/v1/search?k=10&documentId=${current.doc.id}&q=${encodeURIComponent(q)}`);
      results.replaceChildren(...(hits.length ? hits.map(hit) : [h('li', { className: 'muted' }, t('noHits'))]));
    } catch (e) {
      results.replaceChildren(h('li', { className: 'form-error' }, e.message));
    }
  });
  return form;
}

function hit(found) {
  return h('li', { className: 'set-hit' },
    h('strong', {}, found.section || found.page), ' ', h('code', {}, found.page),
    h('p', { className: 'passage-text' }, found.text));
}

async function showPages() {
  const status = $('set-pages-status');
  status.textContent = t('loading');
  let list;
  try {
    list = await json(`/api/v1/documents/${current.doc.id}/pages?offset=${current.offset}&limit=${PAGE_SIZE}`);
  } catch (e) {
    status.textContent = t('failed', { error: e.message });
    $('set-pages-table').hidden = true;
    return;
  }
  $('set-pages-body').replaceChildren(...list.items.map(pageRow));
  $('set-pages-table').hidden = list.items.length === 0;
  status.textContent = list.items.length ? '' : t('noPages');
  const from = list.total ? list.offset + 1 : 0;
  $('set-pages-range').textContent = list.total
    ? t('range', { from, to: list.offset + list.items.length, total: list.total }) : '';
  $('set-pages-prev').disabled = list.offset === 0;
  $('set-pages-next').disabled = list.offset + list.items.length >= list.total;
}

function turn(direction) {
  current.offset = Math.max(0, current.offset + direction * PAGE_SIZE);
  showPages().catch((e) => toast(e.message));
}

function pageRow(page) {
  const show = h('button', { type: 'button', className: 'link', 'aria-label': `${t('showPassages')}: ${page.title}` },
    page.title);
  show.addEventListener('click', () => showPassages(page).catch((e) => toast(e.message)));
  return h('tr', { dataset: { page: page.id } },
    h('th', { scope: 'row' }, show),
    h('td', {}, h('code', {}, page.path)),
    h('td', { className: 'number' }, String(page.passages)),
    h('td', {}, formatDate(page.ingestedAt)),
    h('td', {}, publishedLink(page.url)));
}

/** A link only to a web address: a set without a base URL has paths, not pages to open. */
function publishedLink(url) {
  if (!/^https?:\/\//i.test(url ?? '')) return h('span', { className: 'muted' }, '—');
  return h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, t('open'));
}

async function showPassages(page) {
  const { passages } = await json(`/api/v1/documents/${current.doc.id}/pages/${page.id}`);
  const section = $('set-page');
  section.replaceChildren(
    h('h3', { id: 'set-page-heading' }, t('passagesOf', { title: page.title })),
    h('p', { className: 'muted' }, t('passageCount', { count: passages.length }), ' · ', publishedLink(page.url)),
    h('ol', { id: 'set-passages', className: 'passages' }, passages.map((passage) => h('li', {
      className: 'passage', dataset: { position: passage.position },
    },
    h('div', { className: 'passage-head' },
      h('strong', {}, passage.section || page.title), ' ',
      passage.anchor ? h('code', {}, `#${passage.anchor}`) : h('span', { className: 'muted' }, t('noAnchor'))),
    h('pre', { className: 'passage-text' }, passage.text)))));
  section.hidden = false;
  section.scrollIntoView({ block: 'nearest' });
}

/** Whether a set is open in the browser, so the caller can refresh it. */
export function openSetId() {
  return current?.doc.id ?? null;
}

