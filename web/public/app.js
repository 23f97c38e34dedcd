// The review page: the queue of open hits, one case side by side (query vs
// listed entity, aligned tokens and qualifiers highlighted), decisions, the
// case's audit history, and a form to screen one name. Plain ES module, no
// build step; every text from the lists or a client goes in with textContent.
import { $, api, apiKey, bdi, explain, h, setupKeyForm, showMessage } from './page.js';
import { alignWords, direction, qualifierState, signed } from './review.js';

const ARROW = '\u2194'; // LEFT RIGHT ARROW

// ---- queue ----------------------------------------------------------------

let currentCase = null;

async function loadQueue() {
  if (!apiKey()) return;
  const status = $('#queue-status').value;
  try {
    const { screenings } = await api('GET', `/v1/screenings?status=${status}&limit=200`);
    renderQueue(screenings);
  } catch (e) {
    showMessage(`Queue: ${explain(e)}`);
  }
}

function renderQueue(screenings) {
  const items = screenings.map((s) => {
    const open = s.hits.filter((x) => x.status === 'open').length;
    const top = s.hits.reduce((m, x) => Math.max(m, x.score), 0);
    const button = h(
      'button',
      {
        type: 'button',
        class: 'queue-item',
        dataset: { screening: s.screening },
        'aria-current': s.screening === currentCase ? 'true' : null,
        onclick: () => openCase(s.screening),
      },
      h('span', { class: 'qid', text: `#${s.screening}` }),
      bdi(s.query?.name ?? '', { class: 'qname' }),
      h('span', { class: 'qmeta', text: `${open} open of ${s.hits.length} \u00b7 top ${top.toFixed(2)}` }),
    );
    return h('li', {}, button);
  });
  $('#queue').replaceChildren(...items);
  $('#queue-empty').hidden = items.length > 0;
}

// ---- one case --------------------------------------------------------------

async function openCase(id) {
  currentCase = id;
  history.replaceState(null, '', `#case=${id}`);
  for (const b of document.querySelectorAll('.queue-item')) {
    b.toggleAttribute('aria-current', Number(b.dataset.screening) === id);
  }
  try {
    const [c, a] = await Promise.all([
      api('GET', `/v1/screenings/${id}`),
      api('GET', `/v1/screenings/${id}/audit`),
    ]);
    renderCase(c, a.audit);
  } catch (e) {
    showMessage(`Case ${id}: ${explain(e)}`);
  }
}

// One name as written, each word isolated and, when aligned, marked with its
// pair's colour. The cell's direction is the name's own.
function nameCell(name, tokens, side, extraClass) {
  const words = alignWords(name, tokens, side).map((w) =>
    w.word
      ? h(
          'bdi',
          {
            class: w.pair >= 0 ? `tok aligned pair-${w.pair % 6}` : 'tok',
            dataset: w.pair >= 0 ? { pair: w.pair } : undefined,
          },
          w.text,
        )
      : w.text,
  );
  return h('td', { class: `name ${extraClass}`, dir: direction(name) }, ...words);
}

function pairsList(tokens) {
  return h(
    'ol',
    { class: 'pairs' },
    (tokens ?? []).map((pair, i) =>
      h(
        'li',
        { class: `pair pair-${i % 6}` },
        bdi(pair[0], { class: 'pq' }),
        h('span', { class: 'arrow', 'aria-label': 'aligned with', text: ` ${ARROW} ` }),
        bdi(pair[1], { class: 'pl' }),
      ),
    ),
  );
}

const QUALIFIERS = [
  { key: 'birth_date', label: 'Birth date', query: (q) => q.birth_date, listed: (e) => e.birth_dates },
  { key: 'nationality', label: 'Nationality', query: (q) => q.nationality, listed: (e) => e.nationalities },
  { key: 'gender', label: 'Gender', query: (q) => q.gender, listed: (e) => (e.gender ? [e.gender] : []) },
  { key: 'schema', label: 'Type', query: (q) => q.schema, listed: (e) => (e.schema ? [e.schema] : []) },
  {
    key: 'id_number',
    label: 'Id number',
    query: (q) => q.id_number,
    listed: (e) => (e.ids ?? []).map((d) => [d.type, d.number, d.country].filter(Boolean).join(' ')),
  },
];

