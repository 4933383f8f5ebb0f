// Mentor's phone: join by code, follow the phase, and show the screen of the phase.
//
// The mentor's {code, token, id} live in localStorage, so a reload, a sleeping phone or a lost
// connection joins again as the same participant (Live authenticates on every connect). The
// join id is made and stored before the first join: a join whose answer was lost (server
// restarted, Wi-Fi gone) is sent again with the same id and finds the same mentor.
// Each phase's screen is its own module (values, group, themes, mission board, canvas);
// `render` switches on the phase and hands them the shared `app`: strings, state, connection
// and outbox. The mission board and the canvas are loaded when their phase first shows, so a
// phone downloads only what it draws (the page stays far under its 150 KB budget).

import { byTestId, format, setText, store, strings } from './page.js';
import { Live, Outbox, emitAck, newId } from './socket.js';
import { Countdown } from './timer.js';
import { valuesScreen } from './phone_values.js';
import { groupScreen } from './phone_groups.js';
import { themesScreen } from './phone_themes.js';

const text = strings();
const SESSION_KEY = 'mk:phone';
const JOIN_ID_KEY = 'mk:join-id';
const RETRY_MS = 4000;

const joinForm = byTestId('join-form');
const codeInput = byTestId('code');
const nameInput = byTestId('name');
const joinButton = byTestId('join');
const joinError = byTestId('join-error');

let session = store.get(SESSION_KEY); // {code, token, participant_id, id}
let pendingJoin = null; // what the join form sent, until the server accepts it
let wasOnline = false; // this page had a live connection: a later gap is a lost connection

/** What the screens share. `submissionsOpen` is learnt from `submissions` events and from a
    `closed` refusal: the state does not carry it. */
const app = {
  text,
  state: null,
  live: null,
  outbox: null,
  submissionsOpen: true,
  render,
  /** The live socket when it can take a write now, else null. */
  socket: () => (app.live && app.live.ready ? app.live.socket : null),
};
const countdown = new Countdown([byTestId('timer')], text.timer);
const screens = {
  values: valuesScreen(app),
  group: groupScreen(app),
  themes: themesScreen(app),
};
/** Screens loaded on first use, by the phase that shows them. */
const LATER = {
  mission: (query) => import(`./phone_mission.js${query}`).then((module) => module.missionScreen(app)),
  canvas: (query) => import(`./phone_canvas.js${query}`).then((module) => module.canvasScreen(app)),
};
const loading = {};
let loadAttempts = 0;
const MISSION_SHOWN = new Set(['mission', 'canvas', 'closed']);

// ---- joining ---------------------------------------------------------------------------

/** The join id this phone uses for `code`: made once, kept in localStorage before the join
    is sent, the same for every retry; another code (another workshop) gets a new one. */
function joinIdFor(code) {
  const normalised = code.replace(/[\s\-_.]/g, '').toUpperCase();
  const kept = store.get(JOIN_ID_KEY);
  if (kept && kept.code === normalised) return kept.id;
  const id = newId();
  store.set(JOIN_ID_KEY, { code: normalised, id });
  return id;
}

async function authenticate(socket) {
  const payload = session ? { code: session.code, token: session.token, id: session.id } : pendingJoin;
  if (!payload) return null;
  const answer = await emitAck(socket, 'join', payload);
  if (answer.ok) {
    session = {
      code: answer.state.workshop.code,
      token: answer.token,
      participant_id: answer.participant_id,
      id: payload.id,
    };
    store.set(SESSION_KEY, session);
    pendingJoin = null;
    const key = `mk:outbox:${session.participant_id}`;
    if (!app.outbox || app.outbox.key !== key) app.outbox = new Outbox(key);
  }
  return answer;
}

