// Mentor's phone: join by code, follow the phase, and write core values.
//
// The mentor's {code, token} live in localStorage, so a reload, a sleeping phone or a lost
// connection joins again as the same participant (Live authenticates on every connect).
// Values go through an Outbox: shown at once as "wordt verstuurd…", kept in localStorage, and
// sent (again) until the server acknowledges them; the client id makes repeats harmless.

import { byTestId, format, make, setText, store, strings } from './page.js';
import { Live, Outbox, emitAck, newId } from './socket.js';

const text = strings();
const SESSION_KEY = 'mk:phone';
const VALUE_PHASES = new Set(['reflect', 'groups', 'themes']);
const RETRY_MS = 4000;

const joinForm = byTestId('join-form');
const codeInput = byTestId('code');
const nameInput = byTestId('name');
const joinButton = byTestId('join');
const joinError = byTestId('join-error');
const valueForm = byTestId('value-form');
const valueText = byTestId('value-text');
const valueWhy = byTestId('value-why');
const valueError = byTestId('value-error');
const valueList = byTestId('value-list');

let session = store.get(SESSION_KEY); // {code, token, participant_id}
let pendingJoin = null; // what the join form sent, until the server accepts it
let live = null;
let state = null;
let outbox = null;
let retryTimer = null;

// ---- joining ---------------------------------------------------------------------------

async function authenticate(socket) {
  const payload = session ? { code: session.code, token: session.token } : pendingJoin;
  if (!payload) return null;
  const answer = await emitAck(socket, 'join', payload);
  if (answer.ok) {
    session = {
      code: answer.state.workshop.code,
      token: answer.token,
      participant_id: answer.participant_id,
    };
    store.set(SESSION_KEY, session);
    pendingJoin = null;
    const key = `mk:outbox:${session.participant_id}`;
    if (!outbox || outbox.key !== key) outbox = new Outbox(key);
  }
  return answer;
}

function refused(answer) {
  joinButton.disabled = false;
  joinButton.textContent = text.join;
  if (session) {
    if (answer.error === 'internal') {
      // the server has a passing problem; the stored token may still be good
      window.setTimeout(() => live && live.reauthenticate(), RETRY_MS);
      return;
    }
    // the workshop or this phone's participant is gone: start over with the same code
    const { code } = session;
    forget();
    showJoin(code, answer.error === 'unknown_code' ? answer.message : text.session_lost);
    return;
  }
  pendingJoin = null; // a reconnect must not send a refused join again
  setText(joinError, answer.message);
  if (answer.error === 'empty') {
    // a named workshop: only now do we know the name is needed
    setText(joinError, `${answer.message} ${text.name_needed}`);
    nameInput.setAttribute('aria-invalid', 'true');
    nameInput.required = true;
    nameInput.focus();
  } else if (answer.error === 'unknown_code' || answer.error === 'invalid') {
    codeInput.setAttribute('aria-invalid', 'true');
    codeInput.focus();
  }
}

function connect() {
  if (live) {
    live.reauthenticate();
    return;
  }
  live = new Live({
    authenticate,
    onState: draw,
    onStatus: showStatus,
    onReady: flushOutbox,
    onAuthError: refused,
    events: {
      phase: (payload) => {
        state.workshop.phase = payload.phase;
        render();
        flushOutbox();
      },
      participants: (payload) => {
        state.participants = payload.participants;
        state.progress = payload.progress;
        render();
      },
    },
  });
}

function submitJoin(event) {
  event.preventDefault();
  const code = codeInput.value.trim();
  const name = nameInput.value.trim();
  codeInput.removeAttribute('aria-invalid');
  nameInput.removeAttribute('aria-invalid');
  if (!code) {
    setText(joinError, text.code_missing);
    codeInput.focus();
    return;
  }
  setText(joinError, '');
  session = null;
  pendingJoin = name ? { code, name } : { code };
  joinButton.disabled = true;
  joinButton.textContent = text.joining;
  connect();
}

/** Sign off on this phone (someone else's name, or a shared phone): forget the token. */
function forget() {
  if (live) live.stop();
  if (outbox) outbox.clear();
  live = null;
  outbox = null;
  state = null;
  session = null;
  store.remove(SESSION_KEY);
  setText(byTestId('connection'), '');
}

function showJoin(code, message) {
  byTestId('workshop-screen').hidden = true;
  byTestId('join-screen').hidden = false;
  if (code !== undefined) codeInput.value = code;
  setText(joinError, message);
  joinButton.disabled = false;
  joinButton.textContent = text.join;
}

// ---- drawing ---------------------------------------------------------------------------

function showStatus(status) {
  const waiting = outbox && outbox.items.length > 0;
  const texts = {
    connecting: waiting ? text.offline_queue : text.common.connecting,
    offline: session ? text.offline_queue : text.common.offline,
  };
  setText(byTestId('connection'), texts[status]);
  if (status === 'offline' && !session) {
    joinButton.disabled = false;
    joinButton.textContent = text.join;
  }
}

function draw(next) {
  state = next;
  // a value whose ack got lost is already in the state: it is no longer pending
  const known = new Set(state.me.values.map((value) => value.client_id));
  for (const item of outbox.items) if (known.has(item.id)) outbox.drop(item.id);
  byTestId('join-screen').hidden = true;
  byTestId('workshop-screen').hidden = false;
  render();
}

function myValues() {
  const confirmed = state.me.values.map((value) => ({ ...value, pending: false }));
  const known = new Set(confirmed.map((value) => value.client_id));
  const pending = outbox.items.filter((item) => !known.has(item.id))
    .map((item) => ({ id: item.id, text: item.text, why: item.why || '', pending: true }));
  return [...confirmed, ...pending];
}

