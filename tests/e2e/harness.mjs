// What the page tests share (review_page.test.mjs, news_page.test.mjs): the
// arguments and prerequisites (exit 77, SKIPPED, without Chromium, the
// binary, web/node_modules or Node 20), checks that count failures, the real
// `qantara serve` on a free loopback port, headless Chromium through
// playwright-core, screenshots checked to be real PNGs, and one `runTest`
// that reports, takes a failure screenshot, stops the server (checking it
// exits cleanly, without a sanitizer report) and exits 0 pass / 1 fail.
// Every wait is bounded, and a watchdog ends the run after kMaxSeconds.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

const kMaxSeconds = 150;
export const kStepMs = 15000;
export const kViewport = { width: 1280, height: 900 };
const kSkip = 77;

// ---- arguments and prerequisites --------------------------------------------

function parseArgs(argv, script) {
  const args = { qantara: 'build/qantara', web: 'web', out: '', chromium: process.env.CHROMIUM || '/usr/bin/chromium' };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '');
    if (!(name in args) || argv[i + 1] === undefined) {
      console.error(`usage: ${script} --qantara BIN --web WEB_DIR --out DIR [--chromium PATH] (bad: ${argv[i]})`);
      process.exit(2);
    }
    args[name] = argv[i + 1];
  }
  if (!args.out) args.out = fs.mkdtempSync(path.join(os.tmpdir(), 'qantara-e2e-shots-'));
  return args;
}

function skip(why) {
  console.log(`SKIPPED: ${why}`);
  process.exit(kSkip);
}

export const args = parseArgs(process.argv.slice(2), path.basename(process.argv[1] ?? 'test.mjs'));

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

// ---- checks ---------------------------------------------------------------------

let failures = 0;
export function check(ok, what, detail = '') {
  if (ok) {
    console.log(`ok   ${what}`);
  } else {
    failures++;
    console.log(`FAIL ${what}${detail ? `: ${detail}` : ''}`);
  }
}

export const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qantara-e2e-web-'));
let server = null;
let serverLog = '';
let serverExit = null;
let context = null;
export let page = null;
export const pageErrors = [];

const watchdog = setTimeout(async () => {
  console.log(`FAIL the run took more than ${kMaxSeconds} s`);
  if (server) server.kill('SIGKILL');
  process.exit(1);
}, kMaxSeconds * 1000);
watchdog.unref();

// ---- the binary ---------------------------------------------------------------

// `qantara keys add --role ROLE --name NAME` on `db`: the key it printed.
export function makeKey(db, role, name) {
  const r = spawnSync(args.qantara, ['keys', 'add', '--db', db, '--role', role, '--name', name], {
    encoding: 'utf8', timeout: 20000,
  });
  if (r.status !== 0) throw new Error(`keys add failed (${r.status}): ${r.stderr}`);
  return r.stdout.trim();
}

// Starts `qantara serve` with `serveArgs` on a free loopback port, serving
// web/public; resolves with its base URL once it says where it listens.
export function startServer(serveArgs) {
  server = spawn(args.qantara, ['serve', ...serveArgs, '--port', '0', '--threads', '2',
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

export async function apiGet(base, key, route) {
  const r = await fetch(base + route, { headers: { Authorization: `Bearer ${key}` }, signal: AbortSignal.timeout(kStepMs) });
  return { status: r.status, body: await r.json() };
}

// Headless Chromium with the viewport kViewport; the page's script errors
// land in pageErrors.
export async function openBrowser() {
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
  return page;
}

// ---- PNG check ------------------------------------------------------------------

// Decodes an 8-bit RGB/RGBA non-interlaced PNG (what Chromium writes):
// {width, height, colours: distinct pixel values, top: share of the commonest}.
export function readPng(file) {
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

export function checkScreenshot(file, size) {
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

// Takes a screenshot named `name` into --out and checks it (the viewport's
// size unless fullPage).
export async function screenshot(name, fullPage = false) {
  const file = path.join(args.out, name);
  await page.screenshot({ path: file, fullPage });
  checkScreenshot(file, fullPage ? null : kViewport);
  return file;
}

// ---- the run ------------------------------------------------------------------------

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

// Runs `test`; on a throw, counts a failure and screenshots the page as
// `failureShot`. Then cleans up and exits.
export async function runTest(test, failureShot) {
  try {
    await test();
  } catch (e) {
    failures++;
    console.log(`FAIL ${e.stack ?? e}`);
    if (pageErrors.length) console.log(`page errors: ${pageErrors.join(' | ')}`);
    if (page) {
      const shot = path.join(args.out, failureShot);
      await page.screenshot({ path: shot, timeout: 5000 }).then(() => console.log(`screenshot: ${shot}`), () => {});
    }
  } finally {
    await cleanup();
  }
  console.log(failures ? `${failures} check(s) failed` : 'all checks passed');
  process.exit(failures ? 1 : 0);
}
