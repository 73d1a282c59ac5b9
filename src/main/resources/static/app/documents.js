// The ADMIN's documents page: the document sets, uploads with live ingestion progress, deletion.

import { json, request } from './api.js';
import { $, h, confirmDialog, counted, formatDate, toast } from './dom.js';
import { translator } from './i18n.js';
import { browseSet, closeSet, initDocumentSet, openSetId } from './documentset.js';

const t = translator({
  en: {
    updatesSet: 'This updates the existing set “{title}”: only pages that changed are read again.',
    browse: 'Browse',
    browseLabel: 'Browse {title}',
    loading: 'Loading…',
    couldNotLoad: 'Could not load the document sets: {reason}',
    none: 'No document sets yet. Upload one above.',
    deleteNamed: 'Delete {title}',
    delete: 'Delete',
    beingIngested: 'Being ingested…',
    deleteHeading: 'Delete this document set?',
    deleteText: '“{title}” and all its passages will be removed. Chats that cite it keep their answers.',
    deleted: 'Deleted “{title}”.',
    tooLarge: 'The files are more than this server takes in one upload. Upload fewer at a time, '
      + 'or raise its limit (DOCENT_KNOWLEDGE_MAX_UPLOAD_SIZE).',
    title: 'Title',
    slug: 'Slug',
    baseUrl: 'Base URL',
    files: 'Files',
    needTitle: 'A title is needed.',
    badSlug: 'The slug needs 1 to 64 lower-case letters, digits, dots or hyphens, '
      + 'starting and ending with a letter or digit, such as python-3.11.',
    needFiles: 'Choose at least one file, or a .zip of them.',
    refused: 'The upload was refused. {reason}',
    ingesting: 'Ingesting {title}',
    queued: 'Queued…',
    progressUnavailable: 'Progress unavailable: {reason}',
    done: 'Done: “{title}” holds {pages} and {passages}.',
    doneStored: 'Done: {passages} stored.',
    failed: 'Failed: {reason}',
    stopped: 'the ingestion stopped',
    running: 'Ingesting: {done} of {files} read, {passages}…',
    skipped: '{files} skipped',
    pages: '{n} pages',
    'pages.one': '{n} page',
    passages: '{n} passages',
    'passages.one': '{n} passage',
    files_: '{n} files',
    'files_.one': '{n} file',
  },
  ko: {
    updatesSet: '기존 문서 세트 “{title}”을(를) 갱신합니다. 바뀐 페이지만 다시 읽습니다.',
    browse: '살펴보기',
    browseLabel: '{title} 살펴보기',
    loading: '불러오는 중…',
    couldNotLoad: '문서 세트를 불러오지 못했습니다: {reason}',
    none: '아직 문서 세트가 없습니다. 위에서 업로드하세요.',
    deleteNamed: '{title} 삭제',
    delete: '삭제',
    beingIngested: '수집 중…',
    deleteHeading: '이 문서 세트를 삭제할까요?',
    deleteText: '“{title}”과(와) 그 단락이 모두 삭제됩니다. 이를 인용한 채팅의 답변은 남습니다.',
    deleted: '“{title}”을(를) 삭제했습니다.',
    tooLarge: '한 번에 업로드할 수 있는 크기를 넘었습니다. 나눠서 업로드하거나 한도(DOCENT_KNOWLEDGE_MAX_UPLOAD_SIZE)를 늘리세요.',
    title: '제목',
    slug: '슬러그',
    baseUrl: '기본 URL',
    files: '파일',
    needTitle: '제목이 필요합니다.',
    badSlug: '슬러그는 영문 소문자, 숫자, 점, 하이픈 1~64자로, 글자나 숫자로 시작하고 끝나야 합니다(예: python-3.11).',
    needFiles: '파일을 하나 이상, 또는 그 .zip을 고르세요.',
    refused: '업로드가 거부되었습니다. {reason}',
    ingesting: '{title} 수집 중',
    queued: '대기 중…',
    progressUnavailable: '진행 상황을 알 수 없습니다: {reason}',
    done: '완료: “{title}”에 {pages}, {passages}이(가) 있습니다.',
    doneStored: '완료: {passages} 저장.',
    failed: '실패: {reason}',
    stopped: '수집이 멈췄습니다',
    running: '수집 중: 파일 {files} 중 {done}개 읽음, {passages}…',
    skipped: '파일 {files} 건너뜀',
    pages: '{n}쪽',
    'pages.one': '{n}쪽',
    passages: '단락 {n}개',
    'passages.one': '단락 {n}개',
    files_: '{n}개',
    'files_.one': '{n}개',
  },
});

