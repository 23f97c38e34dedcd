// End-to-end test of the review page (web/public) in headless Chromium, on the
// real binary: a temp database, a reviewer key made with `qantara keys add`,
// `qantara serve --web` on a free loopback port with a made-up list whose
// entity has an Arabic-script and a Latin name. Through the page it screens
// an Arabic-script name, checks the case side by side (query and listed name,
// aligned tokens, right-to-left cells, qualifiers), decides, and checks the
// decision in the case's audit history and through the API. Screenshots go
// to --out and are checked to be real PNGs of the viewport's size with more
// than one colour.
//
// node tests/e2e/review_page.test.mjs --qantara build/qantara --web web --out DIR
// Exit 0 pass, 1 fail, 77 skipped (no Chromium or no web/node_modules; says why).
// The plumbing (arguments, skips, server, browser, PNG checks) is harness.mjs.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import {
  apiGet, args, check, checkScreenshot, kViewport, makeKey, openBrowser, pageErrors, runTest, startServer, tmp,
} from './harness.mjs';

// ---- fixture: a made-up list --------------------------------------------------

// "كريم نادر الوزاني" (made up), in escapes.
const KARIM_AR = '\u0643\u0631\u064a\u0645 \u0646\u0627\u062f\u0631 \u0627\u0644\u0648\u0632\u0627\u0646\u064a';
const ENTITIES = [
  {
    id: 'tst:E-1', list: 'tst', ref: 'E-1', schema: 'Person', caption: 'Karim Nadir al-Wazzani',
    names: [{ value: 'Karim Nadir al-Wazzani', kind: 'primary' }, { value: KARIM_AR, kind: 'original_script' }],
    birth_dates: ['1972-04-11'], nationalities: ['ma'], gender: 'male', programs: ['TEST-PROGRAM'],
  },
  { id: 'tst:E-2', list: 'tst', ref: 'E-2', schema: 'Person', caption: 'Hassan Idrissi Benali', names: ['Hassan Idrissi Benali'] },
];

// ---- the test ---------------------------------------------------------------------

