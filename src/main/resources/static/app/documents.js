// The ADMIN's documents page: the document sets, uploads with live ingestion progress, deletion.

import { json, request } from './api.js';
import { $, h, confirmDialog, formatDate, toast } from './dom.js';

const POLL_MILLIS = 1000;

export function initDocuments() {
  $('upload-form').addEventListener('submit', (event) => {
    event.preventDefault();
    upload();
  });
  $('upload-title').addEventListener('input', () => {
    const slug = $('upload-slug');
    if (!slug.dataset.edited) slug.value = slugOf($('upload-title').value);
  });
  $('upload-slug').addEventListener('input', () => { $('upload-slug').dataset.edited = 'yes'; });
}

function slugOf(title) {
  return title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9.]+/g, '-').replace(/^[-.]+|-+$/g, '').slice(0, 100);
}

export async function showDocuments() {
  const status = $('documents-status');
  status.textContent = 'Loading…';
  let documents;
  try {
    documents = await json('/api/v1/documents');
  } catch (e) {
    $('documents-table').hidden = true;
    status.textContent = e.status === 404
      ? 'This server cannot manage documents yet.' : `Could not load the document sets: ${e.message}`;
    return;
  }
  documents = Array.isArray(documents) ? documents : [];
  $('documents-body').replaceChildren(...documents.map(row));
  $('documents-table').hidden = documents.length === 0;
  status.textContent = documents.length ? '' : 'No document sets yet. Upload one above.';
}

function row(doc) {
  const remove = h('button', { type: 'button', className: 'danger small', 'aria-label': `Delete ${doc.title}` }, 'Delete');
  remove.addEventListener('click', () => deleteDocument(doc).catch((e) => toast(e.message)));
  return h('tr', { dataset: { id: doc.id } },
    h('th', { scope: 'row' }, doc.title),
    h('td', {}, h('code', {}, doc.slug)),
    h('td', { className: 'number' }, String(doc.pageCount ?? '')),
    h('td', { className: 'number' }, String(doc.chunkCount ?? '')),
    h('td', {}, formatDate(doc.ingestedAt)),
    h('td', {}, remove));
}

async function deleteDocument(doc) {
  const deleted = await confirmDialog({
    heading: 'Delete this document set?',
    text: `“${doc.title}” and all its passages will be removed. Chats that cite it keep their answers.`,
    action: () => request(`/api/v1/documents/${doc.id}`, { method: 'DELETE' }),
  });
  if (deleted) {
    toast(`Deleted “${doc.title}”.`);
    await showDocuments();
  }
}

async function upload() {
  const form = $('upload-form');
  const error = $('upload-error');
  error.textContent = '';
  const files = $('upload-files').files;
  if (!$('upload-title').value.trim() || !$('upload-slug').value.trim()) {
    error.textContent = 'A title and a slug are needed.';
    return;
  }
  if (!$('upload-slug').checkValidity()) {
    error.textContent = "The slug may contain only lower-case letters, digits, '.', '_' and '-'.";
    return;
  }
  if (!files.length) {
    error.textContent = 'Choose at least one file, or a .zip of them.';
    return;
  }
  const body = new FormData();
  body.append('title', $('upload-title').value.trim());
  body.append('slug', $('upload-slug').value.trim());
  if ($('upload-base-url').value.trim()) body.append('baseUrl', $('upload-base-url').value.trim());
  for (const file of files) body.append('files', file, file.name);
  $('upload-submit').disabled = true;
  try {
    const { jobId } = await json('/api/v1/documents', { method: 'POST', body });
    const title = $('upload-title').value.trim();
    form.reset();
    delete $('upload-slug').dataset.edited;
    follow(jobId, title);
  } catch (e) {
    error.textContent = e.message;
  } finally {
    $('upload-submit').disabled = false;
  }
}

/** Polls an ingestion until it is done or failed, showing its progress. */
async function follow(jobId, title) {
  const bar = h('progress', { max: 1, value: 0, 'aria-label': `Ingesting ${title}` });
  const text = h('span', { className: 'muted' }, 'Queued…');
  const line = h('div', { className: 'ingestion', dataset: { job: jobId } }, h('strong', {}, title), bar, text);
  $('ingestions').prepend(line);
  for (;;) {
    let job;
    try {
      job = await json(`/api/v1/ingestions/${jobId}`);
    } catch (e) {
      text.textContent = `Progress unavailable: ${e.message}`;
      return;
    }
    const total = job.pagesTotal || 0;
    bar.max = Math.max(total, 1);
    bar.value = Math.min(job.pagesDone || 0, bar.max);
    const counts = `${job.pagesDone ?? 0} of ${total || '?'} pages, ${job.passages ?? 0} passages`;
    if (job.state === 'DONE') {
      bar.value = bar.max;
      text.textContent = `Done: ${counts}.`;
      line.classList.add('done');
      await showDocuments();
      return;
    }
    if (job.state === 'FAILED') {
      text.textContent = `Failed: ${job.error || 'the ingestion stopped'}.`;
      line.classList.add('failed');
      return;
    }
    text.textContent = job.state === 'RUNNING' ? `Ingesting: ${counts}…` : 'Queued…';
    await new Promise((resolve) => setTimeout(resolve, POLL_MILLIS));
  }
}