/** The sets as last listed, to tell whether an upload's slug updates one of them. */
let known = [];

const POLL_MILLIS = 500;

export function initDocuments() {
  $('upload-form').addEventListener('submit', (event) => {
    event.preventDefault();
    upload();
  });
  $('upload-title').addEventListener('input', () => {
    const slug = $('upload-slug');
    if (slug.dataset.edited) return;
    slug.value = slugOf($('upload-title').value);
    slug.removeAttribute('aria-invalid');
    showUpdateNotice();
  });
  $('upload-slug').addEventListener('input', () => {
    $('upload-slug').dataset.edited = 'yes';
    showUpdateNotice();
  });
  $('upload-form').addEventListener('input', (event) => event.target.removeAttribute('aria-invalid'));
  initDocumentSet({ follow, changed: () => showDocuments() });
}

/** The set an upload to this slug would update, if any. */
function existingSet(slug) {
  return known.find((doc) => doc.slug === slug) ?? null;
}

/** Says, before anything is sent, that the upload updates an existing set rather than creating one. */
function showUpdateNotice() {
  const existing = existingSet($('upload-slug').value.trim());
  const notice = $('upload-updates');
  notice.hidden = !existing;
  notice.textContent = existing ? t('updatesSet', { title: existing.title }) : '';
}

/** The server's rule for slugs: 1-64 lower-case letters, digits, dots or hyphens, starting and ending with a letter or digit. */
const SLUG = /^[a-z0-9](?:[a-z0-9.-]{0,62}[a-z0-9])?$/;

function slugOf(title) {
  return title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9.]+/g, '-').replace(/^[-.]+/, '').slice(0, 64)
    .replace(/[-.]+$/, '');
}

/** Lists the document sets; answers with them, or null when they could not be loaded. */
export async function showDocuments() {
  const status = $('documents-status');
  status.textContent = t('loading');
  let documents;
  try {
    documents = await json('/api/v1/documents');
  } catch (e) {
    $('documents-table').hidden = true;
    status.textContent = t('couldNotLoad', { reason: e.message });
    return null;
  }
  documents = Array.isArray(documents) ? documents : [];
  known = documents;
  showUpdateNotice();
  $('documents-body').replaceChildren(...documents.map(row));
  $('documents-table').hidden = documents.length === 0;
  status.textContent = documents.length ? '' : t('none');
  return documents;
}

function row(doc) {
  const remove = h('button', { type: 'button', className: 'danger small', 'aria-label': t('deleteNamed', { title: doc.title }) },
    t('delete'));
  remove.addEventListener('click', () => deleteDocument(doc).catch((e) => toast(e.message)));
  const browse = h('button', { type: 'button', className: 'small', 'aria-label': t('browseLabel', { title: doc.title }) },
    t('browse'));
  browse.addEventListener('click', () => browseSet(doc).catch((e) => toast(e.message)));
  return h('tr', { dataset: { id: doc.id } },
    h('th', { scope: 'row' }, doc.title),
    h('td', {}, h('code', {}, doc.slug)),
    h('td', { className: 'number' }, String(doc.pageCount ?? '')),
    h('td', { className: 'number' }, String(doc.chunkCount ?? '')),
    h('td', {}, doc.ingestedAt ? formatDate(doc.ingestedAt) : t('beingIngested')),
    h('td', { className: 'actions' }, browse, ' ', remove));
}

async function deleteDocument(doc) {
  const deleted = await confirmDialog({
    heading: t('deleteHeading'),
    text: t('deleteText', { title: doc.title }),
    action: () => request(`/api/v1/documents/${doc.id}`, { method: 'DELETE' }),
  });
  if (deleted) {
    if (openSetId() === doc.id) closeSet();
    toast(t('deleted', { title: doc.title }));
    await showDocuments();
  }
}

/** The form's inputs by the field names the API reports problems with. */
const FIELDS = { title: 'upload-title', slug: 'upload-slug', baseUrl: 'upload-base-url', files: 'upload-files' };
const LABELS = { title: 'title', slug: 'slug', baseUrl: 'baseUrl', files: 'files' };

