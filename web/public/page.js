// What the review page (app.js) and the news page (news.js) share: a small
// DOM builder, <bdi> for text of any direction, the API client with the key
// kept in sessionStorage (one key for both pages of a tab), the message line
// and the key form. Every text from data goes in with textContent.
import { direction } from './review.js';

const KEY_STORAGE = 'qantara.apiKey';
export const $ = (selector) => document.querySelector(selector);

// ---- small DOM builder -------------------------------------------------------

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') el.className = v;
    else if (k === 'text') el.textContent = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

// Isolated text in its own direction, so that an Arabic name in a Latin
// sentence (or the reverse) keeps its order.
export function bdi(text, attrs = {}) {
  return h('bdi', { dir: direction(text), ...attrs }, String(text ?? ''));
}

// ---- the API ------------------------------------------------------------------

export function apiKey() {
  return sessionStorage.getItem(KEY_STORAGE) ?? '';
}

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

export async function api(method, path, body) {
  const headers = { Authorization: `Bearer ${apiKey()}` };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: 'no-store',
  });
  let json = null;
  try {
    json = await response.json();
  } catch {
    throw new ApiError(response.status, 'not_json', `${method} ${path}: ${response.status}, not JSON`);
  }
  if (!response.ok) {
    throw new ApiError(response.status, json?.code ?? 'error', json?.error ?? `status ${response.status}`);
  }
  return json;
}

export function showMessage(text, kind = 'error') {
  const m = $('#message');
  m.textContent = text;
  m.className = `message ${kind}`;
  m.hidden = !text;
}

export function explain(error) {
  if (error instanceof ApiError && error.status === 401) {
    return `${error.message}: enter a valid key above.`;
  }
  return error.message;
}

// ---- key ------------------------------------------------------------------

function showKeyState() {
  const key = apiKey();
  $('#key-state').textContent = key ? `key ${key.slice(0, 6)}\u2026 in use` : 'no key';
  $('#key-input').value = '';
}

// Wires #key-form, #key-input, #key-forget and #key-state: onKey() runs once
// a key is saved, onForget() once it is forgotten.
export function setupKeyForm({ onKey, onForget }) {
  $('#key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const value = $('#key-input').value.trim();
    if (!value) return;
    sessionStorage.setItem(KEY_STORAGE, value);
    showKeyState();
    showMessage('');
    onKey();
  });
  $('#key-forget').addEventListener('click', () => {
    sessionStorage.removeItem(KEY_STORAGE);
    showKeyState();
    onForget();
  });
  showKeyState();
}
