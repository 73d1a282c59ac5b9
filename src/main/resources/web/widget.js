// Docent's widget for a documentation site: <script src="https://DOCENT/widget.js" data-key="dk_pub_…" defer>.
// Everything lives in a shadow root, so the host page's CSS cannot reach it and it touches nothing of the
// host page. Model output is Markdown, never trusted HTML: marked then DOMPurify, loaded from Docent when the
// panel first opens. Guest credentials (decision 0018) are kept in localStorage with the conversation.
(() => {
  'use strict';
  const script = document.currentScript;
  if (!script || !script.dataset.key) return;
  const BASE = new URL(script.src).origin;
  const LIBRARIES = { marked: BASE + '{{marked}}', dompurify: BASE + '{{dompurify}}' };
  const KEY = script.dataset.key;
  const KEEP_HOURS = Number(script.dataset.keepHours || 24);
  const STORE = 'docent-widget:' + KEY.slice(0, 16);
  const lang = (script.dataset.lang || navigator.language || 'en').toLowerCase().startsWith('ko') ? 'ko' : 'en';
  const STRINGS = {
    en: {
      ask: 'Ask AI', title: 'Ask the docs', close: 'Close', newChat: 'New conversation', send: 'Send',
      stop: 'Stop', placeholder: 'Ask a question about these docs', sources: 'Sources', thinking: 'Answering…',
      refused: 'The assistant is not available on this page.', failed: 'Something went wrong; please try again.',
      busy: 'Too many questions right now; please wait a moment.', stopped: 'Stopped.',
      welcome: 'Ask anything about this documentation. Answers cite their sources.',
      up: 'Helpful', down: 'Not helpful',
    },
    ko: {
      ask: 'AI에게 묻기', title: '문서에 질문하기', close: '닫기', newChat: '새 대화', send: '보내기', stop: '중지',
      placeholder: '이 문서에 대해 질문하세요', sources: '출처', thinking: '답변 중…',
      refused: '이 페이지에서는 도우미를 사용할 수 없습니다.', failed: '문제가 생겼습니다. 다시 시도해 주세요.',
      busy: '지금은 질문이 너무 많습니다. 잠시 후 다시 시도해 주세요.', stopped: '중지됨.',
      welcome: '이 문서에 대해 무엇이든 물어보세요. 답변에는 출처가 표시됩니다.',
      up: '도움이 됨', down: '도움이 안 됨',
    },
  };
  const t = (k) => STRINGS[lang][k];

  const CSS = `
:host { all: initial !important; }
* { box-sizing: border-box; }
.root { --bg: #fff; --fg: #1b1f24; --muted: #5b6470; --line: #d6dae0; --accent: ${safeColour(script.dataset.accent) || '#2563eb'};
  --bubble: #f1f4f8; font: 14px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); }
.root.dark { --bg: #16191d; --fg: #e8eaed; --muted: #a3abb5; --line: #333a42; --bubble: #22272e; }
button { font: inherit; cursor: pointer; border-radius: 6px; border: 1px solid var(--line); background: var(--bg);
  color: var(--fg); padding: 6px 10px; }
button:focus-visible, textarea:focus-visible, a:focus-visible { outline: 2px solid var(--accent); outline-offset: 2px; }
.launcher { position: fixed; bottom: 20px; right: 20px; z-index: 2147483000; background: var(--accent); color: #fff;
  border: none; border-radius: 24px; padding: 10px 18px; box-shadow: 0 4px 14px rgba(0,0,0,.25); }
.root.left .launcher, .root.left .panel { right: auto; left: 20px; }
.panel { position: fixed; bottom: 76px; right: 20px; z-index: 2147483000; width: 380px; max-width: calc(100vw - 24px);
  height: 560px; max-height: calc(100vh - 100px); display: flex; flex-direction: column; background: var(--bg);
  color: var(--fg); border: 1px solid var(--line); border-radius: 12px; box-shadow: 0 8px 30px rgba(0,0,0,.3); }
.panel[hidden] { display: none; }
header { display: flex; align-items: center; gap: 6px; padding: 10px 12px; border-bottom: 1px solid var(--line); }
header h2 { flex: 1; margin: 0; font-size: 15px; font-weight: 600; }
.log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 10px; }
.msg { padding: 8px 10px; border-radius: 8px; overflow-wrap: anywhere; }
.msg.user { align-self: flex-end; background: var(--accent); color: #fff; max-width: 85%; white-space: pre-wrap; }
.msg.assistant { background: var(--bubble); }
.msg p { margin: 0 0 8px; } .msg p:last-child { margin-bottom: 0; }
.msg pre { overflow-x: auto; background: rgba(127,127,127,.15); padding: 8px; border-radius: 6px; }
.msg a { color: var(--accent); }
.rate { display: flex; gap: 4px; margin-top: 6px; }
.rate button { background: none; border: 1px solid transparent; border-radius: 6px; padding: 0 4px; cursor: pointer; opacity: .6; font: inherit; }
.rate button:hover, .rate button:focus-visible, .rate button[aria-pressed="true"] { opacity: 1; border-color: var(--accent); }
.note { color: var(--muted); font-size: 13px; }
.sources { margin: 8px 0 0; padding-left: 20px; font-size: 12px; color: var(--muted); }
form { display: flex; gap: 6px; padding: 10px; border-top: 1px solid var(--line); }
textarea { flex: 1; resize: none; font: inherit; color: var(--fg); background: var(--bg); border: 1px solid var(--line);
  border-radius: 6px; padding: 6px 8px; min-height: 38px; }
.primary { background: var(--accent); color: #fff; border: none; }
@media (max-width: 480px) { .panel { inset: 0; width: 100vw; height: 100vh; max-height: none; max-width: none; border-radius: 0; } }
`;

  const host = document.createElement('docent-widget');
  host.setAttribute('data-docent-widget', '');
  const shadow = host.attachShadow({ mode: 'open' });
  const root = el('div', { class: 'root' });
  const theme = script.dataset.theme || 'auto';
  const dark = theme === 'dark' || (theme === 'auto' && matchMedia('(prefers-color-scheme: dark)').matches);
  root.classList.toggle('dark', dark);
  root.classList.toggle('left', script.dataset.position === 'left');
  // a constructed style sheet is not an inline style, so a host page's strict CSP allows it
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(CSS);
  shadow.adoptedStyleSheets = [sheet];
  const launcher = el('button', { class: 'launcher', type: 'button', 'aria-expanded': 'false', 'aria-controls': 'panel' },
    t('ask'));
  const panel = el('div', { class: 'panel', id: 'panel', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'title', hidden: '' });
  const heading = el('h2', { id: 'title' }, script.dataset.title || t('title'));
  const newChat = el('button', { type: 'button', class: 'new' }, t('newChat'));
  const close = el('button', { type: 'button', class: 'close', 'aria-label': t('close') }, '×');
  const log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite' });
  const input = el('textarea', { rows: '2', 'aria-label': t('placeholder'), placeholder: t('placeholder'), maxlength: '4000' });
  const send = el('button', { type: 'submit', class: 'primary send' }, t('send'));
  const stop = el('button', { type: 'button', class: 'stop', hidden: '' }, t('stop'));
  const form = el('form', {}, input, send, stop);
  panel.append(el('header', {}, heading, newChat, close), log, form);
  root.append(launcher, panel);
  shadow.append(root);
  (document.body || document.documentElement).append(host);

  let libraries = null;
  let running = null;
  const state = load();

  launcher.addEventListener('click', () => (panel.hidden ? open() : hide()));
  close.addEventListener('click', hide);
  newChat.addEventListener('click', () => {
    state.chatId = null;
    state.messages = [];
    save();
    renderAll();
    input.focus();
  });
  stop.addEventListener('click', stopAnswer);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (text && !running) ask(text);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) {
      e.preventDefault();
      form.requestSubmit();
    }
  });
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      hide();
    } else if (e.key === 'Tab') {
      const focusable = [...panel.querySelectorAll('button:not([hidden]), textarea, a[href]')];
      const first = focusable[0];
      const last = focusable[focusable.length - 1];
      if (e.shiftKey && shadow.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && shadow.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    }
  });

  async function open() {
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    input.focus();
    try {
      await loadLibraries();
      renderAll();
    } catch (e) {
      notice(t('failed'));
    }
  }

  function hide() {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
  }

  async function loadLibraries() {
    if (libraries) return libraries;
    const [{ marked }, { default: DOMPurify }] = await Promise.all([import(LIBRARIES.marked), import(LIBRARIES.dompurify)]);
    const escapes = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
    marked.use({ gfm: true, renderer: { html: ({ text }) => text.replace(/[&<>"']/g, (c) => escapes[c]) } });
    DOMPurify.addHook('afterSanitizeAttributes', (node) => {
      if (node.tagName === 'A' && node.hasAttribute('href')) {
        node.setAttribute('target', '_blank');
        node.setAttribute('rel', 'noopener noreferrer');
      }
    });
    libraries = { marked, DOMPurify };
    return libraries;
  }

  function renderMarkdown(element, text, sources) {
    const { marked, DOMPurify } = libraries;
    element.innerHTML = DOMPurify.sanitize(marked.parse(text || ''), {
      FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select'], FORBID_ATTR: ['style'],
    });
    if (sources && sources.length) {
      linkCitations(element, sources);
      const list = el('ol', { class: 'sources', 'aria-label': t('sources') });
      for (const s of sources) {
        const label = [s.documentTitle, s.page, s.section].filter(Boolean).join(' › ');
        const item = el('li', { value: String(s.n) });
        if (/^https?:\/\//.test(s.url || '')) {
          item.append(el('a', { href: s.url, target: '_blank', rel: 'noopener noreferrer', title: s.snippet || '' }, label));
        } else {
          item.append(el('span', { title: s.snippet || '' }, label));
        }
        list.append(item);
      }
      element.append(list);
    }
  }

  // [n] in the answer's text becomes a link to source n's page and section, its snippet on hover and focus
  function linkCitations(element, sources) {
    const byNumber = new Map(sources.map((s) => [s.n, s]));
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    const nodes = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.parentElement.closest('pre, code, a') && /\[\d+\]/.test(node.data)) nodes.push(node);
    }
    for (const node of nodes) {
      const parts = node.data.split(/(\[\d+\])/);
      node.replaceWith(...parts.map((part) => {
        const source = /^\[(\d+)\]$/.test(part) && byNumber.get(Number(part.slice(1, -1)));
        if (!source || !/^https?:\/\//.test(source.url || '')) return part;
        return el('a', { class: 'cite', href: source.url, target: '_blank', rel: 'noopener noreferrer',
          title: source.snippet || source.documentTitle || '' }, part);
      }));
    }
  }

  // data-document: a set's slug or id, or '*' for every set the key allows. A chat covers one set or every
  // set, so '*' with a key limited to several sets asks the first of them.
  function chosenSet() {
    const chosen = script.dataset.document;
    const documents = state.documents || [];
    if (chosen === '*') {
      if (state.allSets) return null;
      if (documents.length > 1) console.warn('Docent: data-document="*" needs a key for every document set; asking its first');
      return documents[0];
    }
    return documents.find((d) => d.id === chosen || d.slug === chosen) || documents[0];
  }

  function renderAll() {
    log.replaceChildren();
    if (!state.messages.length) log.append(el('p', { class: 'note' }, script.dataset.welcome || t('welcome')));
    for (const m of state.messages) log.append(bubble(m));
    log.scrollTop = log.scrollHeight;
  }

  function bubble(m) {
    const div = el('div', { class: 'msg ' + (m.role === 'user' ? 'user' : 'assistant') });
    if (m.role === 'user' || !libraries) div.textContent = m.content;
    else renderMarkdown(div, m.content, m.sources);
    if (m.role !== 'user' && m.id) div.append(ratingBar(m));
    return div;
  }

  /** Thumbs up and down under an answer: the same feedback as the web app's, for the docs team. */
  function ratingBar(m) {
    const bar = el('div', { class: 'rate' });
    for (const [rating, label] of [['up', '👍'], ['down', '👎']]) {
      const button = el('button', { type: 'button', 'aria-label': t(rating), title: t(rating),
        'aria-pressed': String(m.rating === rating), 'data-rating': rating }, label);
      button.addEventListener('click', () => rate(m, rating, bar));
      bar.append(button);
    }
    return bar;
  }

  async function rate(m, rating, bar) {
    const withdraw = m.rating === rating;
    try {
      const token = await session(false);
      const response = await fetch(BASE + '/api/v1/chats/' + state.chatId + '/messages/' + m.id + '/feedback', {
        method: withdraw ? 'DELETE' : 'PUT',
        headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
        body: withdraw ? undefined : JSON.stringify({ rating }),
      });
      if (!response.ok) throw new Refused(response.status);
      m.rating = withdraw ? null : rating;
      save();
      for (const b of bar.children) b.setAttribute('aria-pressed', String(b.dataset.rating === m.rating));
    } catch {
      notice(t('failed'));
    }
  }

  async function session(force) {
    if (!force && state.token && Date.parse(state.expiresAt) - Date.now() > 60_000) return state.token;
    // a refusal for an origin the key does not allow carries no CORS header: the browser
    // reports it as a network error, which is as much as the page may learn
    const response = await fetch(BASE + '/api/v1/widget/session', {
      method: 'POST', headers: { 'X-Docent-Key': KEY, 'Content-Type': 'application/json' },
      body: JSON.stringify(state.visitor ? { visitor: state.visitor } : {}),
    }).catch(() => {
      throw new Refused(0);
    });
    if (!response.ok) throw new Refused(response.status);
    const body = await response.json();
    Object.assign(state, { token: body.token, expiresAt: body.expiresAt, visitor: body.visitor, documents: body.documents,
      allSets: body.allSets === true });
    save();
    return state.token;
  }

  async function ask(text) {
    input.value = '';
    const question = { role: 'user', content: text };
    state.messages.push(question);
    log.querySelector('.note')?.remove();
    log.append(bubble(question));
    const answer = el('div', { class: 'msg assistant', 'aria-busy': 'true' }, t('thinking'));
    log.append(answer);
    log.scrollTop = log.scrollHeight;
    running = new AbortController();
    send.hidden = true;
    stop.hidden = false;
    let sources = [];
    let written = '';
    try {
      await loadLibraries();
      const token = await session(false);
      const set = chosenSet();
      const path = state.chatId ? '/api/v1/chats/' + state.chatId + '/messages' : '/api/v1/chats';
      const body = state.chatId ? { message: text }
        : { message: text, category: 'OFFICIAL_DOCS', documentId: set ? set.id : null };
      const response = await fetch(BASE + path, {
        method: 'POST', signal: running.signal,
        headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json', Accept: 'text/event-stream' },
        body: JSON.stringify(body),
      });
      if (!response.ok) throw new Refused(response.status);
      for await (const event of events(response)) {
        if (event.name === 'meta') {
          state.chatId = event.data.chatId;
        } else if (event.name === 'sources') {
          sources = event.data;
        } else if (event.name === 'token') {
          written += event.data.text;
          renderMarkdown(answer, written, []);
          log.scrollTop = log.scrollHeight;
        } else if (event.name === 'done') {
          const message = event.data.message;
          const stored = { role: 'assistant', id: message.id, content: message.content, sources: message.sources || sources };
          state.messages.push(stored);
          renderMarkdown(answer, message.content, stored.sources);
          answer.append(ratingBar(stored));
        } else if (event.name === 'error') {
          answer.textContent = event.data.detail || t('failed');
        }
      }
    } catch (e) {
      if (e.name === 'AbortError') {
        if (written) state.messages.push({ role: 'assistant', content: written, sources: [] });
        answer.append(el('p', { class: 'note' }, t('stopped')));
      } else if (e instanceof Refused) {
        answer.textContent = e.status === 429 ? t('busy') : e.status === 0 || e.status === 401 || e.status === 403 ? t('refused') : t('failed');
        if (e.status === 401) state.token = null;
      } else {
        answer.textContent = t('failed');
      }
    } finally {
      answer.removeAttribute('aria-busy');
      running = null;
      send.hidden = false;
      stop.hidden = true;
      save();
      log.scrollTop = log.scrollHeight;
    }
  }

  async function stopAnswer() {
    const controller = running;
    if (!controller) return;
    if (state.chatId && state.token) {
      fetch(BASE + '/api/v1/chats/' + state.chatId + '/stop', {
        method: 'POST', headers: { Authorization: 'Bearer ' + state.token },
      }).catch(() => {});
    }
    controller.abort();
    input.focus();
  }

  async function* events(response) {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let name = 'message';
        const data = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) name = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
        }
        if (data.length) yield { name, data: JSON.parse(data.join('\n')) };
      }
    }
  }

  function notice(text) {
    log.append(el('p', { class: 'note' }, text));
  }

  function load() {
    try {
      const saved = JSON.parse(localStorage.getItem(STORE) || 'null');
      if (saved && Date.now() - saved.savedAt < KEEP_HOURS * 3600_000) return saved;
    } catch (e) {
      // storage blocked or corrupt: start over
    }
    return { messages: [], chatId: null, token: null, expiresAt: null, visitor: null, documents: [], allSets: false };
  }

  function save() {
    state.savedAt = Date.now();
    try {
      localStorage.setItem(STORE, JSON.stringify(state));
    } catch (e) {
      // storage blocked: the conversation lasts as long as the page
    }
  }

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
    node.append(...children);
    return node;
  }

  function safeColour(value) {
    return /^#[0-9a-fA-F]{3,8}$/.test(value || '') ? value : null;
  }

  class Refused extends Error {
    constructor(status) {
      super('HTTP ' + status);
      this.status = status;
    }
  }
})();
