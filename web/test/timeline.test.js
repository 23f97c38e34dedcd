// Unit tests of the news page's pure helpers (public/timeline.js): `npm test`
// in web/. Arabic literals are written as \u escapes.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { entityLabel, groupByYear, kindLabel, splitEvidence } from '../public/timeline.js';

// "كريمة بناني" (made up)
const KARIMA_AR = '\u0643\u0631\u064a\u0645\u0629 \u0628\u0646\u0627\u0646\u064a';

test('groupByYear keeps the order and puts undated entries last', () => {
  const entries = [
    { date: '2021-03-15', doc: 'a' },
    { date: '2021-11-02', doc: 'b' },
    { date: '2023-01-01', doc: 'c' },
    { date: null, doc: 'd' },
    { doc: 'e' },
  ];
  const groups = groupByYear(entries);
  assert.deepEqual(groups.map((g) => g.year), ['2021', '2023', 'unknown']);
  assert.deepEqual(groups.map((g) => g.entries.map((e) => e.doc).join('')), ['ab', 'c', 'de']);
  assert.deepEqual(groupByYear([]), []);
  assert.deepEqual(groupByYear(undefined), []);
});

test('entityLabel prefers the canonical form', () => {
  const entities = { 'p:karima-bennani': { type: 'person', canonical: 'Karima Bennani' } };
  assert.equal(entityLabel('p:karima-bennani', entities), 'Karima Bennani');
  assert.equal(entityLabel('l:rabat', entities), 'l:rabat');
  assert.equal(entityLabel('l:rabat', undefined), 'l:rabat');
});

test('kindLabel reads event types', () => {
  assert.equal(kindLabel('press_conference'), 'Press conference');
  assert.equal(kindLabel('mention'), 'Mentioned');
  assert.equal(kindLabel('other'), 'other');
});

test('splitEvidence cuts around the mention, in either script', () => {
  assert.deepEqual(splitEvidence('...a dit Karima Bennani hier...', 'Karima Bennani'),
    { before: '...a dit ', mention: 'Karima Bennani', after: ' hier...' });
  const ar = `\u0642\u0627\u0644\u062a ${KARIMA_AR} \u0625\u0646`;
  const parts = splitEvidence(ar, KARIMA_AR);
  assert.equal(parts.mention, KARIMA_AR);
  assert.equal(parts.before + parts.mention + parts.after, ar);
  assert.deepEqual(splitEvidence('nothing here', 'Karima'), { before: 'nothing here', mention: '', after: '' });
});