function refuse(field, text) {
  $('upload-error').textContent = text;
  if (field && FIELDS[field]) {
    $(FIELDS[field]).setAttribute('aria-invalid', 'true');
    $(FIELDS[field]).focus();
  }
}

/** What the server refused, field by field when it says which: "Slug: must be …". */
function refusal(error) {
  if (error.status === 413) {
    // upload-too-large: too much once unpacked, as the server details; otherwise the request itself was too big
    return { field: 'files', text: error.type === 'upload-too-large' ? error.message : t('tooLarge') };
  }
  const fields = Array.isArray(error.problem?.errors) ? error.problem.errors : [];
  if (!fields.length) return { text: error.message };
  const text = fields.map((f) => `${LABELS[f.field] ? t(LABELS[f.field]) : f.field}: ${f.message}`.replace(/[^.]$/, '$&.'))
    .join(' ');
  return { field: fields[0].field, text };
}

async function upload() {
  const form = $('upload-form');
  $('upload-error').textContent = '';
  Object.values(FIELDS).forEach((id) => $(id).removeAttribute('aria-invalid'));
  const title = $('upload-title').value.trim();
  const slug = $('upload-slug').value.trim();
  const baseUrl = $('upload-base-url').value.trim();
  const files = $('upload-files').files;
  if (!title) return refuse('title', t('needTitle'));
  if (!SLUG.test(slug)) {
    return refuse('slug', t('badSlug'));
  }
  if (!files.length) return refuse('files', t('needFiles'));
  const body = new FormData();
  body.append('title', title);
  body.append('slug', slug);
  if (baseUrl) body.append('baseUrl', baseUrl);
  // the notice under the slug told the admin this updates that set
  if (existingSet(slug)) body.append('update', 'true');
  for (const file of files) body.append('files', file, file.name);
  $('upload-submit').disabled = true;
  try {
    const { jobId } = await json('/api/v1/documents', { method: 'POST', body });
    form.reset();
    delete $('upload-slug').dataset.edited;
    showUpdateNotice();
    follow(jobId, title);
  } catch (e) {
    const { field, text } = refusal(e);
    refuse(field, e.status >= 400 && e.status < 500 ? t('refused', { reason: text }) : text);
  } finally {
    $('upload-submit').disabled = false;
  }
}

/** Polls an ingestion until it is done or failed, showing its progress, then what the set now holds. */
async function follow(jobId, title) {
  const bar = h('progress', { max: 1, value: 0, 'aria-label': t('ingesting', { title }) });
  const text = h('span', { className: 'muted' }, t('queued'));
  const line = h('div', { className: 'ingestion', dataset: { job: jobId } }, h('strong', {}, title), bar, text);
  $('ingestions').prepend(line);
  for (;;) {
    let job;
    try {
      job = await json(`/api/v1/ingestions/${jobId}`);
    } catch (e) {
      text.textContent = t('progressUnavailable', { reason: e.message });
      line.classList.add('failed');
      return;
    }
    const total = job.pagesTotal || 0;
    bar.max = Math.max(total, 1);
    bar.value = Math.min(job.pagesDone || 0, bar.max);
    if (job.state === 'DONE') {
      bar.value = bar.max;
      line.classList.add('done');
      const documents = await showDocuments();
      const doc = documents?.find((d) => d.id === job.documentId);
      text.textContent = doc
        ? t('done', { title: doc.title, pages: counted(t, 'pages', doc.pageCount), passages: counted(t, 'passages', doc.chunkCount) })
        : t('doneStored', { passages: counted(t, 'passages', job.passages ?? 0) });
      if (job.skipped?.length) line.append(skippedList(job.skipped));
      return;
    }
    if (job.state === 'FAILED') {
      text.textContent = t('failed', { reason: (job.error || t('stopped')).replace(/[^.]$/, '$&.') });
      line.classList.add('failed');
      return;
    }
    text.textContent = job.state === 'RUNNING'
      ? t('running', { done: job.pagesDone ?? 0, files: counted(t, 'files_', total), passages: counted(t, 'passages', job.passages ?? 0) })
      : t('queued');
    await new Promise((resolve) => setTimeout(resolve, POLL_MILLIS));
  }
}

/** Files the ingest could not read, each with the reason (the server shows at most a hundred). */
function skippedList(skipped) {
  return h('details', { className: 'skipped' },
    h('summary', {}, t('skipped', { files: counted(t, 'files_', skipped.length) })),
    h('ul', {}, skipped.map((reason) => h('li', {}, reason))));
}
