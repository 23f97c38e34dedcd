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
// Every wait is bounded, and a watchdog ends the run after kMaxSeconds.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

const kMaxSeconds = 150;
const kStepMs = 15000;
const kViewport = { width: 1280, height: 900 };
const kSkip = 77;

// ---- arguments and prerequisites --------------------------------------------

function parseArgs(argv) {
  const args = { qantara: 'build/qantara', web: 'web', out: '', chromium: process.env.CHROMIUM || '/usr/bin/chromium' };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '');
    if (!(name in args) || argv[i + 1] === undefined) {
      console.error(`usage: review_page.test.mjs --qantara BIN --web WEB_DIR --out DIR [--chromium PATH] (bad: ${argv[i]})`);
      process.exit(2);
    }
    args[name] = argv[i + 1];
  }
  if (!args.out) args.out = fs.mkdtempSync(path.join(os.tmpdir(), 'qantara-e2e-shots-'));
  return args;
}

const args = parseArgs(process.argv.slice(2));

function skip(why) {
  console.log(`SKIPPED: ${why}`);
  process.exit(kSkip);
}

const nodeMajor = Number(process.versions.node.split('.')[0]);
if (nodeMajor < 20) skip(`Node ${process.versions.node}: playwright-core needs Node 20 or later`);
if (!fs.existsSync(args.chromium)) skip(`no Chromium at ${args.chromium} (apt-get install chromium)`);
if (!fs.existsSync(args.qantara)) skip(`no binary at ${args.qantara} (build it first)`);
let chromium;
try {
  const require = createRequire(path.resolve(args.web, 'package.json'));
  ({ chromium } = require('playwright-core'));
} catch {
  skip(`no playwright-core in ${path.resolve(args.web, 'node_modules')} (run npm ci in web/)`);
}

// ---- test plumbing ------------------------------------------------------------

let failures = 0;
function check(ok, what, detail = '') {
  if (ok) {
    console.log(`ok   ${what}`);
  } else {
    failures++;
    console.log(`FAIL ${what}${detail ? `: ${detail}` : ''}`);
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qantara-e2e-web-'));
let server = null;
let serverLog = '';
let serverExit = null;
let context = null;
let page = null;
const pageErrors = [];

async function cleanup() {
  if (context) await context.close().catch(() => {});
  context = null;
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    const exited = await Promise.race([
      new Promise((r) => server.once('exit', () => r(true))),
      new Promise((r) => setTimeout(() => r(false), 5000)),
    ]);
    if (!exited) server.kill('SIGKILL');
    // The exit code and stderr (sanitizer reports, when built with them).
    await new Promise((r) => setTimeout(r, 100));
    check(serverExit === 0, 'the server stopped cleanly on SIGTERM', `exit ${serverExit}`);
    check(!/AddressSanitizer|LeakSanitizer|runtime error:/.test(serverLog), 'no sanitizer report from the server',
      serverLog.slice(-2000));
  }
  fs.rmSync(tmp, { recursive: true, force: true });
}

const watchdog = setTimeout(async () => {
  console.log(`FAIL the run took more than ${kMaxSeconds} s`);
  if (server) server.kill('SIGKILL');
  process.exit(1);
}, kMaxSeconds * 1000);
watchdog.unref();

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

function makeKey(db) {
  const r = spawnSync(args.qantara, ['keys', 'add', '--db', db, '--role', 'reviewer', '--name', 'rita'], {
    encoding: 'utf8', timeout: 20000,
  });
  if (r.status !== 0) throw new Error(`keys add failed (${r.status}): ${r.stderr}`);
  return r.stdout.trim();
}

// Starts the server; resolves with its base URL once it says where it listens.
function startServer(list, db) {
  server = spawn(args.qantara, ['serve', '--list', list, '--db', db, '--port', '0', '--threads', '2',
    '--web', path.join(args.web, 'public')], { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`the server did not start in 20 s: ${text}`)), 20000);
    server.stderr.setEncoding('utf8');
    server.stderr.on('data', (chunk) => {
      text += chunk;
      serverLog += chunk;
      const m = /listening on (http:\/\/[^\s]+)/.exec(text);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    server.once('exit', (code, signal) => {
      serverExit = signal ?? code;
      clearTimeout(timer);
      reject(new Error(`the server exited (${code}): ${text}`));
    });
  });
}

