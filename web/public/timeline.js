// Pure helpers of the news page (no DOM): a timeline's entries grouped by
// year, how an entity key and an entry kind read, and an alert's evidence cut
// around its mention. news.js draws with them; `node --test` imports them.

// Entries (GET /v1/timeline/{entity}, already in date order, unknown dates
// last) grouped by the year of their date: [{year: '2023', entries}], one
// group per year in the order met; entries without a date go in a last group
// of year 'unknown'.
export function groupByYear(entries) {
  const groups = [];
  const unknown = [];
  for (const entry of Array.isArray(entries) ? entries : []) {
    const m = /^(\d{4})/.exec(entry?.date ?? '');
    if (!m) {
      unknown.push(entry);
      continue;
    }
    const last = groups[groups.length - 1];
    if (last && last.year === m[1]) last.entries.push(entry);
    else groups.push({ year: m[1], entries: [entry] });
  }
  if (unknown.length) groups.push({ year: 'unknown', entries: unknown });
  return groups;
}

// How an entity key reads: its canonical form from the answer's "entities"
// map, else the key itself.
export function entityLabel(key, entities) {
  const canonical = entities?.[key]?.canonical;
  return canonical ? canonical : String(key ?? '');
}

const KINDS = {
  meeting: 'Meeting',
  visit: 'Visit',
  call: 'Call',
  statement: 'Statement',
  press_conference: 'Press conference',
  agreement: 'Agreement',
  attack: 'Attack',
  arrest: 'Arrest',
  mention: 'Mentioned',
};

// "Press conference" for "press_conference"; an unknown kind as given.
export function kindLabel(kind) {
  return KINDS[kind] ?? String(kind ?? '');
}

// The alert's evidence in three parts around the first occurrence of its
// mention: {before, mention, after}; all of it in `before` when the mention
// is not found in it.
export function splitEvidence(evidence, mention) {
  const text = String(evidence ?? '');
  const m = String(mention ?? '');
  const at = m ? text.indexOf(m) : -1;
  if (at < 0) return { before: text, mention: '', after: '' };
  return { before: text.slice(0, at), mention: m, after: text.slice(at + m.length) };
}