function valueItem(value, editable) {
  const item = make('li', { className: value.pending ? 'pending' : '', attrs: { 'data-testid': 'value-item' } });
  const body = make('div', { className: 'value-body' });
  body.append(make('span', { text: value.text, className: 'value-text', attrs: { 'data-testid': 'value-item-text' } }));
  if (value.why) body.append(make('span', { text: value.why, className: 'value-why' }));
  item.append(body);
  if (value.pending) {
    item.append(make('span', { text: text.pending, className: 'sending', attrs: { 'data-testid': 'value-pending' } }));
  } else if (editable) {
    item.append(make('button', {
      text: text.remove,
      className: 'remove',
      attrs: {
        type: 'button',
        'data-value-id': value.id,
        'data-testid': 'value-remove',
        'aria-label': format(text.remove_label, { text: value.text }),
      },
    }));
  }
  return item;
}

function render() {
  if (!state) return;
  const { workshop } = state;
  const phase = workshop.phase;
  const next = text.order[text.order.indexOf(phase) + 1];
  byTestId('workshop-title').textContent = workshop.team ? `${workshop.title} · ${workshop.team}` : workshop.title;
  byTestId('me-name').textContent = state.me.name;
  byTestId('phase-title').textContent = text.phases[phase].title;
  byTestId('phase-now').textContent = text.phases[phase].phone;
  byTestId('phase-next').textContent = next
    ? format(text.common.next, { title: text.phases[next].title })
    : text.common.last;
  document.body.dataset.phase = phase;
  setText(byTestId('joined-count'),
    phase === 'lobby' ? format(text.joined, { count: state.participants.length }) : '');

  const editable = VALUE_PHASES.has(phase);
  const values = myValues();
  const max = workshop.values_per_person;
  byTestId('values-screen').hidden = !editable;
  byTestId('my-values').hidden = values.length === 0;
  valueList.replaceChildren(...values.map((value) => valueItem(value, editable)));
  byTestId('value-count').textContent = format(text.count, { count: values.length, max });
  let hint = text.hint_full;
  if (values.length < workshop.min_values) hint = format(text.hint_more, { min: workshop.min_values });
  else if (values.length < max) hint = format(text.hint_enough, { max });
  byTestId('value-hint').textContent = hint;
  byTestId('value-add').disabled = values.length >= max;
}

// ---- values ----------------------------------------------------------------------------

function sendValue(item) {
  const payload = { id: item.id, text: item.text };
  if (item.why) payload.why = item.why;
  return emitAck(live.socket, 'value:add', payload);
}

function answered(item, answer) {
  if (answer.ok) {
    if (!state.me.values.some((value) => value.client_id === item.id)) {
      state.me.values.push({ id: answer.value_id, client_id: item.id, text: item.text, why: item.why || '' });
    }
  } else {
    setText(valueError, answer.message);
  }
  render();
}

async function flushOutbox() {
  window.clearTimeout(retryTimer);
  if (!live || !live.ready || !outbox || outbox.items.length === 0) return;
  const done = await outbox.flush(sendValue, {
    onAnswer: answered,
    // this connection lost its role (a server restart): join again, which flushes again
    keep: (answer) => answer.error === 'not_joined',
  });
  if (done === false && outbox && outbox.items.length) {
    if (live && live.ready) retryTimer = window.setTimeout(flushOutbox, RETRY_MS);
  }
}

function submitValue(event) {
  event.preventDefault();
  const value = valueText.value.replace(/\s+/g, ' ').trim();
  const why = valueWhy.value.replace(/\s+/g, ' ').trim();
  if (!value) {
    setText(valueError, text.value_missing);
    valueText.focus();
    return;
  }
  const values = myValues();
  if (values.some((other) => other.text.toLocaleLowerCase() === value.toLocaleLowerCase())) {
    setText(valueError, text.value_duplicate);
    return;
  }
  if (values.length >= state.workshop.values_per_person) {
    setText(valueError, text.hint_full);
    return;
  }
  setText(valueError, '');
  outbox.put({ id: newId(), text: value, why });
  valueText.value = '';
  valueWhy.value = '';
  valueText.focus();
  render();
  flushOutbox();
}

async function removeValue(button) {
  if (!live || !live.ready) {
    setText(valueError, text.remove_offline);
    return;
  }
  const valueId = button.dataset.valueId;
  button.disabled = true;
  try {
    const answer = await emitAck(live.socket, 'value:remove', { value_id: valueId });
    if (answer.ok) {
      state.me.values = state.me.values.filter((value) => value.id !== valueId);
      setText(valueError, '');
    } else {
      setText(valueError, answer.message);
    }
  } catch {
    setText(valueError, text.remove_offline);
  }
  render();
}

// ---- start -----------------------------------------------------------------------------

text.join = joinButton.textContent;
joinForm.addEventListener('submit', submitJoin);
valueForm.addEventListener('submit', submitValue);
valueList.addEventListener('click', (event) => {
  const button = event.target.closest('button[data-value-id]');
  if (button) removeValue(button);
});
byTestId('forget').addEventListener('click', () => {
  const code = session ? session.code : '';
  forget();
  showJoin(code);
  nameInput.value = '';
  nameInput.focus();
});

const linkCode = codeInput.value;
if (session && (!linkCode || linkCode === session.code)) {
  // back on this phone: join again with the stored token
  outbox = new Outbox(`mk:outbox:${session.participant_id}`);
  codeInput.value = session.code;
  byTestId('join-screen').hidden = true;
  connect();
} else {
  // a new code (another workshop) wins over an older sign-in, which stays stored until this join succeeds
  session = null;
  if (!linkCode) codeInput.focus();
  else nameInput.focus();
}
