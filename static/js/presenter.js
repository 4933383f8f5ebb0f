// Projector page: join QR code and code, the phase, who joined, in reflection only how many
// are ready, the groups overview, and from the themes phase on the values web. It never
// receives value texts during reflection, so it cannot show them.
//
// `layout` switches on the phase: the lobby and reflection use the big join panel; groups,
// themes, the mission board and the canvas get the whole stage under a slim header. After
// the workshop closes, the stage shows the adopted mission.

import { byTestId, format, make, setText, spacedCode, store, strings, takeFragmentSecret } from './page.js';
import { Live, emitAck, retryUnlessForbidden } from './socket.js';
import { Countdown } from './timer.js';
import { drawGroups } from './presenter_groups.js';
import { ValuesWeb } from './web.js';
import { drawBoard } from './presenter_board.js';
import { CanvasStage } from './presenter_canvas.js';
import { fitList } from './presenter_fit.js';

const text = strings();
const workshopId = document.body.dataset.workshopId;
const keyName = `mk:presenter:${workshopId}`;
const key = takeFragmentSecret('key') || store.get(keyName);
const STAGES = {
  groups: 'groups-board', themes: 'web-panel', mission: 'board-stage', canvas: 'canvas-stage', closed: 'board-stage',
};
const countdown = new Countdown([byTestId('timer')], text.timer);
const web = new ValuesWeb(byTestId('web'), { more: byTestId('web-more'), empty: byTestId('web-empty') }, text.web);
const canvasStage = new CanvasStage(text.canvas, `mk:presenter-canvas:${workshopId}`);
let state = null;
let live = null;
// the screen never scrolls: names and closing themes keep what fits, also after a resize
const fitNames = () => fitList(byTestId('names'), text.canvas.more, 'first');
const fitClosingThemes = () => fitList(byTestId('closing-themes'), text.canvas.more);
new ResizeObserver(fitNames).observe(byTestId('names'));
new ResizeObserver(fitClosingThemes).observe(byTestId('closing-themes'));

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
  // the closing phase keeps the big join panel until there is a mission to show
  const stage = phase === 'closed' && !(state.board && state.board.mission) ? null : STAGES[phase];
  document.body.dataset.layout = stage ? 'stage' : 'panel';
  for (const testId of new Set(Object.values(STAGES))) byTestId(testId).hidden = testId !== stage;
  drawProgress();
  drawStage();
}

/** The phase's own picture, when it has one. */
function drawStage() {
  const phase = state.workshop.phase;
  if (phase === 'groups') drawGroups(state.groups || [], text.web);
  if (phase === 'themes') web.update(state.themes || []);
  if (phase === 'mission' || phase === 'closed') drawBoard(state.board, text.board);
  drawClosingThemes(phase === 'closed');
  if (phase === 'canvas') canvasStage.draw(state.canvas);
}

/** At the close, under the mission: the shared themes, most named first, with their counts. */
function drawClosingThemes(closing) {
  const shared = (state.themes || []).filter((theme) => theme.shared && !theme.hidden)
    .sort((a, b) => b.participants - a.participants);
  const list = byTestId('closing-themes');
  list.hidden = !closing || shared.length === 0;
  list.replaceChildren(...shared.map((theme) => make('li', {
    text: `${theme.label} · ${theme.participants}`, attrs: { 'data-testid': 'closing-theme' },
  })));
  fitClosingThemes();
}

/** The workshop was deleted: say so, and stop listening. */
function deleted() {
  live.stop();
  store.remove(keyName);
  byTestId('screen').hidden = true;
  byTestId('deleted').hidden = false;
  setText(byTestId('connection'), '');
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
  // long lists get smaller names; past what fits, the newest names stay and the rest is counted
  list.dataset.size = people.length > 40 ? 'small' : people.length > 16 ? 'medium' : 'large';
  fitNames();
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
  countdown.set(state.timer ? state.timer.ends_at : null, state.now);
  drawPeople();
  drawPhase();
}

if (!key) {
  refuse(text.no_key);
} else {
  store.set(keyName, key);
  live = new Live({
    authenticate: (socket) => emitAck(socket, 'present', { workshop_id: workshopId, key }),
    onState: draw,
    onStatus: showStatus,
    onAuthError: (answer) => retryUnlessForbidden(live, answer, {
      showStatus, refuse, forget: () => store.remove(keyName),
    }),
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
      timer: (payload) => {
        state.timer = { ends_at: payload.ends_at };
        countdown.set(payload.ends_at, payload.now);
      },
      groups: (payload) => {
        state.groups = payload.groups;
        drawStage();
      },
      themes: (payload) => {
        state.themes = payload.themes;
        drawStage();
      },
      board: (payload) => {
        state.board = payload;
        drawPhase(); // an adopted mission may change the closing phase's layout
      },
      canvas: (payload) => {
        state.canvas = payload;
        drawStage();
      },
      deleted,
    },
  });
}
