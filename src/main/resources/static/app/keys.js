// The ADMIN's API keys page: create a public widget key or a secret key (shown once, with the snippet that uses
// it), list the live keys with their use, revoke one.

import { json, request } from './api.js';
import { $, h, confirmDialog, formatDate, toast } from './dom.js';
import { translator } from './i18n.js';

const t = translator({
  en: {
    nav: 'API keys',
    title: 'API keys',
    intro: 'Public keys put the Ask AI widget on your documentation site; secret keys let servers and coding agents (MCP) search and ask.',
    createHeading: 'Create a key',
    name: 'Name',
    kind: 'Kind',
    origins: 'Allowed origins (the sites that embed the widget)',
    readOnlyLabel: 'Read-only: search, no answers',
    create: 'Create key',
    listHeading: 'Live keys',
    key: 'Key',
    scope: 'Scope',
    requests: 'Requests',
    lastUsed: 'Last used',
    actions: 'Actions',
    loading: 'Loading…',
    loadFailed: 'Could not load the API keys: {message}',
    none: 'No API keys yet. Create one above.',
    revoke: 'Revoke',
    revokeLabel: 'Revoke {name}',
    revokeHeading: 'Revoke this key?',
    revokeText: '“{name}” stops working at once, everywhere. This cannot be undone.',
    revoked: 'Revoked “{name}”.',
    public: 'Public (widget)',
    secret: 'Secret',
    readOnly: 'read-only',
    allSets: 'All document sets',
    sets: '{n} document sets',
    never: 'Never',
    nameNeeded: 'A name is needed.',
    originsNeeded: 'A public key needs the origins of the pages that embed it, such as https://docs.example.com.',
    refused: 'The key was not created. {text}',
    createdOnce: 'Copy the key now: it is shown only this once.',
    embedSnippet: 'Put this on every page of your documentation site:',
    mcpSnippet: 'Add Docent to a coding agent\'s MCP configuration:',
    copy: 'Copy',
    copied: 'Copied.',
    copyFailed: 'Could not copy; select the text and copy it yourself.',
  },
  ko: {
    nav: 'API 키',
    title: 'API 키',
    intro: '공개 키는 문서 사이트에 AI 질문 위젯을 넣고, 비밀 키는 서버와 코딩 에이전트(MCP)가 검색하고 질문하게 합니다.',
    createHeading: '키 만들기',
    name: '이름',
    kind: '종류',
    origins: '허용된 출처 (위젯을 삽입하는 사이트)',
    readOnlyLabel: '읽기 전용: 검색만, 답변 없음',
    create: '키 만들기',
    listHeading: '사용 중인 키',
    key: '키',
    scope: '범위',
    requests: '요청 수',
    lastUsed: '마지막 사용',
    actions: '동작',
    loading: '불러오는 중…',
    loadFailed: 'API 키를 불러오지 못했습니다: {message}',
    none: '아직 API 키가 없습니다. 위에서 만드세요.',
    revoke: '폐기',
    revokeLabel: '{name} 폐기',
    revokeHeading: '이 키를 폐기할까요?',
    revokeText: '“{name}” 키는 즉시 모든 곳에서 작동을 멈춥니다. 되돌릴 수 없습니다.',
    revoked: '“{name}” 키를 폐기했습니다.',
    public: '공개 (위젯)',
    secret: '비밀',
    readOnly: '읽기 전용',
    allSets: '모든 문서 세트',
    sets: '문서 세트 {n}개',
    never: '없음',
    nameNeeded: '이름이 필요합니다.',
    originsNeeded: '공개 키에는 삽입할 페이지의 출처(예: https://docs.example.com)가 필요합니다.',
    refused: '키를 만들지 못했습니다. {text}',
    createdOnce: '지금 키를 복사하세요. 이번 한 번만 표시됩니다.',
    embedSnippet: '문서 사이트의 모든 페이지에 다음을 넣으세요:',
    mcpSnippet: '코딩 에이전트의 MCP 설정에 Docent를 추가하세요:',
    copy: '복사',
    copied: '복사했습니다.',
    copyFailed: '복사하지 못했습니다. 텍스트를 선택해 직접 복사하세요.',
  },
});

export function initKeys() {
  for (const element of document.querySelectorAll('[data-t]')) {
    if (element.closest('#keys-page') || element.id === 'nav-keys') element.textContent = t(element.dataset.t);
  }
  $('key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    create();
  });
  $('key-kind').addEventListener('change', kindChanged);
  kindChanged();
}

