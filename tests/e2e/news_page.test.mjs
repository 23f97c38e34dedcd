// End-to-end test of the news page (web/public/news.html) in headless
// Chromium, on the real binary: `qantara read --db` on made-up French and
// Arabic articles (tests/fixtures/news/), a screener key made with `qantara
// keys add`, `qantara serve --news-db --web` on a free loopback port with a
// made-up list holding one man the articles name. From the review page's
// header link it opens the news page, checks the alerts (the listed man's
// two articles, newest first, the Arabic evidence right to left), searches a
// minister by her Latin name and by her Arabic one (one timeline: years in
// order, dates never going back, events with place and participants, the
// Arabic sentence right to left and isolated), an unknown name's 404, and
// takes screenshots checked to be real PNGs. It also checks that a missing
// --news-db stops `serve` with exit 2 naming the file.
//
// node tests/e2e/news_page.test.mjs --qantara build/qantara --web web --out DIR
// Exit 0 pass, 1 fail, 77 skipped (no Chromium or no web/node_modules; says why).
// The plumbing (arguments, skips, server, browser, PNG checks) is harness.mjs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import {
  apiGet, args, check, makeKey, openBrowser, pageErrors, runTest, screenshot, startServer, tmp,
} from './harness.mjs';

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'news');
const ARTICLES = path.join(FIXTURES, 'belkhayat_fr_ar.jsonl');
const LIST = path.join(FIXTURES, 'list.jsonl');

// "نادية بلخياط" and "كريم نادر الوزاني" (made up), in escapes.
const NADIA_AR = '\u0646\u0627\u062f\u064a\u0629 \u0628\u0644\u062e\u064a\u0627\u0637';
const KARIM_AR = '\u0643\u0631\u064a\u0645 \u0646\u0627\u062f\u0631 \u0627\u0644\u0648\u0632\u0627\u0646\u064a';

function qantara(argv) {
  return spawnSync(args.qantara, argv, { encoding: 'utf8', timeout: 60000 });
}

// What the page shows of the timeline: per year, its entries' date, kind and direction.
function timelineOnPage(page) {
  return page.locator('#timeline').evaluate((root) => Array.from(root.querySelectorAll('section.year'), (year) => ({
    year: year.dataset.year,
    heading: year.querySelector('h3').textContent,
    entries: Array.from(year.querySelectorAll('li.entry'), (li) => ({
      date: li.dataset.date,
      kind: li.dataset.kind,
      sentence: li.querySelector('.sentence').textContent,
      dir: getComputedStyle(li.querySelector('.sentence')).direction,
      isolate: getComputedStyle(li.querySelector('.sentence bdi')).unicodeBidi,
      place: li.querySelector('.place')?.textContent ?? '',
      participants: li.querySelector('.participants')?.textContent ?? '',
    })),
  })));
}

async function search(page, name) {
  await page.fill('#entity-input', name);
  await page.click('#entity-submit');
  await page.waitForFunction((n) => document.querySelector('#timeline .timeline-name')?.textContent === n, name);
  return timelineOnPage(page);
}