function qualifierRow(spec, query, listed, explanation) {
  const qv = spec.query(query) || '';
  const lv = listed ? spec.listed(listed) ?? [] : [];
  const contribution = explanation?.[spec.key];
  const state = qualifierState(contribution, qv === 'Any' ? '' : qv, lv);
  return h(
    'tr',
    { class: `qual ${state}`, dataset: { qualifier: spec.key } },
    h('th', { scope: 'row' }, spec.label, h('span', { class: 'effect', text: signed(contribution) })),
    h('td', {}, qv ? bdi(qv) : h('span', { class: 'muted', text: '\u2014' })),
    h('td', {}, lv.length ? bdi(lv.join(', ')) : h('span', { class: 'muted', text: '\u2014' })),
  );
}

function decisionBlock(c, hit) {
  if (hit.status !== 'open') {
    const d = hit.decision;
    return h(
      'div',
      { class: `decided ${d?.decision ?? ''}` },
      h('strong', { text: d ? d.decision.replace('_', ' ') : 'decided' }),
      d ? ` by ${d.reviewer} at ${d.at}` : '',
      d?.comment ? h('blockquote', {}, bdi(d.comment)) : null,
    );
  }
  const comment = h('textarea', {
    class: 'comment',
    rows: 2,
    dir: 'auto',
    placeholder: 'Comment (why)',
    'aria-label': `comment on ${hit.entity}`,
  });
  const decide = (decision) => async (event) => {
    const buttons = event.target.closest('.decide').querySelectorAll('button');
    buttons.forEach((b) => (b.disabled = true));
    try {
      await api('POST', '/v1/decisions', {
        screening: c.screening,
        entity: hit.entity,
        decision,
        comment: comment.value,
      });
      showMessage(`Case ${c.screening}: ${hit.entity} decided ${decision.replace('_', ' ')}.`, 'ok');
      await Promise.all([openCase(c.screening), loadQueue()]);
    } catch (e) {
      buttons.forEach((b) => (b.disabled = false));
      showMessage(`Decision: ${explain(e)}`);
    }
  };
  return h(
    'div',
    { class: 'decide' },
    comment,
    h(
      'div',
      { class: 'buttons' },
      h('button', { type: 'button', class: 'match', dataset: { decision: 'match' }, onclick: decide('match') }, 'Match'),
      h('button', { type: 'button', class: 'no_match', dataset: { decision: 'no_match' }, onclick: decide('no_match') }, 'No match'),
      h('button', { type: 'button', class: 'escalate', dataset: { decision: 'escalate' }, onclick: decide('escalate') }, 'Escalate'),
    ),
  );
}

function hitCard(c, hit) {
  const tokens = hit.explanation?.tokens ?? [];
  const listed = hit.listed;
  const listedName = hit.name ?? listed?.caption ?? hit.entity;
  const otherNames = (listed?.names ?? []).filter((n) => n.value !== listedName);
  const score = Math.round((hit.score ?? 0) * 100);
  return h(
    'article',
    { class: `hit ${hit.status}`, dataset: { entity: hit.entity } },
    h(
      'header',
      {},
      h('h3', {}, bdi(listed?.caption ?? hit.entity)),
      h('span', { class: 'entity', text: hit.entity }),
      listed ? h('span', { class: 'programs', text: (listed.programs ?? []).join(', ') }) : null,
      h('span', { class: 'score', title: `score ${hit.score}` },
        h('meter', { min: 0, max: 1, low: 0.8, high: 0.9, optimum: 1, value: hit.score ?? 0 }),
        ` ${score}%`),
      h('span', { class: `status ${hit.status}`, text: hit.status }),
    ),
    h(
      'table',
      { class: 'compare' },
      h('thead', {}, h('tr', {}, h('th', {}), h('th', { text: 'Query' }), h('th', { text: 'Listed' }))),
      h(
        'tbody',
        {},
        h(
          'tr',
          { class: 'row-name' },
          h('th', { scope: 'row' }, 'Name', h('span', { class: 'effect', text: (hit.explanation?.name ?? 0).toFixed(2) })),
          nameCell(c.query?.name ?? '', tokens, 0, 'q'),
          nameCell(listedName, tokens, 1, 'l'),
        ),
        h('tr', { class: 'row-pairs' }, h('th', { scope: 'row', text: 'Aligned' }), h('td', { colspan: 2 }, pairsList(tokens))),
        QUALIFIERS.map((spec) => qualifierRow(spec, c.query ?? {}, listed, hit.explanation)),
        otherNames.length
          ? h(
              'tr',
              { class: 'row-names' },
              h('th', { scope: 'row', text: 'Other names' }),
              h('td', {}),
              h('td', {}, h('ul', { class: 'names' }, otherNames.map((n) =>
                h('li', { dir: direction(n.value) }, bdi(n.value), h('span', { class: 'kind', text: ` ${n.kind}` }))))),
            )
          : null,
        (hit.explanation?.notes ?? []).length
          ? h('tr', { class: 'row-notes' }, h('th', { scope: 'row', text: 'Notes' }),
              h('td', { colspan: 2 }, (hit.explanation.notes ?? []).join('; ')))
          : null,
      ),
    ),
    listed ? null : h('p', { class: 'muted', text: 'This entity is not in the lists being served.' }),
    decisionBlock(c, hit),
  );
}

