// Small DOM helpers: elements are built with properties and text, never from HTML strings.

import { language } from './i18n.js';
import { t as pageText } from './page.js';

export const $ = (id) => document.getElementById(id);

/** h('a', {href: '/', className: 'x', dataset: {id}}, 'text', child) */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'dataset') Object.assign(element.dataset, value);
    else if (key.startsWith('aria-') || key === 'role' || key === 'for') element.setAttribute(key, value);
    else element[key] = value;
  }
  element.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return element;
}

let toastTimer;

/** A short status line at the bottom of the page. */
export function toast(text) {
  const element = $('toast');
  element.textContent = text;
  element.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { element.hidden = true; }, 3000);
}

/**
 * Asks before doing something that cannot be undone; resolves when {@code action} succeeded. Focus
 * starts on Cancel, so a stray Enter deletes nothing.
 */
export function confirmDialog({ heading, text, button = pageText('delete'), action }) {
  const dialog = $('confirm-dialog');
  $('confirm-heading').textContent = heading;
  $('confirm-text').textContent = text;
  $('confirm-ok').textContent = button;
  return runDialog(dialog, $('confirm-form'), $('confirm-error'), action, $('confirm-cancel'));
}

/**
 * Shows a modal form dialog; its submit runs {@code action}, whose failure message stays in the
 * dialog. Escape and Cancel close it. Focus goes back where it was.
 */
export function runDialog(dialog, form, error, action, focus) {
  const opener = document.activeElement;
  error.textContent = '';
  return new Promise((resolve) => {
    const close = (result) => {
      form.removeEventListener('submit', submit);
      dialog.removeEventListener('close', cancel);
      dialog.close();
      opener?.focus?.();
      resolve(result);
    };
    const submit = async (event) => {
      event.preventDefault();
      error.textContent = '';
      try {
        const result = await action();
        close(result ?? true);
      } catch (e) {
        error.textContent = e.message;
      }
    };
    const cancel = () => close(false);
    form.addEventListener('submit', submit);
    dialog.addEventListener('close', cancel);
    form.querySelectorAll('[data-close]').forEach((b) => { b.onclick = () => dialog.close(); });
    dialog.showModal();
    focus?.focus();
  });
}

/** counted(t, 'pages', 3) is t('pages', {n: 3}); for 1 it is t('pages.one', {n: 1}) when there is such a key. */
export function counted(t, key, n) {
  const one = `${key}.one`;
  return n === 1 && t(one) !== one ? t(one, { n }) : t(key, { n });
}

export function formatDate(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  const today = new Date();
  return date.toDateString() === today.toDateString()
    ? date.toLocaleTimeString(language(), { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleDateString(language(), { year: 'numeric', month: 'short', day: 'numeric' });
}
