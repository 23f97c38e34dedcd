// Unit tests of the page's pure helpers (public/review.js): `npm test` in web/.
// Arabic literals are written as \u escapes.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { alignWords, direction, looseKey, qualifierState, signed, splitWords } from '../public/review.js';

// "كريم نادر الوزاني" (made up)
const KARIM_AR = '\u0643\u0631\u064a\u0645 \u0646\u0627\u062f\u0631 \u0627\u0644\u0648\u0632\u0627\u0646\u064a';

test('direction follows the first strong letter', () => {
  assert.equal(direction(KARIM_AR), 'rtl');
  assert.equal(direction('Karim Nadir'), 'ltr');
  assert.equal(direction('1972 ' + KARIM_AR), 'rtl'); // digits are not strong
  assert.equal(direction('Karim ' + KARIM_AR), 'ltr');
  assert.equal(direction(''), 'ltr');
  assert.equal(direction(null), 'ltr');
});

test('looseKey folds case, accents, harakat, alef forms and the article', () => {
  assert.equal(looseKey('al-Wazzani'), 'wazzani');
  assert.equal(looseKey('El-Wazzani'), 'wazzani');
  assert.equal(looseKey('N\u00e2dir'), 'nadir');
  // ALEF WITH HAMZA ABOVE + FATHA + TATWEEL fold onto plain alef
  assert.equal(looseKey('\u0623\u064e\u062d\u0640\u0645\u062f'), '\u0627\u062d\u0645\u062f');
  // the Arabic article goes, but not from a three-letter word
  assert.equal(looseKey('\u0627\u0644\u0648\u0632\u0627\u0646\u064a'), '\u0648\u0632\u0627\u0646\u064a');
  assert.equal(looseKey('\u0627\u0644\u064a'), '\u0627\u0644\u064a');
});

test('splitWords keeps every character', () => {
  const parts = splitWords('  Karim  al-Wazzani ');
  assert.equal(parts.map((p) => p.text).join(''), '  Karim  al-Wazzani ');
  assert.deepEqual(parts.filter((p) => p.word).map((p) => p.text), ['Karim', 'al-Wazzani']);
});

test('alignWords marks the words of each aligned pair, on either side', () => {
  const tokens = [['karim', 'karim'], ['nader', 'nadir'], ['wazzani', 'wazzani']];
  const listed = alignWords('Karim Nadir al-Wazzani', tokens, 1).filter((w) => w.word);
  assert.deepEqual(listed.map((w) => w.pair), [0, 1, 2]);
  const query = alignWords('Karim Nader Benali', tokens, 0).filter((w) => w.word);
  assert.deepEqual(query.map((w) => w.pair), [0, 1, -1]);
  const ar = KARIM_AR.split(' ');
  const arTokens = ar.map((w) => [w, w]);
  assert.deepEqual(alignWords(KARIM_AR, arTokens, 0).filter((w) => w.word).map((w) => w.pair), [0, 1, 2]);
  // a joined token ("abd al-rahman") marks each of its words
  const joined = alignWords('Abd al-Rahman Harbawi', [['abdurrahman', 'abd al-rahman']], 1);
  assert.deepEqual(joined.filter((w) => w.word).map((w) => w.pair), [0, 0, -1]);
  assert.deepEqual(alignWords('Karim', undefined, 0).map((w) => w.pair), [-1]);
});

test('qualifierState reads the contribution and which sides are known', () => {
  assert.equal(qualifierState(0.03, 'ma', ['ma']), 'agree');
  assert.equal(qualifierState(-0.15, '1950', ['1972-04-11']), 'differ');
  assert.equal(qualifierState(0, 'male', ['male']), 'neutral');
  assert.equal(qualifierState(0, '', ['ma']), 'absent');
  assert.equal(qualifierState(undefined, 'ma', []), 'absent');
  assert.equal(signed(0.03), '+0.03');
  assert.equal(signed(-0.15), '-0.15');
  assert.equal(signed(0), '0');
});
