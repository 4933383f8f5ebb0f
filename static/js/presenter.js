// Projector page: join QR code and code, the phase, who joined, and in reflection only how
// many are ready. It never receives value texts during reflection, so it cannot show them.

import { byTestId, format, make, setText, spacedCode, store, strings, takeFragmentSecret } from './page.js';
import { Live, emitAck } from './socket.js';

const text = strings();
const workshopId = document.body.dataset.workshopId;
const keyName = `mk:presenter:${workshopId}`;
const key = takeFragmentSecret('key') || store.get(keyName);
let state = null;

function showStatus(status) {
  const element = byTestId('connection');
  setText(element, { connecting: text.common.connecting, offline: text.common.offline }[status]);
}

function refuse(message) {
  byTestId('screen').hidden = true;
  byTestId('auth-error').hidden = false;
  byTestId('auth-error-message').textContent = message;
}

function drawPhase() {
  const phase = state.workshop.phase;
  const info = text.phases[phase];
  const next = text.order[text.order.indexOf(phase) + 1];
  byTestId('phase-title').textContent = info.title;
  byTestId('phase-now').textContent = info.now;
  byTestId('phase-next').textContent = next
    ? format(text.common.next, { title: text.phases[next].title })
    : text.common.last;
  document.body.dataset.phase = phase;
  drawProgress();
}

function drawProgress() {
  const { joined, ready } = state.progress;
  byTestId('progress-block').hidden = state.workshop.phase !== 'reflect';
  byTestId('progress').textContent = format(text.progress, { ready, joined });
  const bar = byTestId('progress-bar');
  bar.max = Math.max(joined, 1);
  bar.value = ready;
}

function drawPeople() {
  const people = state.participants;
  const count = byTestId('joined-count');
  if (people.length === 0) count.textContent = text.nobody;
  else if (people.length === 1) count.textContent = text.joined_one;
  else count.textContent = format(text.joined, { count: people.length });
  const list = byTestId('names');
  list.replaceChildren(...people.map((person) => make('li', { text: person.name })));
  // long lists get smaller names so that 60 mentors still fit on one screen
  list.dataset.size = people.length > 40 ? 'small' : people.length > 16 ? 'medium' : 'large';
}

function draw(next) {
  state = next;
  const { workshop } = state;
  byTestId('auth-error').hidden = true;
  byTestId('screen').hidden = false;
  byTestId('workshop-title').textContent = workshop.title;
  const qr = byTestId('qr');
  const source = `/qr/${encodeURIComponent(workshop.code)}.svg`;
  if (qr.getAttribute('src') !== source) qr.src = source;
  byTestId('join-url').textContent = workshop.join_url.replace(/^https?:\/\//, '');
  byTestId('join-code').textContent = spacedCode(workshop.code);
  drawPhase();
  drawPeople();
}

if (!key) {
  refuse(text.no_key);
} else {
  store.set(keyName, key);
  const live = new Live({
    authenticate: (socket) => emitAck(socket, 'present', { workshop_id: workshopId, key }),
    onState: draw,
    onStatus: showStatus,
    onAuthError: (answer) => {
      if (answer.error !== 'forbidden') {
        // a passing server problem: show it and try again
        showStatus('connecting');
        window.setTimeout(() => live.reauthenticate(), 3000);
        return;
      }
      live.stop();
      store.remove(keyName);
      refuse(answer.message);
    },
    events: {
      phase: (payload) => {
        state.workshop.phase = payload.phase;
        drawPhase();
      },
      participants: (payload) => {
        state.participants = payload.participants;
        state.progress = payload.progress;
        drawPeople();
        drawProgress();
      },
    },
  });
}
