// The page's start: restore the session from its cookie or show the sign-in form, then route
// between a new chat, a chat (/chats/{id}) and the documents page (/documents, ADMIN only).

import { authOptions, json, restore, signIn, signOut, signUp, whenSignedOut } from './api.js';
import * as sidebar from './chats.js';
import * as conversation from './conversation.js';
import { initDocuments, showDocuments } from './documents.js';
import { initKeys, showKeys } from './keys.js';
import { showInsights } from './insights.js';
import { $, runDialog, toast } from './dom.js';
import { translator } from './i18n.js';
import { localizePage, t as pageText } from './page.js';

const t = translator({
  en: {
    sessionEnded: 'Your session has ended. Sign in again.',
    signedOutElsewhere: 'You signed out in another tab.',
    enterBoth: 'Enter a username and a password.',
    adminCreates: 'New accounts are created by an administrator.',
    createAccount: 'Create an account',
    createAccountButton: 'Create account',
    haveAccount: 'Have an account?',
    fieldMessage: '{field} {message}.',
    username: 'Username',
    password: 'Password',
    documentsTitle: 'Documents · Docent',
    passwordChanged: 'Password changed. Your other devices are signed out.',
  },
  ko: {
    sessionEnded: '세션이 끝났습니다. 다시 로그인하세요.',
    signedOutElsewhere: '다른 탭에서 로그아웃했습니다.',
    enterBoth: '사용자 이름과 비밀번호를 입력하세요.',
    adminCreates: '새 계정은 관리자가 만듭니다.',
    createAccount: '계정 만들기',
    createAccountButton: '계정 만들기',
    haveAccount: '계정이 있으신가요?',
    fieldMessage: '{field}: {message}.',
    username: '사용자 이름',
    password: '비밀번호',
    documentsTitle: '문서 · Docent',
    passwordChanged: '비밀번호를 바꿨습니다. 다른 기기에서는 로그아웃됐습니다.',
  },
});

const CHAT_PATH = /^\/chats\/([0-9a-fA-F-]{36})$/;
let me = null;
let signingUp = false;

async function start() {
  localizePage();
  initSignIn();
  whenSignedOut((elsewhere) => showSignIn(t(elsewhere ? 'signedOutElsewhere' : 'sessionEnded')));
  let signedIn;
  try {
    signedIn = await restore();
  } catch (e) {
    $('boot').textContent = e.message;
    return;
  }
  if (signedIn) await enter();
  else showSignIn();
}

function initSignIn() {
  offerSignUp();
  $('signin-switch').addEventListener('click', () => setMode(!signingUp));
  $('signin-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const username = $('signin-username').value.trim();
    const password = $('signin-password').value;
    const error = $('signin-error');
    error.textContent = '';
    if (!username || !password) {
      error.textContent = t('enterBoth');
      return;
    }
    $('signin-submit').disabled = true;
    try {
      if (signingUp) await signUp(username, password);
      else await signIn(username, password);
      $('signin-password').value = '';
      await enter();
    } catch (e) {
      error.textContent = fieldMessages(e) || e.message;
    } finally {
      $('signin-submit').disabled = false;
    }
  });
}

/** When the server does not allow sign-up, the form says so instead of offering it. */
async function offerSignUp() {
  const options = await authOptions().catch(() => ({ signup: true }));
  if (options.signup) return;
  $('signin-switch').hidden = true;
  $('signin-switch-text').textContent = t('adminCreates');
}

function fieldMessages(error) {
  const fields = error.problem?.errors;
  return Array.isArray(fields) && fields.length
    ? fields.map((f) => t('fieldMessage', { field: fieldName(f.field), message: f.message })).join(' ') : null;
}

function fieldName(field) {
  const named = { username: t('username'), password: t('password') }[field];
  return named ?? `${field[0].toUpperCase()}${field.slice(1)}`;
}

function setMode(up) {
  signingUp = up;
  $('signin-heading').textContent = up ? t('createAccount') : pageText('signIn');
  $('signin-submit').textContent = up ? t('createAccountButton') : pageText('signIn');
  $('signin-switch-text').textContent = up ? t('haveAccount') : pageText('newHere');
  $('signin-switch').textContent = up ? pageText('signIn') : t('createAccount');
  $('signin-password').autocomplete = up ? 'new-password' : 'current-password';
  $('signin-password-hint').hidden = !up;
  $('signin-error').textContent = '';
}