async function run() {
  fs.mkdirSync(args.out, { recursive: true });
  const list = path.join(tmp, 'list.jsonl');
  fs.writeFileSync(list, ENTITIES.map((e) => JSON.stringify(e)).join('\n') + '\n');
  const db = path.join(tmp, 'service.db');
  const key = makeKey(db, 'reviewer', 'rita');
  check(/^qk_[0-9a-f]{64}$/.test(key), 'keys add printed a key');
  const base = await startServer(['--list', list, '--db', db]);
  console.log(`server at ${base}`);

  const page = await openBrowser();

  const response = await page.goto(`${base}/`, { waitUntil: 'load' });
  check(response.status() === 200, 'GET / serves the page');
  check((response.headers()['content-security-policy'] ?? '').includes("default-src 'self'"), 'the page has a CSP');
  check(await page.title() === 'Qantara review', 'page title');

  // The key, once; the queue is empty.
  await page.fill('#key-input', key);
  await page.click('#key-save');
  await page.waitForFunction(() => sessionStorage.getItem('qantara.apiKey')?.startsWith('qk_'));
  check(await page.evaluate(() => localStorage.length === 0), 'the key is kept in sessionStorage, not localStorage');
  await page.waitForSelector('#queue-empty:not([hidden])');
  check(true, 'the queue starts empty');

  // Screen an Arabic-script name through the form.
  await page.fill('#screen-name', KARIM_AR);
  await page.fill('#screen-dob', '1972');
  await page.fill('#screen-nationality', 'ma');
  await page.click('#screen-submit');
  const hit = page.locator('.hit[data-entity="tst:E-1"]');
  await hit.waitFor();
  check(await page.locator('#queue .queue-item').count() === 1, 'the queue holds the new case');
  const screening = Number((/#case=(\d+)/.exec(page.url()) ?? [])[1]);
  check(screening > 0, 'the page opened the case', page.url());

  // Side by side: query and listed name, each right to left, tokens aligned.
  const q = hit.locator('td.name.q');
  const l = hit.locator('td.name.l');
  check((await q.textContent()) === KARIM_AR, 'the query name is shown as typed', await q.textContent());
  check((await l.textContent()) === KARIM_AR, 'the listed Arabic name is the matched one', await l.textContent());
  for (const [cell, what] of [[q, 'query'], [l, 'listed']]) {
    const dir = await cell.evaluate((el) => getComputedStyle(el).direction);
    check(dir === 'rtl', `the ${what} name cell is direction rtl`, dir);
    const aligned = await cell.locator('bdi.aligned').count();
    check(aligned === 3, `the ${what} name has its 3 words aligned`, String(aligned));
    const iso = await cell.locator('bdi').first().evaluate((el) => getComputedStyle(el).unicodeBidi);
    check(iso === 'isolate', `${what} name words are bidi-isolated`, iso);
  }
  // The words of one pair share a colour on both sides.
  const firstQ = await q.locator('bdi.aligned').first().evaluate((el) => getComputedStyle(el).backgroundColor);
  const firstL = await l.locator('bdi.aligned').first().evaluate((el) => getComputedStyle(el).backgroundColor);
  check(firstQ === firstL && firstQ !== 'rgba(0, 0, 0, 0)', 'a pair is marked in one colour on both sides', `${firstQ} / ${firstL}`);
  check(await hit.locator('.pairs li').count() === 3, 'three aligned pairs listed');
  // Qualifiers: the nationality agrees (raised the score); the dob row is shown.
  check(await hit.locator('tr.qual[data-qualifier="nationality"]').getAttribute('class') === 'qual agree',
    'nationality is highlighted as agreeing');
  check((await hit.locator('tr.qual[data-qualifier="birth_date"] td').nth(1).textContent()) === '1972-04-11',
    'the listed birth date is shown');
  // A mixed row: the Latin name among the other names stays left to right inside the case.
  const latin = hit.locator('.row-names li').first();
  check((await latin.textContent()).startsWith('Karim Nadir al-Wazzani'), 'the Latin name is listed too');
  check(await latin.evaluate((el) => getComputedStyle(el).direction) === 'ltr', 'the Latin name is ltr');
  // The case title mixes a Latin label and the Arabic name: the name is isolated, rtl.
  const title = page.locator('.case-head .case-name');
  check(await title.evaluate((el) => el.tagName === 'BDI' && getComputedStyle(el).direction === 'rtl'),
    'the Arabic name in the Latin case title is an rtl <bdi>');
  const titleBox = await page.locator('.case-head h2').evaluate((h2) => {
    const name = h2.querySelector('bdi').getBoundingClientRect();
    const range = document.createRange();
    range.setStart(h2.firstChild, 0);
    range.setEnd(h2.firstChild, 4);
    return { label: range.getBoundingClientRect().left, name: name.left };
  });
  check(titleBox.label < titleBox.name, 'the Latin label comes first, then the Arabic name', JSON.stringify(titleBox));

  const before = path.join(args.out, 'review_case.png');
  await page.screenshot({ path: before });
  checkScreenshot(before, kViewport);

  // Decide: no match, with a comment.
  await hit.locator('textarea.comment').fill('different person: born 1950');
  await hit.locator('button[data-decision="no_match"]').click();
  await page.waitForSelector('.hit.decided[data-entity="tst:E-1"]');
  await page.waitForSelector('#audit tr[data-action="decide"]');
  const decideRow = (await page.locator('#audit tr[data-action="decide"]').textContent()) ?? '';
  check(decideRow.includes('no match') && decideRow.includes('different person: born 1950') && decideRow.includes('rita'),
    'the decision shows in the audit history', decideRow);
  check(await page.locator('#audit tr[data-action="screen"]').count() === 1, 'the audit history holds the screening');
  await page.waitForSelector('#queue-empty:not([hidden])');
  check(true, 'the queue is empty again');

  // A mixed row of the audit history: Latin, the Arabic name, Latin again, in
  // that order on screen (the isolated name does not pull the count into its run).
  const order = await page.locator('#audit tr[data-action="screen"] td').nth(4).evaluate((td) => {
    const name = td.querySelector('bdi');
    const range = document.createRange();
    range.selectNodeContents(td);
    range.setStartAfter(name);
    return { name: name.getBoundingClientRect().toJSON(), tail: range.getBoundingClientRect().toJSON(),
      dir: getComputedStyle(name).direction };
  });
  check(order.dir === 'rtl' && order.tail.left >= order.name.right - 1,
    'in a mixed audit row the Latin text after the Arabic name stays after it', JSON.stringify(order));

  const after = path.join(args.out, 'review_decided.png');
  await page.screenshot({ path: after });
  checkScreenshot(after, kViewport);
  const full = path.join(args.out, 'review_decided_full.png');
  await page.screenshot({ path: full, fullPage: true });
  checkScreenshot(full, null);

  // A Latin spelling of the same person: the Latin listed name is the matched
  // one, left to right, and the Arabic one is among the other names, right to left.
  await page.fill('#screen-name', 'Karim Nader Wazzani');
  await page.fill('#screen-dob', '1950');
  await page.fill('#screen-nationality', '');
  await page.click('#screen-submit');
  await page.waitForSelector('.case-head .case-name:text-is("Karim Nader Wazzani")');
  const latinHit = page.locator('.hit[data-entity="tst:E-1"]');
  const lq = latinHit.locator('td.name.q');
  const ll = latinHit.locator('td.name.l');
  check((await ll.textContent()) === 'Karim Nadir al-Wazzani', 'the Latin listed name is the matched one', await ll.textContent());
  check(await lq.evaluate((el) => getComputedStyle(el).direction) === 'ltr'
    && await ll.evaluate((el) => getComputedStyle(el).direction) === 'ltr', 'Latin name cells are ltr');
  check(await lq.locator('bdi.aligned').count() === 3 && await ll.locator('bdi.aligned').count() === 3,
    'Latin words aligned on both sides (al-Wazzani as one word)');
  const arabicOther = latinHit.locator('.row-names li').first();
  check((await arabicOther.textContent()).startsWith(KARIM_AR)
    && await arabicOther.evaluate((el) => getComputedStyle(el).direction) === 'rtl', 'the Arabic name is listed rtl');
  check(await latinHit.locator('tr.qual[data-qualifier="birth_date"]').getAttribute('class') === 'qual differ',
    'a birth date years apart is highlighted as differing');
  const latin_shot = path.join(args.out, 'review_latin.png');
  await page.screenshot({ path: latin_shot });
  checkScreenshot(latin_shot, kViewport);

  // The API agrees.
  const c = await apiGet(base, key, `/v1/screenings/${screening}`);
  check(c.status === 200 && c.body.hits[0].status === 'decided' && c.body.hits[0].decision?.decision === 'no_match'
    && c.body.hits[0].decision?.reviewer === 'rita', 'the API shows the hit decided', JSON.stringify(c.body.hits[0]?.decision));
  const audit = await apiGet(base, key, `/v1/screenings/${screening}/audit`);
  check(JSON.stringify(audit.body.audit?.map((r) => r.action)) === '["screen","decide"]', 'the API audit rows', JSON.stringify(audit.body));
  const queue = await apiGet(base, key, '/v1/screenings?status=open');
  check(queue.status === 200 && JSON.stringify(queue.body.screenings.map((x) => x.screening)) === `[${screening + 1}]`,
    'the open queue holds only the Latin case in the API', JSON.stringify(queue.body));
  const verify = spawnSync(args.qantara, ['audit', 'verify', '--db', db], { encoding: 'utf8', timeout: 20000 });
  check(verify.status === 0, 'qantara audit verify: the chain is intact', verify.stdout + verify.stderr);

  check(pageErrors.length === 0, 'no script errors on the page', pageErrors.join(' | '));
  console.log(`screenshots in ${args.out}`);
}

await runTest(run, 'review_failure.png');
