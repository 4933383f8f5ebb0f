// Compare page: both workshops' facilitator tokens (from this browser's localStorage, or a
// pasted facilitator link) go in a POST body to /api/compare, never in the page's URL.

import { byTestId, format, make, setText, store, strings } from './page.js';

const text = strings();
const ids = [document.body.dataset.firstId, document.body.dataset.secondId];
const keyName = (id) => `mk:facilitator:${id}`;
const form = byTestId('compare-keys');
const error = byTestId('compare-error');

/** A pasted facilitator link (…#token=…) or a bare token. */
function tokenFrom(pasted) {
  const hash = pasted.includes('#') ? pasted.slice(pasted.indexOf('#') + 1) : '';
  return new URLSearchParams(hash).get('token') || pasted.trim();
}

/** The day a workshop was held in the page's language ("7 December 2026"); the payload's
    `date` is the Dutch of the exports. UTC, as the exports count the day. */
function heldOn(data) {
  const day = new Date(data.created_at);
  if (Number.isNaN(day.getTime())) return data.date;
  return new Intl.DateTimeFormat(document.documentElement.lang,
    { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(day);
}

function side(prefix, data) {
  byTestId(`${prefix}-title`).textContent = data.title;
  byTestId(`${prefix}-meta`).textContent = format(text.meta, { ...data, date: heldOn(data) });
  byTestId(`${prefix}-mission`).textContent = data.mission || text.no_mission;
}

function draw(result) {
  side('then', result.then);
  side('now', result.now);
  byTestId('other-team').hidden = result.same_team;
  byTestId('compare-themes').tBodies[0].replaceChildren(...result.themes.map((theme) => {
    const row = make('tr', { attrs: { 'data-testid': 'compare-theme', 'data-change': theme.change } });
    row.append(
      make('td', { text: theme.label }),
      make('td', { text: format(text.share, theme.then) }),
      make('td', { text: format(text.share, theme.now) }),
      make('td', { text: text.changes[theme.change] }),
    );
    return row;
  }));
  byTestId('compare-result').hidden = false;
}

async function run(tokens) {
  setText(error, '');
  try {
    const response = await fetch('/api/compare', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ a: { id: ids[0], token: tokens[0] }, b: { id: ids[1], token: tokens[1] } }),
    });
    const body = await response.json();
    if (!response.ok) {
      setText(error, body.message || text.failed);
      form.hidden = false;
      return;
    }
    ids.forEach((id, index) => store.set(keyName(id), tokens[index]));
    form.hidden = true;
    draw(body);
  } catch {
    setText(error, text.failed);
  }
}

const known = ids.map((id) => store.get(keyName(id)));
form.addEventListener('submit', (event) => {
  event.preventDefault();
  const pasted = [byTestId('key-first').value, byTestId('key-second').value];
  run(known.map((token, index) => (pasted[index].trim() ? tokenFrom(pasted[index]) : token)));
});
if (known.every(Boolean)) run(known);
else form.hidden = false;