async function apiGet(base, key, route) {
  const r = await fetch(base + route, { headers: { Authorization: `Bearer ${key}` }, signal: AbortSignal.timeout(kStepMs) });
  return { status: r.status, body: await r.json() };
}

// ---- PNG check ------------------------------------------------------------------

// Decodes an 8-bit RGB/RGBA non-interlaced PNG (what Chromium writes):
// {width, height, colours: distinct pixel values, top: share of the commonest}.
function readPng(file) {
  const buf = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buf.length < 33 || !buf.subarray(0, 8).equals(signature)) throw new Error(`${file}: not a PNG`);
  let pos = 8;
  let width = 0, height = 0, depth = 0, type = 0, interlace = 0;
  const idat = [];
  while (pos + 8 <= buf.length) {
    const len = buf.readUInt32BE(pos);
    const kind = buf.toString('latin1', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (kind === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      depth = data[8];
      type = data[9];
      interlace = data[12];
    } else if (kind === 'IDAT') {
      idat.push(data);
    } else if (kind === 'IEND') {
      break;
    }
    pos += 12 + len;
  }
  if (depth !== 8 || (type !== 2 && type !== 6) || interlace !== 0) {
    throw new Error(`${file}: PNG depth ${depth} type ${type} interlace ${interlace} not read here`);
  }
  const bpp = type === 6 ? 4 : 3;
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * bpp;
  if (raw.length !== height * (stride + 1)) throw new Error(`${file}: PNG data is ${raw.length} bytes`);
  const prev = Buffer.alloc(stride);
  const row = Buffer.alloc(stride);
  const counts = new Map();
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    for (let i = 0; i < stride; i++) {
      const a = i >= bpp ? row[i - bpp] : 0;
      const b = prev[i];
      const c = i >= bpp ? prev[i - bpp] : 0;
      let v = line[i];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      row[i] = v & 0xff;
    }
    for (let x = 0; x < stride; x += bpp) {
      const px = row.readUIntBE(x, 3);
      counts.set(px, (counts.get(px) ?? 0) + 1);
    }
    row.copy(prev);
  }
  const top = Math.max(...counts.values()) / (width * height);
  return { width, height, colours: counts.size, top };
}

function checkScreenshot(file, size) {
  const stat = fs.statSync(file);
  const png = readPng(file);
  check(stat.size > 1000, `${path.basename(file)} is a non-empty file`, `${stat.size} bytes`);
  if (size) {
    check(png.width === size.width && png.height === size.height, `${path.basename(file)} is ${size.width}x${size.height}`,
      `${png.width}x${png.height}`);
  }
  check(png.colours > 20 && png.top < 0.98, `${path.basename(file)} is not one colour`,
    `${png.colours} colours, commonest ${(png.top * 100).toFixed(1)}%`);
}

// ---- the test ---------------------------------------------------------------------

async function run() {
  fs.mkdirSync(args.out, { recursive: true });
  const list = path.join(tmp, 'list.jsonl');
  fs.writeFileSync(list, ENTITIES.map((e) => JSON.stringify(e)).join('\n') + '\n');
  const db = path.join(tmp, 'service.db');
  const key = makeKey(db);
  check(/^qk_[0-9a-f]{64}$/.test(key), 'keys add printed a key');
  const base = await startServer(list, db);
  console.log(`server at ${base}`);

  const userData = fs.mkdtempSync(path.join(tmp, 'chromium-'));
  context = await chromium.launchPersistentContext(userData, {
    executablePath: args.chromium,
    headless: true,
    viewport: kViewport,
    timeout: kStepMs,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  context.setDefaultTimeout(kStepMs);
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') pageErrors.push(m.text()); });

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

try {
  await run();
} catch (e) {
  failures++;
  console.log(`FAIL ${e.stack ?? e}`);
  if (pageErrors.length) console.log(`page errors: ${pageErrors.join(' | ')}`);
  if (page) {
    const shot = path.join(args.out, 'review_failure.png');
    await page.screenshot({ path: shot, timeout: 5000 }).then(() => console.log(`screenshot: ${shot}`), () => {});
  }
} finally {
  await cleanup();
}
console.log(failures ? `${failures} check(s) failed` : 'all checks passed');
process.exit(failures ? 1 : 0);
