// Pure helpers of the review page (no DOM): text direction, the loose word
// key that finds the aligned tokens of a match in the names as written, and
// how a qualifier of the explanation reads. app.js draws with them; the e2e
// test and `node --test` can import them.

// Scripts written right to left. A name's direction is that of its first
// strong letter, as dir="auto" decides, computed here so that the page can
// set dir="rtl" or dir="ltr" explicitly (and tests can check it).
const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u;
const LETTER = /\p{L}/u;

export function direction(text) {
  for (const ch of String(text ?? '')) {
    if (RTL_LETTER.test(ch) && LETTER.test(ch)) return 'rtl';
    if (LETTER.test(ch)) return 'ltr';
  }
  return 'ltr';
}

// Arabic letter variants folded as the engine folds them for matching.
const ARABIC_FOLD = new Map([
  ['\u0622', '\u0627'], // ALEF WITH MADDA ABOVE -> ALEF
  ['\u0623', '\u0627'], // ALEF WITH HAMZA ABOVE -> ALEF
  ['\u0625', '\u0627'], // ALEF WITH HAMZA BELOW -> ALEF
  ['\u0671', '\u0627'], // ALEF WASLA -> ALEF
  ['\u0629', '\u0647'], // TEH MARBUTA -> HEH
  ['\u0649', '\u064a'], // ALEF MAKSURA -> YEH
  ['\u0624', '\u0648'], // WAW WITH HAMZA ABOVE -> WAW
  ['\u0626', '\u064a'], // YEH WITH HAMZA ABOVE -> YEH
]);
const ARABIC_ARTICLE = '\u0627\u0644'; // ALEF, LAM

// A display key for one word: case, accents, harakat, tatweel, Arabic letter
// variants and a leading article (al-, el-, the Arabic alef-lam) removed.
// Only for highlighting: the alignment itself is the engine's, shown as given.
export function looseKey(word) {
  let s = String(word ?? '').normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  s = s.replace(/\u0640/g, ''); // ARABIC TATWEEL
  s = Array.from(s, (ch) => ARABIC_FOLD.get(ch) ?? ch).join('');
  s = s.replace(/^(?:al|el)[-\s'\u2019]+/u, '');
  if (s.startsWith(ARABIC_ARTICLE) && Array.from(s).length > 3) s = s.slice(ARABIC_ARTICLE.length);
  return s.replace(/[^\p{L}\p{N}]+/gu, '');
}

// Splits a name as written into words and the spaces between them, keeping
// every character: [{text, word: true|false}].
export function splitWords(name) {
  const out = [];
  for (const m of String(name ?? '').matchAll(/(\s+)|([^\s]+)/gu)) {
    out.push({ text: m[0], word: m[2] !== undefined });
  }
  return out;
}

// For each word of `name`, the index of the aligned pair it belongs to, or -1.
// `tokens` is the explanation's [[query, listed], ...]; `side` 0 reads the
// query tokens, 1 the listed ones. A pair token may join several words
// ("abd al-rahman"): each of its words counts.
export function alignWords(name, tokens, side) {
  const keyToPair = new Map();
  (Array.isArray(tokens) ? tokens : []).forEach((pair, i) => {
    if (!Array.isArray(pair)) return;
    for (const part of String(pair[side] ?? '').split(/[\s-]+/u)) {
      const key = looseKey(part);
      if (key && !keyToPair.has(key)) keyToPair.set(key, i);
    }
  });
  return splitWords(name).map((piece) => {
    if (!piece.word) return { ...piece, pair: -1 };
    // "al-Wazzani" is one word as written and one token once its article goes.
    let pair = keyToPair.get(looseKey(piece.text));
    if (pair === undefined) {
      for (const part of piece.text.split('-')) {
        pair = keyToPair.get(looseKey(part));
        if (pair !== undefined) break;
      }
    }
    return { ...piece, pair: pair ?? -1 };
  });
}

// How a qualifier's contribution to the score reads: "agree" (raised it),
// "differ" (lowered it), "neutral" (both sides known, no effect) or "absent"
// (a side is missing).
export function qualifierState(contribution, queryValue, listedValues) {
  const hasQuery = queryValue !== undefined && queryValue !== null && queryValue !== '';
  const hasListed = Array.isArray(listedValues) ? listedValues.length > 0 : Boolean(listedValues);
  if (typeof contribution === 'number' && contribution > 0) return 'agree';
  if (typeof contribution === 'number' && contribution < 0) return 'differ';
  return hasQuery && hasListed ? 'neutral' : 'absent';
}

// "+0.03", "-0.15", "0" for a contribution to the score.
export function signed(x) {
  if (typeof x !== 'number' || x === 0) return '0';
  return (x > 0 ? '+' : '') + x.toFixed(2);
}
