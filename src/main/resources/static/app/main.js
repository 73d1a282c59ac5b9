// The page's start: restore the session from its cookie or show the sign-in form, then route
// between a new chat, a chat (/chats/{id}) and the documents page (/documents, ADMIN only).

import { authOptions, json, restore, signIn, signOut, signUp, whenSignedOut } from './api.js';
import * as sidebar from './chats.js';
import * as conversation from './conversation.js';
import { initDocuments, showDocuments } from './documents.js';
import { showInsights } from './insights.js';
import { $ } from './dom.js';

const CHAT_PATH = /^\/chats\/([0-9a-fA-F-]{36})$/;
let me = null;
let signingUp = false;

async function start() {
  initSignIn();
  whenSignedOut(() => showSignIn('Your session has ended. Sign in again.'));
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
      error.textContent = 'Enter a username and a password.';
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
  $('signin-switch-text').textContent = 'New accounts are created by an administrator.';
}

function fieldMessages(error) {
  const fields = error.problem?.errors;
  return Array.isArray(fields) && fields.length
    ? fields.map((f) => `${f.field[0].toUpperCase()}${f.field.slice(1)} ${f.message}.`).join(' ') : null;
}

function setMode(up) {
  signingUp = up;
  $('signin-heading').textContent = up ? 'Create an account' : 'Sign in';
  $('signin-submit').textContent = up ? 'Create account' : 'Sign in';
  $('signin-switch-text').textContent = up ? 'Have an account?' : 'New here?';
  $('signin-switch').textContent = up ? 'Sign in' : 'Create an account';
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
  $('signout').addEventListener('click', async () => {
    await signOut();
    location.assign('/');
  });
  $('new-chat').addEventListener('click', () => navigate('/'));
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
  const insights = path === '/insights' && admin;
  $('conversation').hidden = documents || insights;
  $('documents-page').hidden = !documents;
  $('insights-page').hidden = !insights;
  current($('nav-chats'), !documents && !insights);
  current($('nav-documents'), documents);
  current($('nav-insights'), insights);
  if (insights) {
    document.title = 'Insights · Docent';
    await showInsights();
    return;
  }
  if (documents) {
    document.title = 'Documents · Docent';
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
