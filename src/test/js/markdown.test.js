// markdown.js runs in a page: it imports marked and DOMPurify from the URLs on <body> (the WebJars' files),
// so here a jsdom page points them at the same files of the npm packages, pinned to the WebJars' versions.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { before, describe, test } from 'node:test';

const jsdom = await import('jsdom').catch(() => null);
const skip = jsdom ? false : 'jsdom is not installed (npm ci installs it)';
const modules = new URL('../../../node_modules/', import.meta.url);

let markdown;
let page;

/** Rendered into a fresh element, the way the conversation view does it. */
function render(text, sources) {
  const element = page.document.createElement('div');
  markdown.renderMarkdown(element, text, sources);
  return element;
}

describe('Markdown rendering', { skip }, () => {
  before(async () => {
    page = new jsdom.JSDOM('<!doctype html><body></body>', { url: 'http://localhost/' }).window;
    page.document.body.dataset.marked = new URL('marked/lib/marked.esm.js', modules).href;
    page.document.body.dataset.dompurify = new URL('dompurify/dist/purify.es.mjs', modules).href;
    Object.assign(globalThis, { window: page, document: page.document, NodeFilter: page.NodeFilter });
    markdown = await import('../../main/resources/static/app/markdown.js');
  });

  test('the npm packages are the versions of the WebJars the app serves', async () => {
    const pom = await readFile(new URL('../../../pom.xml', import.meta.url), 'utf8');
    const { devDependencies } = JSON.parse(await readFile(new URL('../../../package.json', import.meta.url), 'utf8'));
    for (const name of ['marked', 'dompurify']) {
      assert.equal(devDependencies[name], pom.match(new RegExp(`<${name}.version>(.+?)</`))[1], name);
    }
  });

  test('renders Markdown: emphasis, lists, tables', () => {
    const element = render('Some **bold** text\n\n- one\n- two\n\n| a | b |\n|---|---|\n| 1 | 2 |');
    assert.equal(element.querySelector('strong').textContent, 'bold');
    assert.equal(element.querySelectorAll('li').length, 2);
    assert.equal(element.querySelector('td').textContent, '1');
  });

  test('raw HTML in the model output is shown as text, never run', () => {
    const element = render('Hello <script>alert(1)</script> and <img src=x onerror="alert(2)">\n\n<iframe src="/x"></iframe>');
    assert.equal(element.querySelector('script, img, iframe, [onerror]'), null);
    assert.match(element.textContent, /<script>alert\(1\)<\/script>/);
    assert.match(element.textContent, /<iframe src="\/x"><\/iframe>/);
  });

  test('links open in a new tab without an opener; javascript: links lose their target', () => {
    const element = render('[docs](https://example.com/docs) and [bad](javascript:alert(1))');
    const links = [...element.querySelectorAll('a')];
    const docs = links.find((a) => a.textContent === 'docs');
    assert.equal(docs.getAttribute('href'), 'https://example.com/docs');
    assert.equal(docs.getAttribute('target'), '_blank');
    assert.equal(docs.getAttribute('rel'), 'noopener noreferrer');
    assert.ok(links.every((a) => !/^javascript:/i.test(a.getAttribute('href') ?? '')), element.innerHTML);
  });

  test('a code block keeps its text and gets a copy button', () => {
    const element = render('```java\nif (a < b) return "<b>";\n```');
    const pre = element.querySelector('pre');
    assert.equal(pre.firstElementChild.tagName, 'BUTTON');
    assert.equal(pre.firstElementChild.className, 'copy');
    assert.equal(pre.firstElementChild.getAttribute('aria-label'), 'Copy code');
    assert.equal(pre.querySelector('code').textContent, 'if (a < b) return "<b>";\n');
  });

  test('the copy button copies the code, not its own label', async () => {
    const copied = [];
    Object.defineProperty(globalThis, 'navigator', {
      value: { clipboard: { writeText: async (text) => { copied.push(text); } } }, configurable: true,
    });
    const button = render('```\nls -l\n```').querySelector('button.copy');
    button.click();
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(copied, ['ls -l\n']);
    assert.equal(button.textContent, 'Copied');
  });

  test('[n] becomes a link to source n with its snippet; not in code, not for unknown numbers', () => {
    const sources = [{ n: 1, url: 'https://example.com/guide#setup', documentTitle: 'Guide', section: 'Setup', snippet: 'Run it.' }];
    const element = render('See [1] and [2]. `x[1]`', sources);
    const citations = element.querySelectorAll('.citation');
    assert.equal(citations.length, 1);
    assert.equal(citations[0].getAttribute('href'), 'https://example.com/guide#setup');
    assert.equal(citations[0].querySelector('[role=tooltip]').textContent, 'Guide · Setup — Run it.');
    assert.match(element.textContent, /and \[2\]/);
    assert.equal(element.querySelector('code').textContent, 'x[1]');
  });

  test('a source the browser cannot open is cited without a link', () => {
    for (const url of ['library/functools.html#cache', 'javascript:alert(1)', '//evil.example/x', null]) {
      const [citation] = render('[1]', [{ n: 1, url, documentTitle: 'Doc', snippet: '' }]).querySelectorAll('.citation');
      assert.equal(citation.tagName, 'SPAN', String(url));
      assert.equal(citation.tabIndex, 0);
    }
    assert.equal(markdown.linkable('/guide/chatting.html#citations'), '/guide/chatting.html#citations');
    assert.equal(markdown.linkable('HTTPS://example.com/'), 'HTTPS://example.com/');
  });
});