function showSignIn(notice = '') {
  me = null;
  $('boot').hidden = true;
  $('app').hidden = true;
  $('signin').hidden = false;
  $('signin-notice').textContent = notice;
  $('signin-username').focus();
}

let wired = false;
let signedInAs = null;

async function enter() {
  const before = signedInAs;
  me = await json('/api/v1/me');
  signedInAs = me.id;
  if (before && before !== me.id) {
    // another account in a page that held someone else's chats and drafts: start clean
    location.assign('/');
    return;
  }
  $('boot').hidden = true;
  $('signin').hidden = true;
  $('app').hidden = false;
  $('user-name').textContent = me.username;
  $('nav-documents').hidden = me.role !== 'ADMIN';
  $('nav-keys').hidden = me.role !== 'ADMIN';
  $('nav-chats').hidden = me.role !== 'ADMIN';
  $('nav-insights').hidden = me.role !== 'ADMIN';
  if (!wired) {
    wired = true;
    wire();
  }
  sidebar.reload();
  await route();
}

function wire() {
  sidebar.initSidebar({ renamed: conversation.renamed, deleted: conversation.deleted });
  conversation.initConversation({ navigate });
  initDocuments();
  initKeys();
  $('change-password').addEventListener('click', changePassword);
  $('signout').addEventListener('click', async () => {
    await signOut();
    location.assign('/');
  });
  $('new-chat').addEventListener('click', () => navigate('/'));
  document.querySelector('.skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    $('messages').focus();
  });
  $('menu-toggle').addEventListener('click', () => toggleSidebar());
  $('scrim').addEventListener('click', () => toggleSidebar(false));
  $('sidebar').addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && document.body.classList.contains('sidebar-open') && !event.target.closest('.chat-item')) {
      toggleSidebar(false);
      $('menu-toggle').focus();
    }
  });
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[data-route]');
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    navigate(link.getAttribute('href'));
  });
  window.addEventListener('popstate', route);
}

function toggleSidebar(open = !document.body.classList.contains('sidebar-open')) {
  document.body.classList.toggle('sidebar-open', open);
  $('menu-toggle').setAttribute('aria-expanded', String(open));
  $('scrim').hidden = !open;
  if (open) $('chat-search').focus();
}

function current(link, yes) {
  if (yes) link.setAttribute('aria-current', 'page');
  else link.removeAttribute('aria-current');
}

function navigate(path) {
  if (path !== location.pathname) history.pushState(null, '', path);
  route();
}

async function route() {
  toggleSidebar(false);
  const path = location.pathname;
  const admin = me?.role === 'ADMIN';
  const documents = path === '/documents' && admin;
  const keys = path === '/keys' && admin;
  const insights = path === '/insights' && admin;
  $('conversation').hidden = documents || keys || insights;
  $('documents-page').hidden = !documents;
  $('keys-page').hidden = !keys;
  $('insights-page').hidden = !insights;
  current($('nav-chats'), !documents && !keys && !insights);
  current($('nav-documents'), documents);
  current($('nav-keys'), keys);
  current($('nav-insights'), insights);
  if (keys) {
    document.title = 'API keys · Docent';
    await showKeys();
    return;
  }
  if (insights) {
    document.title = 'Insights · Docent';
    await showInsights();
    return;
  }
  if (documents) {
    document.title = t('documentsTitle');
    $('documents-body').replaceChildren(); // rows shown before are not this visit's
    await showDocuments();
    return;
  }
  const chat = CHAT_PATH.exec(path);
  document.title = 'Docent';
  if (chat) await conversation.openChat(chat[1].toLowerCase());
  else {
    if (path !== '/') history.replaceState(null, '', '/');
    await conversation.showNewChat(admin);
  }
  conversation.focusComposer();
}

start();

/**
 * Every session of the account ends with the change, this page's too: it signs in again with the new
 * password, for a new session cookie.
 */
async function changePassword() {
  const currentField = $('current-password');
  const newField = $('new-password');
  currentField.value = '';
  newField.value = '';
  $('password-username').value = me.username;
  const changed = await runDialog($('password-dialog'), $('password-form'), $('password-error'), async () => {
    await json('/api/v1/me/password', {
      method: 'POST',
      body: { currentPassword: currentField.value, newPassword: newField.value },
    });
    await signIn(me.username, newField.value);
  }, currentField);
  currentField.value = '';
  newField.value = '';
  if (changed) toast(t('passwordChanged'));
}
