// Validates `qantara export --format ftm` against the published
// FollowTheMoney model (npm @alephdata/followthemoney, dist/defaultModel.json,
// through the package's own Model / Schema / Property classes), on the real
// binary: articles and a list written here (made-up names) are read with
// `qantara read --list --db`, then exported. Every entity must have:
//   - a unique id, a schema that exists, is not abstract and not deprecated;
//   - only properties of its schema (own or inherited through "extends");
//   - values that fit the property's type: ISO dates (FtM's prefixes, no
//     weeks), country / language / topic codes from the model's tables, http(s)
//     URLs, non-empty strings within the type's maxLength, and entity
//     references to ids of the same export whose schema is the property's range;
//   - the required properties of its schema and of every schema it extends
//     (stricter than the JS Schema.required, which lists only the schema's own).
// It also checks that two databases read from the same input export the same
// bytes (ids are stable), and that the expected schemata are all there.
//
// node tests/e2e/export_ftm.test.mjs --qantara build/qantara --web web
// Exit 0 pass, 1 fail, 77 skipped (no binary or no web/node_modules; says why).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

const kSkip = 77;

function parseArgs(argv) {
  const args = { qantara: 'build/qantara', web: 'web' };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '');
    if (!(name in args) || argv[i + 1] === undefined) {
      console.error(`usage: export_ftm.test.mjs --qantara BIN --web WEB_DIR (bad: ${argv[i]})`);
      process.exit(2);
    }
    args[name] = argv[i + 1];
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
function skip(why) {
  console.log(`SKIPPED: ${why}`);
  process.exit(kSkip);
}
if (!fs.existsSync(args.qantara)) skip(`no binary at ${args.qantara} (build it first)`);
let ftm;
try {
  ftm = createRequire(path.resolve(args.web, 'package.json'))('@alephdata/followthemoney');
} catch {
  skip(`no @alephdata/followthemoney in ${path.resolve(args.web, 'node_modules')} (run npm ci in web/)`);
}
const model = new ftm.Model(ftm.defaultModel);

// ---- fixtures (our own sentences and names) ---------------------------------

const kArticles = [
  { id: 'fr-1', url: 'https://news.example.org/fr/1', published: '2024-03-14', title: 'Rencontre à Rabat',
    text: 'Le ministre Karim Tazlani a rencontré mardi à Rabat son homologue M. Pierre Valmont.\n\n' +
      'Les deux ministres ont examiné la coopération portuaire au Maroc, a précisé le porte-parole.\n' },
  { id: 'en-1', published: '2024-03-20', title: 'Port talks',
    text: 'Foreign Minister Karim Tazlani met Pierre Valmont in Paris on Monday to discuss port security.\n\n' +
      'Al-Qaida in the Islamic Maghreb was not mentioned, officials in France said.\n' },
  { id: 'ar-1', published: '2024-03-21',
    text: 'التقى الوزير كريم تازلاني يوم الأحد في الرباط بنظيره بيير فالمون.\n' },
];
const kList = [
  { id: 'inhouse:T-1', list: 'inhouse', ref: 'T-1', schema: 'Person', caption: 'Karim Tazlani',
    names: [{ value: 'Karim Tazlani', kind: 'primary' }], programs: ['TEST-PORTS'], listed_on: '2020-05-01' },
];

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qantara-export-ftm-'));
const articles = path.join(dir, 'articles.jsonl');
const list = path.join(dir, 'list.jsonl');
fs.writeFileSync(articles, kArticles.map((a) => JSON.stringify(a)).join('\n') + '\n');
fs.writeFileSync(list, kList.map((e) => JSON.stringify(e)).join('\n') + '\n');

function run(argv) {
  const r = spawnSync(args.qantara, argv, { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) {
    console.error(`FAIL: qantara ${argv.join(' ')} exited ${r.status}\n${r.stderr}`);
    process.exit(1);
  }
  return r.stdout;
}

function exportFrom(db) {
  run(['read', articles, '--list', list, '--db', db, '--json']);
  return run(['export', '--db', db, '--format', 'ftm', '--list', list]);
}

const out = exportFrom(path.join(dir, 'a.db'));
const again = exportFrom(path.join(dir, 'b.db'));
fs.rmSync(dir, { recursive: true, force: true });

// ---- validation -------------------------------------------------------------

const errors = [];
const entities = out.trimEnd().split('\n').map((line, i) => {
  try {
    return JSON.parse(line);
  } catch (e) {
    errors.push(`line ${i + 1}: not JSON: ${e.message}`);
    return null;
  }
}).filter(Boolean);
if (again !== out) errors.push('two databases read from the same input exported different bytes');

const kDate = /^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2})?)?)?)?)?$/;

function requiredOf(schema) {
  const out = new Set(schema.required);
  for (const parent of schema.getParents()) for (const r of parent.required) out.add(r);
  return out;
}

