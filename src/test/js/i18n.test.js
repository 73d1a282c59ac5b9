import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { chooseLanguage, language, translator } from '../../main/resources/static/app/i18n.js';

const saved = Object.getOwnPropertyDescriptor(globalThis, 'navigator');

function browser(languages, stored = {}) {
  Object.defineProperty(globalThis, 'navigator', { value: { languages, language: languages[0] }, configurable: true });
  globalThis.localStorage = {
    getItem: (k) => (k in stored ? stored[k] : null),
    setItem: (k, v) => { stored[k] = String(v); },
  };
  return stored;
}

beforeEach(() => browser(['en-US']));
afterEach(() => {
  if (saved) Object.defineProperty(globalThis, 'navigator', saved);
  delete globalThis.localStorage;
});

const t = translator({
  en: { hello: 'Hello, {name}', only: 'English only' },
  ko: { hello: '{name}님, 안녕하세요' },
});

test('the first browser language the app speaks decides', () => {
  browser(['fr-FR', 'ko-KR', 'en']);
  assert.equal(language(), 'ko');
  assert.equal(t('hello', { name: 'Ada' }), 'Ada님, 안녕하세요');
});

test('a browser speaking nothing the app speaks gets English', () => {
  browser(['fr-FR', 'de']);
  assert.equal(language(), 'en');
  assert.equal(t('hello', { name: 'Ada' }), 'Hello, Ada');
});

test("the reader's choice wins over the browser's languages", () => {
  const stored = browser(['ko-KR']);
  chooseLanguage('en');
  assert.equal(stored['docent.language'], 'en');
  assert.equal(language(), 'en');
  assert.throws(() => chooseLanguage('xx'));
});

test('a missing translation falls back to English, then to the key; unknown placeholders stay', () => {
  browser(['ko']);
  assert.equal(t('only'), 'English only');
  assert.equal(t('nothing'), 'nothing');
  assert.equal(t('hello'), '{name}님, 안녕하세요');
});

test('a page is localized by its data-i18n keys', async () => {
  const { localize } = await import('../../main/resources/static/app/i18n.js');
  const text = { textContent: '' };
  const input = { attributes: { 'data-i18n-placeholder': 'hello' }, getAttribute(n) { return this.attributes[n]; },
    setAttribute(n, v) { this.attributes[n] = v; } };
  const root = {
    querySelectorAll: (selector) => ({ '[data-i18n]': [Object.assign(text, { dataset: { i18n: 'only' } })],
      '[data-i18n-placeholder]': [input] }[selector] ?? []),
  };
  browser(['ko']);
  localize(root, (key) => t(key, { name: 'Ada' }));
  assert.equal(text.textContent, 'English only');
  assert.equal(input.attributes.placeholder, 'Ada님, 안녕하세요');
});
