// Model output is Markdown and never trusted HTML: raw HTML in it is shown as text, and what marked
// makes of the rest goes through DOMPurify before it reaches the page.

import { translator } from './i18n.js';
import { placePreview } from './placement.js';

const t = translator({
  en: { copy: 'Copy', copied: 'Copied', copyFailed: 'Copy failed', copyCode: 'Copy code', source: 'Source {n}' },
  ko: { copy: '복사', copied: '복사됨', copyFailed: '복사 실패', copyCode: '코드 복사', source: '출처 {n}' },
});

const { marked } = await import(document.body.dataset.marked);
const { default: DOMPurify } = await import(document.body.dataset.dompurify);

const escapes = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text) => text.replace(/[&<>"']/g, (c) => escapes[c]);

marked.use({
  gfm: true,
  renderer: {
    html: ({ text }) => escape(text),
  },
});

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A' && node.hasAttribute('href')) {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

/** Renders Markdown into {@code element}, numbered citations and copy buttons included. */
export function renderMarkdown(element, text, sources = []) {
  const html = DOMPurify.sanitize(marked.parse(text), {
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select'],
    FORBID_ATTR: ['style'],
  });
  element.innerHTML = html;
  if (sources.length) linkCitations(element, sources);
  element.querySelectorAll('pre').forEach(addCopyButton);
}

/** [n] in the text becomes a link to source n, with its snippet shown on hover and focus. */
function linkCitations(element, sources) {
  const byNumber = new Map(sources.map((s) => [String(s.n), s]));
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => (node.parentElement.closest('code, pre, a') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
  });
  const nodes = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (/\[\d+\]/.test(node.nodeValue)) nodes.push(node);
  }
  for (const node of nodes) {
    const parts = node.nodeValue.split(/(\[\d+\])/);
    const fragment = document.createDocumentFragment();
    for (const part of parts) {
      const source = /^\[(\d+)\]$/.test(part) && byNumber.get(part.slice(1, -1));
      fragment.append(source ? citation(source) : part);
    }
    node.replaceWith(fragment);
  }
}

let tooltips = 0;

/**
 * A source's address when the browser can open it: a web address, or a path on this server (the user guide).
 * A document set ingested without a base URL only names its page ("library/functools.html#…"), which would
 * resolve against the app's own pages — and a name is never allowed to become a javascript: link.
 */
export function linkable(url) {
  return /^https?:\/\//i.test(url || '') || /^\/(?!\/)/.test(url || '') ? url : null;
}

export function citation(source) {
  const href = linkable(source.url);
  const link = document.createElement(href ? 'a' : 'span');
  link.className = 'citation';
  if (href) {
    link.href = href;
    link.target = '_blank';
    link.rel = 'noopener noreferrer';
  } else {
    link.tabIndex = 0;
  }
  link.textContent = `[${source.n}]`;
  const tip = document.createElement('span');
  tip.className = 'snippet';
  tip.id = `snippet-${++tooltips}`;
  tip.setAttribute('role', 'tooltip');
  tip.textContent = `${sourceLabel(source)} — ${source.snippet || ''}`;
  link.setAttribute('aria-describedby', tip.id);
  link.append(tip);
  return link;
}

/** A source's name where it is listed: its label, else "Source n". */
export function sourceName(source) {
  return sourceLabel(source) || t('source', { n: source.n });
}

// A citation's preview opens on hover and keyboard focus, and on a tap on touch screens (a second
// tap follows the link). It is placed in the viewport, above the citation or flipped below it.

let lastPointer = 'mouse';

function showPreview(cite) {
  const tip = cite.querySelector('.snippet');
  if (!tip) return;
  cite.classList.add('open');
  const place = placePreview(cite.getBoundingClientRect(), { width: tip.offsetWidth, height: tip.offsetHeight },
    { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight });
  tip.style.left = `${place.left}px`;
  tip.style.top = `${place.top}px`;
  tip.style.maxWidth = `${place.width}px`;
  tip.classList.toggle('below', place.below);
}

function hidePreview(cite) {
  cite.classList.remove('open', 'pinned');
}

function hideAll(except = null) {
  document.querySelectorAll('.citation.open').forEach((c) => { if (c !== except) hidePreview(c); });
}

document.addEventListener('pointerdown', (event) => {
  lastPointer = event.pointerType || 'mouse';
  if (!event.target.closest?.('.citation')) hideAll();
}, true);
document.addEventListener('pointerover', (event) => {
  if (event.pointerType !== 'mouse') return;
  lastPointer = 'mouse';
  const cite = event.target.closest?.('.citation');
  if (cite && !cite.classList.contains('open')) showPreview(cite);
});
document.addEventListener('pointerout', (event) => {
  const cite = event.target.closest?.('.citation');
  if (event.pointerType !== 'mouse' || !cite || cite.contains(event.relatedTarget)) return;
  if (!cite.classList.contains('pinned') && document.activeElement !== cite) hidePreview(cite);
});
document.addEventListener('focusin', (event) => {
  const cite = event.target.closest?.('.citation');
  if (cite) showPreview(cite);
});
document.addEventListener('focusout', (event) => {
  const cite = event.target.closest?.('.citation');
  if (cite && !cite.classList.contains('pinned')) hidePreview(cite);
});
document.addEventListener('click', (event) => {
  const cite = event.target.closest?.('.citation');
  if (!cite || lastPointer === 'mouse') return;
  if (cite.classList.contains('pinned')) return; // the second tap follows the link
  event.preventDefault();
  hideAll(cite);
  showPreview(cite);
  cite.classList.add('pinned');
});
document.addEventListener('scroll', () => hideAll(), true);
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape') hideAll();
});

export function sourceLabel(source) {
  return [source.documentTitle, source.page, source.section].filter(Boolean).join(' · ');
}

function addCopyButton(pre) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy';
  button.textContent = t('copy');
  button.setAttribute('aria-label', t('copyCode'));
  button.addEventListener('click', async () => {
    const code = pre.querySelector('code')?.textContent ?? pre.textContent;
    button.textContent = (await copy(code)) ? t('copied') : t('copyFailed');
    setTimeout(() => { button.textContent = t('copy'); }, 1500);
  });
  pre.prepend(button);
}

/** The clipboard API needs a secure context; plain HTTP on a LAN falls back to a selection. */
async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'offscreen';
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    return copied;
  }
}