function kindChanged() {
  const secret = $('key-kind').value === 'secret';
  $('key-origins-field').hidden = secret;
  $('key-read-only-field').hidden = !secret;
}

/** Lists the live keys; answers with them, or null when they could not be loaded. */
export async function showKeys() {
  const status = $('keys-status');
  status.textContent = t('loading');
  let keys;
  try {
    keys = await json('/api/v1/keys');
  } catch (e) {
    $('keys-table').hidden = true;
    status.textContent = t('loadFailed', { message: e.message });
    return null;
  }
  keys = Array.isArray(keys) ? keys : [];
  $('keys-body').replaceChildren(...keys.map(row));
  $('keys-table').hidden = keys.length === 0;
  status.textContent = keys.length ? '' : t('none');
  return keys;
}

function row(key) {
  const remove = h('button', { type: 'button', className: 'danger small', 'aria-label': t('revokeLabel', { name: key.name }) },
    t('revoke'));
  remove.addEventListener('click', () => revoke(key).catch((e) => toast(e.message)));
  const kind = key.kind === 'public' ? t('public') : t('secret') + (key.readOnly ? ` (${t('readOnly')})` : '');
  const scope = key.documentIds?.length ? t('sets', { n: key.documentIds.length }) : t('allSets');
  return h('tr', { dataset: { id: key.id } },
    h('th', { scope: 'row' }, key.name),
    h('td', {}, h('code', {}, `${key.shown}…`)),
    h('td', {}, kind),
    h('td', {}, [scope, ...(key.allowedOrigins ?? []).map((o) => h('div', { className: 'muted' }, o))]),
    h('td', { className: 'number' }, String(key.requestCount ?? 0)),
    h('td', {}, key.lastUsedAt ? formatDate(key.lastUsedAt) : t('never')),
    h('td', {}, remove));
}

async function revoke(key) {
  const revoked = await confirmDialog({
    heading: t('revokeHeading'),
    text: t('revokeText', { name: key.name }),
    button: t('revoke'),
    action: () => request(`/api/v1/keys/${key.id}`, { method: 'DELETE' }),
  });
  if (revoked) {
    toast(t('revoked', { name: key.name }));
    await showKeys();
  }
}

async function create() {
  const error = $('key-error');
  error.textContent = '';
  const name = $('key-name').value.trim();
  const kind = $('key-kind').value;
  const origins = $('key-origins').value.split(/[\s,]+/).filter(Boolean);
  if (!name) {
    error.textContent = t('nameNeeded');
    $('key-name').focus();
    return;
  }
  if (kind === 'public' && !origins.length) {
    error.textContent = t('originsNeeded');
    $('key-origins').focus();
    return;
  }
  const body = { name, kind };
  if (kind === 'public') body.allowedOrigins = origins;
  else body.readOnly = $('key-read-only').checked;
  $('key-submit').disabled = true;
  try {
    const created = await json('/api/v1/keys', { method: 'POST', body });
    $('key-form').reset();
    kindChanged();
    showCreated(created);
    await showKeys();
  } catch (e) {
    const fields = Array.isArray(e.problem?.errors) ? e.problem.errors : [];
    const text = fields.length ? fields.map((f) => `${f.field}: ${f.message}`).join(' ') : e.message;
    error.textContent = t('refused', { text });
  } finally {
    $('key-submit').disabled = false;
  }
}

/** The key, once, with the snippet that uses it. */
function showCreated(created) {
  const origin = location.origin;
  const snippet = created.kind === 'public'
    ? `<script src="${origin}/widget.js" data-key="${created.key}" defer></script>`
    : JSON.stringify({ mcpServers: { docent: { type: 'http', url: `${origin}/mcp`,
      headers: { Authorization: `Bearer ${created.key}` } } } }, null, 2);
  $('key-created').replaceChildren(
    h('p', { className: 'hint' }, t('createdOnce')),
    copyable(created.key, 'key-created-key'),
    h('p', {}, created.kind === 'public' ? t('embedSnippet') : t('mcpSnippet')),
    copyable(snippet, 'key-created-snippet'));
  $('key-created').hidden = false;
  $('key-created-key').focus();
}

function copyable(text, id) {
  const copy = h('button', { type: 'button', className: 'small' }, t('copy'));
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(text);
      toast(t('copied'));
    } catch {
      toast(t('copyFailed'));
    }
  });
  return h('div', { className: 'copyable' }, h('pre', { id, tabIndex: 0 }, h('code', {}, text)), copy);
}
