import assert from 'node:assert/strict';
import { test } from 'node:test';
import { placePreview } from '../../main/resources/static/app/placement.js';
import { plainText } from '../../main/resources/static/app/plain-text.js';

test('a chat preview shows the words of Markdown, not its marks', () => {
  assert.equal(plainText('## Use `sorted()` [1]\n\n- **fast** and _stable_\n- see [the docs](https://x.org)'),
    'Use sorted() fast and stable see the docs');
  assert.equal(plainText('```python\nitems[::-1]\n```'), 'items[::-1]');
  assert.equal(plainText('| a | b |\n| --- | --- |\n| 1 | 2 |'), 'a b 1 2');
  assert.equal(plainText('> quoted ~~old~~ text'), 'quoted old text');
  assert.equal(plainText('snake_case_name and 2 * 3 * 4'), 'snake_case_name and 2 * 3 * 4');
  assert.equal(plainText(null), '');
});

const viewport = { width: 390, height: 800 };
const tip = { width: 300, height: 120 };

test('a preview goes above its citation when there is room', () => {
  const place = placePreview({ left: 40, top: 400, bottom: 420 }, tip, viewport);
  assert.deepEqual(place, { left: 40, top: 274, width: 300, below: false });
});

test('a preview near the top flips below its citation', () => {
  const place = placePreview({ left: 40, top: 30, bottom: 50 }, tip, viewport);
  assert.equal(place.below, true);
  assert.equal(place.top, 56);
});

test('a preview near the right edge is moved left to stay on screen', () => {
  const place = placePreview({ left: 360, top: 400, bottom: 420 }, tip, viewport);
  assert.equal(place.left + place.width, viewport.width - 8);
});

test('a preview wider than the screen is narrowed to it', () => {
  const place = placePreview({ left: 10, top: 400, bottom: 420 }, { width: 500, height: 100 }, { width: 320, height: 600 });
  assert.deepEqual([place.left, place.width], [8, 304]);
});