function auditDetail(row) {
  const p = row.payload ?? {};
  if (row.action === 'decide') {
    return [`${p.entity}: `, h('strong', { text: String(p.decision ?? '').replace('_', ' ') }),
      p.comment ? [' \u2014 ', bdi(p.comment)] : ''];
  }
  if (row.action === 'screen') {
    return ['screened ', bdi(p.query?.name ?? ''), ` \u2014 ${(p.hits ?? []).length} hit(s)`];
  }
  if (row.action === 'rescreen.hits') {
    return `rescreen ${p.rescreen}: new hit(s) ${(p.hits ?? []).map((x) => x.entity).join(', ')}`;
  }
  return JSON.stringify(p);
}

function auditTable(rows) {
  return h(
    'section',
    { id: 'audit', class: 'audit' },
    h('h3', { text: 'Audit history' }),
    h(
      'table',
      {},
      h('thead', {}, h('tr', {}, ['Seq', 'At', 'Actor', 'Action', 'What', 'Hash'].map((t) => h('th', { text: t })))),
      h(
        'tbody',
        {},
        rows.map((row) =>
          h(
            'tr',
            { dataset: { action: row.action } },
            h('td', { text: row.seq }),
            h('td', { text: row.at }),
            h('td', {}, bdi(row.actor)),
            h('td', { text: row.action }),
            h('td', {}, auditDetail(row)),
            h('td', { class: 'hash', title: row.hash, text: `${row.hash.slice(0, 12)}\u2026` }),
          ),
        ),
      ),
    ),
  );
}

function renderCase(c, audit) {
  const q = c.query ?? {};
  const open = c.hits.filter((x) => x.status === 'open').length;
  $('#case').replaceChildren(...[
    h(
      'header',
      { class: 'case-head' },
      h('h2', {}, `Case #${c.screening} `, bdi(q.name ?? '', { class: 'case-name' })),
      h('p', { class: 'muted' },
        `screened by ${c.key} at ${c.created_at} \u00b7 list versions ${c.list_versions.join(', ')} \u00b7 ${open} open of ${c.hits.length}`),
    ),
    c.hits.length ? c.hits.map((hit) => hitCard(c, hit)) : h('p', { class: 'muted', text: 'No hits.' }),
    auditTable(audit),
  ].flat());
}

// ---- screening form ----------------------------------------------------------

async function onScreen(event) {
  event.preventDefault();
  const form = new FormData(event.target);
  const query = {};
  for (const [k, v] of form.entries()) {
    const value = String(v).trim();
    if (value && !(k === 'schema' && value === 'Any')) query[k] = value;
  }
  showMessage('');
  try {
    const answer = await api('POST', '/v1/screen', query);
    const n = answer.matches.length;
    $('#screen-result').replaceChildren(`Screening #${answer.screening}: ${n} match${n === 1 ? '' : 'es'} for `, bdi(query.name));
    await loadQueue();
    if (n) await openCase(answer.screening);
  } catch (e) {
    showMessage(`Screen: ${explain(e)}`);
  }
}

// ---- start -----------------------------------------------------------------

function start() {
  setupKeyForm({ onKey: loadQueue, onForget: () => $('#queue').replaceChildren() });
  $('#screen-form').addEventListener('submit', onScreen);
  $('#queue-refresh').addEventListener('click', loadQueue);
  $('#queue-status').addEventListener('change', loadQueue);
  if (!apiKey()) return;
  loadQueue();
  const m = /^#case=(\d+)$/.exec(location.hash);
  if (m) openCase(Number(m[1]));
}

start();
