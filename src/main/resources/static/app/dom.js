// Small DOM helpers: elements are built with properties and text, never from HTML strings.

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

/** Asks before doing something that cannot be undone; resolves when {@code action} succeeded. */
export function confirmDialog({ heading, text, button = 'Delete', action }) {
  const dialog = $('confirm-dialog');
  $('confirm-heading').textContent = heading;
  $('confirm-text').textContent = text;
  $('confirm-ok').textContent = button;
  return runDialog(dialog, $('confirm-form'), $('confirm-error'), action, $('confirm-ok'));
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

/** plural(3, 'page') is "3 pages". */
export const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function formatDate(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  const today = new Date();
  return date.toDateString() === today.toDateString()
    ? date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })
    : date.toLocaleDateString([], { year: 'numeric', month: 'short', day: 'numeric' });
}
