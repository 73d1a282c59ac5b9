// The web app's language, English or Korean: the reader's choice if they made one, else the first of the
// browser's languages that the app speaks. Each module keeps its own strings next to its code:
//
//   const t = translator({ en: { greeting: 'Hello, {name}' }, ko: { greeting: '{name}님, 안녕하세요' } });
//   t('greeting', { name: 'Ada' })
//
// A string missing in the reader's language falls back to English, then to its key.

export const LANGUAGES = Object.freeze({ en: 'English', ko: '한국어' });
const CHOSEN = 'docent.language';

/** The reader's language: a key of LANGUAGES. */
export function language() {
  const chosen = storage()?.getItem(CHOSEN);
  if (chosen && chosen in LANGUAGES) return chosen;
  const nav = globalThis.navigator;
  for (const tag of nav?.languages?.length ? nav.languages : [nav?.language]) {
    const base = String(tag ?? '').toLowerCase().split('-')[0];
    if (base in LANGUAGES) return base;
  }
  return 'en';
}

/** Remembers the reader's choice in this browser; the page reloads to show it everywhere. */
export function chooseLanguage(lang) {
  if (!(lang in LANGUAGES)) throw new Error(`unsupported language ${lang}`);
  storage()?.setItem(CHOSEN, lang);
}

/** A function from a key (and {placeholder} values) to the text in the reader's language. */
export function translator(messages) {
  return (key, params = {}) => {
    const text = messages[language()]?.[key] ?? messages.en?.[key] ?? key;
    return text.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
  };
}

function storage() {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null; // storage disabled: the browser's language decides
  }
}

/**
 * Puts a page's fixed text in the reader's language: an element's data-i18n names the key of its
 * text, data-i18n-placeholder, -aria-label and -title the keys of those attributes.
 */
export function localize(root, t) {
  for (const element of root.querySelectorAll('[data-i18n]')) element.textContent = t(element.dataset.i18n);
  for (const attribute of ['placeholder', 'aria-label', 'title']) {
    for (const element of root.querySelectorAll(`[data-i18n-${attribute}]`)) {
      element.setAttribute(attribute, t(element.getAttribute(`data-i18n-${attribute}`)));
    }
  }
}