// The problems of a set of entities against the model; counts per schema in `counts`.
function validate(entities, counts = {}) {
  const problems = [];
  const byId = new Map();
  for (const e of entities) {
    if (typeof e.id !== 'string' || !/^[A-Za-z0-9._-]{1,1024}$/.test(e.id)) problems.push(`bad id ${JSON.stringify(e.id)}`);
    if (byId.has(e.id)) problems.push(`id ${e.id} twice`);
    byId.set(e.id, e);
  }
  function checkValue(e, prop, value) {
    const where = `${e.schema} ${e.id} ${prop.name}`;
    const type = prop.type;
    if (typeof value !== 'string' || value.length === 0) return problems.push(`${where}: empty or not a string`);
    const max = type.maxLength || 0;
    if (max && [...value].length > max && type.name !== 'text') problems.push(`${where}: longer than ${max}`);
    if (type.values && type.values.size > 0 && !type.values.has(value)) {
      return problems.push(`${where}: "${value}" is not a ${type.name} of the model`);
    }
    if (type.name === 'date' && !kDate.test(value)) problems.push(`${where}: "${value}" is not an FtM date`);
    if (type.name === 'url' && !/^https?:\/\/\S+$/.test(value)) problems.push(`${where}: "${value}" is not a URL`);
    if (type.name === 'entity') {
      const target = byId.get(value);
      if (!target) return problems.push(`${where}: ${value} is not in the export`);
      const targetSchema = model.schemata[target.schema];
      if (prop.range && targetSchema && !targetSchema.isA(prop.range)) {
        problems.push(`${where}: ${value} is a ${target.schema}, not a ${prop.range.name || prop.range}`);
      }
    }
  }
  for (const e of entities) {
    const schema = model.schemata[e.schema];
    if (!schema) {
      problems.push(`${e.id}: unknown schema ${e.schema}`);
      continue;
    }
    counts[e.schema] = (counts[e.schema] || 0) + 1;
    if (schema.abstract) problems.push(`${e.id}: schema ${e.schema} is abstract`);
    if (schema.deprecated) problems.push(`${e.id}: schema ${e.schema} is deprecated`);
    const props = schema.getProperties();
    for (const [name, values] of Object.entries(e.properties || {})) {
      const prop = props.get(name);
      if (!prop) {
        problems.push(`${e.schema} ${e.id}: no property ${name} on ${e.schema}`);
        continue;
      }
      if (prop.deprecated) problems.push(`${e.schema} ${e.id}: ${name} is deprecated`);
      if (!Array.isArray(values) || values.length === 0) problems.push(`${e.schema} ${e.id} ${name}: not a list of values`);
      else for (const v of values) checkValue(e, prop, v);
    }
    for (const r of requiredOf(schema)) {
      if (!(e.properties && e.properties[r] && e.properties[r].length)) problems.push(`${e.schema} ${e.id}: required ${r} missing`);
    }
    try {
      model.getEntity(e).getCaption();  // the package reads it back
    } catch (err) {
      problems.push(`${e.id}: the package cannot read it: ${err.message}`);
    }
  }
  return problems;
}

const counts = {};
errors.push(...validate(entities, counts));

// Negative controls: the checks must catch each kind of mistake.
const kBroken = [
  ['an unknown property', { id: 'a', schema: 'Person', properties: { name: ['A'], colour: ['red'] } }],
  ['a bad date', { id: 'a', schema: 'Article', properties: { name: ['A'], fileName: ['a'], publishedAt: ['2024-W07'] } }],
  ['a dangling reference', { id: 'a', schema: 'Mention', properties: { name: ['A'], document: ['nowhere'] } }],
  ['a missing required property', { id: 'a', schema: 'Article', properties: { name: ['A'] } }],
  ['an abstract schema', { id: 'a', schema: 'Thing', properties: { name: ['A'] } }],
  ['a code not in the model', { id: 'a', schema: 'Article', properties: { name: ['A'], fileName: ['a'], language: ['fr'] } }],
  ['a reference of the wrong schema', { id: 'a', schema: 'Mention', properties: { name: ['A'], document: ['a'] } }],
];
for (const [what, e] of kBroken) {
  if (validate([e]).length === 0) errors.push(`the checks missed ${what}`);
}

for (const s of ['Person', 'Address', 'Article', 'Mention', 'Event', 'Sanction', 'Documentation']) {
  if (!counts[s]) errors.push(`no ${s} in the export`);
}
const sanction = entities.find((e) => e.schema === 'Sanction');
if (sanction && !(sanction.properties.program || []).includes('TEST-PORTS')) {
  errors.push('the Sanction lacks the list entry\'s program TEST-PORTS');
}

const version = JSON.parse(fs.readFileSync(path.resolve(args.web, 'node_modules/@alephdata/followthemoney/package.json'))).version;
if (errors.length) {
  console.error(`FAIL: ${errors.length} problems in ${entities.length} entities:\n  ${errors.slice(0, 40).join('\n  ')}`);
  process.exit(1);
}
console.log(`PASS: ${entities.length} FollowTheMoney entities valid against @alephdata/followthemoney ${version} ` +
  `(${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')})`);