function refused(answer) {
  joinButton.disabled = false;
  joinButton.textContent = text.join;
  if (session) {
    if (answer.error === 'internal') {
      // the server has a passing problem; the stored token may still be good
      window.setTimeout(() => app.live && app.live.reauthenticate(), RETRY_MS);
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
  } else if (['unknown_code', 'invalid', 'rate_limited'].includes(answer.error)) {
    codeInput.setAttribute('aria-invalid', 'true');
    codeInput.focus();
  }
}

function ready() {
  screens.values.flush();
}

function connect() {
  if (app.live) {
    app.live.reauthenticate();
    return;
  }
  app.live = new Live({
    authenticate,
    onState: draw,
    onStatus: showStatus,
    onReady: ready,
    onAuthError: refused,
    events: {
      phase: (payload) => {
        app.state.workshop.phase = payload.phase;
        render();
        screens.values.flush();
      },
      progress: (payload) => {
        app.state.progress = payload.progress;
        render();
      },
      timer: (payload) => {
        app.state.timer = { ends_at: payload.ends_at };
        countdown.set(payload.ends_at, payload.now);
      },
      submissions: (payload) => {
        app.submissionsOpen = payload.open;
        render();
      },
      group: (payload) => {
        app.state.group = payload.group;
        render();
      },
      themes: (payload) => {
        app.state.themes = payload.themes;
        render();
      },
      board: (payload) => {
        app.state.board = payload;
        render();
      },
      canvas: (payload) => {
        app.state.canvas = payload;
        render();
      },
      deleted: () => {
        // the facilitator deleted the workshop and everything in it: nothing to go back to
        forget();
        showJoin('', text.deleted);
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
  const id = joinIdFor(code);
  pendingJoin = name ? { code, name, id } : { code, id };
  joinButton.disabled = true;
  joinButton.textContent = text.joining;
  connect();
}

/** Sign off on this phone (someone else's name, or a shared phone): forget the token. */
function forget() {
  if (app.live) app.live.stop();
  if (app.outbox) app.outbox.clear();
  app.live = null;
  app.outbox = null;
  app.state = null;
  session = null;
  store.remove(SESSION_KEY);
  store.remove(JOIN_ID_KEY); // whoever joins on this phone next is someone else
  countdown.set(null);
  setText(byTestId('connection'), '');
  byTestId('reconnect-box').hidden = true;
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

/** A joined phone that lost its connection says so, keeps what the mentor enters, and offers
    to reconnect now (a phone back from the background may hold a dead socket for a while). */
function showStatus(status) {
  if (status === 'online') wasOnline = true;
  const gone = wasOnline || navigator.onLine === false;
  const lost = session && status !== 'online' && gone;
  const texts = { connecting: text.common.connecting, offline: text.common.offline };
  setText(byTestId('connection'), lost ? `${text.lost} ${text.kept}` : texts[status]);
  byTestId('reconnect-box').hidden = !lost;
  if (status === 'offline' && !session) {
    joinButton.disabled = false;
    joinButton.textContent = text.join;
  }
}

function draw(next) {
  app.state = next;
  if (typeof next.workshop.submissions_open === 'boolean') {
    app.submissionsOpen = next.workshop.submissions_open;
  }
  screens.values.settle();
  countdown.set(next.timer ? next.timer.ends_at : null, next.now);
  byTestId('join-screen').hidden = true;
  byTestId('workshop-screen').hidden = false;
  render();
}

function render() {
  const { state } = app;
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
    phase === 'lobby' ? format(text.joined, { count: state.progress.joined }) : '');
  // one screen per phase
  screens.group.render(phase === 'groups');
  screens.themes.render(phase === 'themes');
  screens.values.render(phase);
  drawMission(phase);
  for (const name of Object.keys(LATER)) renderLater(name, phase);
}

/** The adopted mission, on top of the screen from the mission phase on. */
function drawMission(phase) {
  const mission = app.state.board && app.state.board.mission;
  byTestId('mission-card').hidden = !(mission && MISSION_SHOWN.has(phase));
  byTestId('mission-card-text').textContent = mission || '';
}

/** Render a screen that loads on first use; until then its section stays hidden. A failed
    load (the network dropped) is tried again at the next render, under a new URL, because
    a browser may remember a module that failed. */
function renderLater(name, phase) {
  if (screens[name]) {
    screens[name].render(phase);
    return;
  }
  if (phase !== name || loading[name]) return;
  const query = loadAttempts ? `?attempt=${loadAttempts}` : '';
  loading[name] = LATER[name](query).then((screen) => {
    screens[name] = screen;
    render();
  }).catch(() => {
    loadAttempts += 1;
    loading[name] = null;
  });
}

// ---- start -----------------------------------------------------------------------------

text.join = joinButton.textContent;
joinForm.addEventListener('submit', submitJoin);
byTestId('reconnect').addEventListener('click', () => app.live && app.live.wake(true));
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
  app.outbox = new Outbox(`mk:outbox:${session.participant_id}`);
  codeInput.value = session.code;
  byTestId('join-screen').hidden = true;
  connect();
} else {
  // a new code (another workshop) wins over an older sign-in, which stays stored until this join succeeds
  session = null;
  if (!linkCode) codeInput.focus();
  else nameInput.focus();
}
