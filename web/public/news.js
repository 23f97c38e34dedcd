// The news page: an entity's timeline (GET /v1/timeline/{entity}: its dated
// events and the documents that mention it, grouped by year) and the alerts
// (GET /v1/alerts: documents that mention an entity the served lists hold,
// with the words around the mention). Plain ES module, no build step; every
// text from the news goes in with textContent, in a <bdi> of its own
// direction, so that an Arabic sentence reads right to left in a Latin page.
import { $, api, apiKey, bdi, explain, h, setupKeyForm, showMessage } from './page.js';
import { direction } from './review.js';
import { entityLabel, groupByYear, kindLabel, splitEvidence } from './timeline.js';

const TIMELINE_LIMIT = 500;

// ---- timeline ---------------------------------------------------------------

function entityRef(key, entities) {
  return bdi(entityLabel(key, entities), { class: 'entity-ref', title: key, dataset: { key } });
}

function entryItem(entry, entities) {
  const event = entry.kind !== 'mention';
  const facts = [];
  if (event && entry.place) facts.push(h('span', { class: 'place' }, 'at ', entityRef(entry.place, entities)));
  if (event && entry.participants?.length) {
    facts.push(h('span', { class: 'participants' }, 'with ',
      entry.participants.flatMap((k, i) => (i ? [', ', entityRef(k, entities)] : [entityRef(k, entities)]))));
  }
  const quote = event ? entry.sentence : entry.text;
  return h('li', { class: `entry ${event ? 'event' : 'mention'}`, dataset: { kind: entry.kind, date: entry.date ?? '' } },
    h('time', { class: 'date', datetime: entry.date ?? undefined, text: entry.date ?? 'date unknown' }),
    h('span', { class: `kind kind-${entry.kind}`, text: kindLabel(entry.kind) }),
    facts.length ? h('span', { class: 'facts' }, facts.flatMap((f, i) => (i ? [' ', f] : [f]))) : null,
    h('blockquote', { class: 'sentence', dir: direction(quote) }, bdi(quote)),
    h('p', { class: 'source' }, bdi(entry.title || entry.doc, { class: 'doc-title' }),
      h('span', { class: 'muted', text: ` \u00b7 ${entry.doc}${entry.published ? ` \u00b7 published ${entry.published}` : ''}` })));
}

function renderTimeline(answer) {
  const groups = groupByYear(answer.entries);
  const keys = answer.keys.map((k) => entityRef(k, answer.entities));
  const head = h('header', { class: 'timeline-head' },
    h('h2', {}, 'Timeline of ', bdi(entityLabel(answer.entity, answer.entities), { class: 'timeline-name' })),
    h('p', { class: 'muted' }, `${answer.entries.length} dated line${answer.entries.length === 1 ? '' : 's'} for `,
      keys.flatMap((k, i) => (i ? [', ', k] : [k]))));
  const years = groups.map((g) => h('section', { class: 'year', dataset: { year: g.year } },
    h('h3', { class: 'year-head', text: g.year === 'unknown' ? 'Date unknown' : g.year }),
    h('ol', { class: 'entries' }, g.entries.map((e) => entryItem(e, answer.entities)))));
  $('#timeline').replaceChildren(head, ...(years.length ? years : [h('p', { class: 'muted', text: 'Nothing dated for it.' })]));
}

async function openTimeline(entity) {
  if (!entity || !apiKey()) return;
  $('#entity-input').value = entity;
  showMessage('');
  try {
    const answer = await api('GET', `/v1/timeline/${encodeURIComponent(entity)}?limit=${TIMELINE_LIMIT}`);
    renderTimeline(answer);
    history.replaceState(null, '', `#entity=${encodeURIComponent(entity)}`);
  } catch (e) {
    $('#timeline').replaceChildren(h('p', { class: 'muted', text: 'No timeline.' }));
    showMessage(`Timeline: ${explain(e)}`);
  }
}

function onEntity(event) {
  event.preventDefault();
  openTimeline($('#entity-input').value.trim());
}

// ---- alerts -------------------------------------------------------------------

function alertItem(a) {
  const parts = splitEvidence(a.evidence, a.mention?.text);
  return h('li', { class: 'alert', dataset: { entity: a.entity, doc: a.doc } },
    h('p', { class: 'alert-head' },
      h('time', { class: 'date', datetime: a.published ?? undefined, text: a.published ?? 'date unknown' }), ' ',
      h('button', { type: 'button', class: 'link', title: a.entity, onclick: () => openTimeline(a.entity) }, bdi(a.canonical || a.entity))),
    h('p', { class: 'listed' }, `${a.listed.list} ${a.listed.ref}: `, bdi(a.listed.caption),
      h('span', { class: 'muted', text: ` (${Number(a.listed.score).toFixed(2)})` })),
    h('blockquote', { class: 'evidence', dir: direction(a.evidence) },
      bdi(parts.before), parts.mention ? h('mark', {}, bdi(parts.mention)) : null, bdi(parts.after)),
    h('p', { class: 'source' }, bdi(a.title || a.doc, { class: 'doc-title' })));
}

async function loadAlerts() {
  if (!apiKey()) return;
  const since = $('#alerts-since').value.trim();
  try {
    const { alerts } = await api('GET', `/v1/alerts?limit=200${since ? `&since=${encodeURIComponent(since)}` : ''}`);
    $('#alerts').replaceChildren(...alerts.map(alertItem));
    $('#alerts-empty').hidden = alerts.length > 0;
  } catch (e) {
    showMessage(`Alerts: ${explain(e)}`);
  }
}

// ---- start ----------------------------------------------------------------------

function start() {
  setupKeyForm({
    onKey: () => {
      loadAlerts();
      openTimeline($('#entity-input').value.trim());
    },
    onForget: () => $('#alerts').replaceChildren(),
  });
  $('#entity-form').addEventListener('submit', onEntity);
  $('#alerts-refresh').addEventListener('click', loadAlerts);
  $('#alerts-form').addEventListener('submit', (event) => {
    event.preventDefault();
    loadAlerts();
  });
  $('#timeline').addEventListener('click', (event) => {
    const ref = event.target.closest('.entity-ref');
    if (ref) openTimeline(ref.dataset.key);
  });
  const m = /^#entity=(.+)$/.exec(location.hash);
  if (m) $('#entity-input').value = decodeURIComponent(m[1]);
  if (!apiKey()) return;
  loadAlerts();
  if (m) openTimeline($('#entity-input').value);
}

start();