async function run() {
  fs.mkdirSync(args.out, { recursive: true });
  const news = path.join(tmp, 'news.db');
  const read = qantara(['read', '--db', news, '--list', LIST, '--json', ARTICLES]);
  check(read.status === 0, 'qantara read --db wrote the news database', read.stderr);
  const db = path.join(tmp, 'service.db');
  const key = makeKey(db, 'screener', 'nina');
  check(/^qk_[0-9a-f]{64}$/.test(key), 'keys add printed a key');

  const missing = path.join(tmp, 'no-such-news.db');
  const fresh = path.join(tmp, 'fresh-service.db');
  const refused = qantara(['serve', '--list', LIST, '--db', fresh, '--news-db', missing, '--port', '0']);
  check(refused.status === 2 && refused.stderr.includes(missing) && !fs.existsSync(missing) && !fs.existsSync(fresh),
    'serve refuses a missing --news-db, naming it, before writing anything', `${refused.status}: ${refused.stderr}`);

  const base = await startServer(['--list', LIST, '--db', db, '--news-db', news]);
  console.log(`server at ${base}`);
  const page = await openBrowser();

  // From the review page's header to the news page.
  await page.goto(`${base}/`, { waitUntil: 'load' });
  await page.click('nav.pages a[href="news.html"]');
  await page.waitForURL(/\/news\.html$/);
  check(await page.title() === 'Qantara news', 'the review page links to the news page');
  check(await page.locator('nav.pages a[href="index.html"]').count() === 1, 'the news page links back');

  // The key, once: the alerts load.
  await page.fill('#key-input', key);
  await page.click('#key-save');
  await page.waitForSelector('#alerts li.alert');
  const alerts = await page.locator('#alerts li.alert').evaluateAll((items) => items.map((li) => ({
    doc: li.dataset.doc,
    entity: li.dataset.entity,
    listed: li.querySelector('.listed').textContent,
    evidenceDir: getComputedStyle(li.querySelector('.evidence')).direction,
    mark: li.querySelector('.evidence mark')?.textContent ?? '',
  })));
  check(JSON.stringify(alerts.map((a) => a.doc)) === '["ar-2024-tanger","fr-2024-tanger"]',
    'the alerts are the listed man\'s two articles, newest first', JSON.stringify(alerts));
  check(alerts.every((a) => a.listed.startsWith('tst E-1: Karim Nadir al-Wazzani')), 'each alert names the list entry',
    JSON.stringify(alerts.map((a) => a.listed)));
  check(alerts[0]?.evidenceDir === 'rtl' && alerts[0]?.mark === KARIM_AR, 'the Arabic evidence is rtl, its mention marked',
    JSON.stringify(alerts[0]));
  check(alerts[1]?.evidenceDir === 'ltr' && alerts[1]?.mark === 'Karim Nadir al-Wazzani', 'the French evidence is ltr',
    JSON.stringify(alerts[1]));

  // The minister's timeline by her Latin name.
  const latin = await search(page, 'Nadia Belkhayat');
  const years = latin.map((y) => y.year);
  check(JSON.stringify(years) === '["2022","2023","2024"]', 'the timeline has the years 2022, 2023, 2024 in order',
    JSON.stringify(years));
  check(latin.every((y) => y.heading === y.year), 'each year has its heading');
  const entries = latin.flatMap((y) => y.entries);
  const dates = entries.map((e) => e.date);
  check(dates.length >= 3 && dates.every((d, i) => /^\d{4}-\d\d-\d\d$/.test(d) && (i === 0 || dates[i - 1] <= d)),
    'the entries are dated, in date order', JSON.stringify(dates));
  check(latin.every((y) => y.entries.every((e) => e.date.startsWith(y.year))), 'each entry sits under its own year');
  const events = entries.filter((e) => e.kind !== 'mention');
  check(events.length >= 2, 'the timeline holds events', JSON.stringify(entries.map((e) => e.kind)));
  check(events.some((e) => e.place !== '' && e.participants.includes('Tobias Wrenfield')),
    'an event names its place and the other participant', JSON.stringify(events));
  const arabic = entries.filter((e) => /\p{Script=Arabic}/u.test(e.sentence));
  check(arabic.length >= 1 && arabic.every((e) => e.dir === 'rtl' && e.isolate === 'isolate'),
    'the Arabic sentence is rtl and bidi-isolated', JSON.stringify(arabic));
  const french = entries.filter((e) => e.sentence.includes('Belkhayat'));
  check(french.length >= 2 && french.every((e) => e.dir === 'ltr'), 'the French sentences are ltr', JSON.stringify(french));
  check(decodeURIComponent(page.url()).endsWith('#entity=Nadia Belkhayat'), 'the address names the entity', page.url());
  await screenshot('news_timeline.png');
  await screenshot('news_timeline_full.png', true);

  // The same person by her Arabic name: the same entries.
  const byArabic = await search(page, NADIA_AR);
  check(JSON.stringify(byArabic.map((y) => y.entries)) === JSON.stringify(latin.map((y) => y.entries)),
    'the Arabic name finds the same timeline', JSON.stringify(byArabic.map((y) => y.year)));
  const heading = await page.locator('#timeline .timeline-name').evaluate((el) => el.tagName === 'BDI'
    && getComputedStyle(el).direction === 'rtl');
  check(heading, 'the Arabic name in the Latin heading is an rtl <bdi>');

  // The API agrees, over real HTTP with an URL-encoded Arabic path.
  const api = await apiGet(base, key, `/v1/timeline/${encodeURIComponent(NADIA_AR)}`);
  check(api.status === 200 && api.body.entries.length === entries.length && api.body.entity === NADIA_AR,
    'GET /v1/timeline/{Arabic name} answers the same entries', `${api.status} ${JSON.stringify(api.body).slice(0, 300)}`);
  const since = await apiGet(base, key, '/v1/alerts?since=2024-05-21');
  check(since.status === 200 && JSON.stringify(since.body.alerts.map((a) => a.doc)) === '["ar-2024-tanger"]',
    'GET /v1/alerts?since= keeps the newer article', JSON.stringify(since.body));

  // An alert's entity opens its timeline, which holds both articles.
  await page.locator('#alerts li.alert').first().locator('button.link').click();
  await page.waitForFunction(() => document.querySelector('#timeline .timeline-name')?.textContent === 'Karim Nadir al-Wazzani');
  check(await page.inputValue('#entity-input') === alerts[0]?.entity, 'the search box holds the entity key', await page.inputValue('#entity-input'));
  const karim = (await timelineOnPage(page)).flatMap((y) => y.entries);
  check(karim.length >= 2 && karim.some((e) => e.sentence.includes(KARIM_AR) && e.dir === 'rtl'),
    'the alert opens the listed man\'s timeline', JSON.stringify(karim));
  await screenshot('news_alerts_timeline.png');

  // An unknown name: the 404 in the message line.
  await page.fill('#entity-input', 'Personne Inconnue');
  await page.click('#entity-submit');
  await page.waitForSelector('#message:not([hidden])');
  const message = await page.locator('#message').textContent();
  check(message.includes('no entity named') && message.includes('Personne Inconnue'), 'an unknown name is reported', message);

  check(pageErrors.filter((e) => !e.includes('404')).length === 0, 'no script errors on the page', pageErrors.join(' | '));
  console.log(`screenshots in ${args.out}`);
}

await runTest(run, 'news_failure.png');
