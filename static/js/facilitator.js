// Facilitator page: the secret link, the join details, the phase controls and who joined,
// plus the panels of the phases (timer and submissions, groups, themes, mission board,
// canvas) and the workshop's lock and delete, each its own module, drawn by `drawPanels`,
// which switches on the phase.
// The token comes from the URL fragment once and is kept per workshop in localStorage, so a
// reload (or the language switch, which drops the fragment) still works.

import { byTestId, format, make, setText, spacedCode, store, strings, takeFragmentSecret } from './page.js';
import { Live, emitAck, retryUnlessForbidden } from './socket.js';
import { toolsPanel } from './facilitator_controls.js';
import { groupsPanel } from './facilitator_groups.js';
import { themesPanel } from './facilitator_themes.js';
import { boardPanel } from './facilitator_board.js';
import { canvasPanel } from './facilitator_canvas.js';
import { managePanel } from './facilitator_manage.js';

const text = strings();
const workshopId = document.body.dataset.workshopId;
const tokenName = `mk:facilitator:${workshopId}`;
const token = takeFragmentSecret('token') || store.get(tokenName);
let state = null;
let live = null;
let busy = false; // a phase change is on its way
/** What the panels share. `submissionsOpen` is learnt from `submissions` events and acks: the
    state does not carry it. */
const app = { text, state: null, live: null, submissionsOpen: true };
const panels = {
  tools: toolsPanel(app),
  groups: groupsPanel(app),
  themes: themesPanel(app),
  board: boardPanel(app),
  canvas: canvasPanel(app),
  manage: managePanel(app, { workshopId, token, tokenName, onDeleted: deleted }),
};

/** The panels of the current phase. */
function drawPanels() {
  const phase = state.workshop.phase;
  panels.tools.render(phase);
  panels.groups.render(phase);
  panels.themes.render(phase);
  panels.board.render(phase);
  panels.canvas.render(phase);
  panels.manage.render();
}

/** The workshop is gone (deleted here or on another tab): nothing left to steer. */
function deleted() {
  if (live) live.stop();
  store.remove(tokenName);
  byTestId('dashboard').hidden = true;
  byTestId('auth-error').hidden = true;
  byTestId('deleted').hidden = false;
  setText(byTestId('connection'), '');
}

function showStatus(status) {
  setText(byTestId('connection'),
    { connecting: text.common.connecting, offline: text.common.offline }[status]);
}

function refuse(message) {
  byTestId('dashboard').hidden = true;
  byTestId('auth-error').hidden = false;
  byTestId('auth-error-message').textContent = message;
}

/** Phones cannot open localhost or 127.x: the server needs PUBLIC_URL set. */
function unreachableByPhones(url) {
  try {
    const host = new URL(url).hostname;
    return host === 'localhost' || host.startsWith('127.') || host === '[::1]' || host === '0.0.0.0';
  } catch {
    return false;
  }
}

function drawLinks() {
  const { workshop } = state;
  const origin = window.location.origin;
  byTestId('facilitator-link').value = `${origin}/w/${workshopId}/facilitate#token=${token}`;
  byTestId('presenter-link').href = `${origin}/w/${workshopId}/present#key=${state.presenter_key}`;
  byTestId('join-code').textContent = spacedCode(workshop.code);
  const joinUrl = byTestId('join-url');
  joinUrl.href = workshop.join_url;
  joinUrl.textContent = workshop.join_url;
  byTestId('localhost-warning').hidden = !unreachableByPhones(workshop.join_url);
  drawNamesChoice(workshop.anonymous);
}

/** An anonymous workshop holds no names to leave out: the export choice says so, ticked. */
function drawNamesChoice(anonymous) {
  const noNames = byTestId('export-no-names');
  if (anonymous) noNames.checked = true;
  noNames.disabled = anonymous;
  byTestId('export-names-hint').hidden = anonymous;
  byTestId('export-anonymous').hidden = !anonymous;
}

function drawPhase() {
  const phase = state.workshop.phase;
  const bar = byTestId('phasebar');
  bar.replaceChildren(...text.order.map((name, index) => {
    const button = make('button', {
      text: text.phases[name].title,
      attrs: { type: 'button', 'data-phase': name, 'data-testid': `phase-${name}` },
    });
    if (name === phase) button.setAttribute('aria-current', 'step');
    button.disabled = busy;
    const item = make('li', { className: index < text.order.indexOf(phase) ? 'done' : '' });
    item.append(button);
    return item;
  }));
  byTestId('phase-title').textContent = text.phases[phase].title;
  byTestId('phase-now').textContent = text.phases[phase].now;
  const next = text.order[text.order.indexOf(phase) + 1];
  const nextButton = byTestId('next-phase');
  nextButton.textContent = next ? format(text.next_phase, { title: text.phases[next].title }) : text.no_next;
  nextButton.dataset.phase = next || '';
  nextButton.disabled = busy || !next;
  drawPanels();
}

function drawMentors() {
  const { progress, workshop } = state;
  const counts = new Map((state.mentors || []).map((m) => [m.id, m.values]));
  byTestId('mentor-count').textContent = format(text.mentor_count, { count: state.participants.length });
  byTestId('progress').textContent = format(text.progress, progress);
  byTestId('no-mentors').hidden = state.participants.length > 0;
  const table = byTestId('mentors');
  table.hidden = state.participants.length === 0;
  table.tBodies[0].replaceChildren(...state.participants.map((person) => {
    const values = counts.get(person.id) || 0;
    const row = make('tr', { attrs: { 'data-testid': 'mentor-row' } });
    row.append(
      make('td', { text: person.name, attrs: { 'data-testid': 'mentor-name' } }),
      make('td', {
        text: format(text.count, { count: values, max: workshop.values_per_person }),
        className: values >= progress.min_values ? 'ready' : '',
        attrs: { 'data-testid': 'mentor-values' },
      }),
    );
    return row;
  }));
}

function draw(next) {
  state = next;
  app.state = next;
  if (typeof next.workshop.submissions_open === 'boolean') app.submissionsOpen = next.workshop.submissions_open;
  panels.tools.countdown.set(next.timer ? next.timer.ends_at : null, next.now);
  byTestId('auth-error').hidden = true;
  byTestId('dashboard').hidden = false;
  byTestId('workshop-title').textContent = state.workshop.title;
  setText(byTestId('workshop-team'), state.workshop.team);
  document.title = `${state.workshop.title} · Mentorkompas`;
  drawLinks();
  drawPhase();
  drawMentors();
}

async function setPhase(phase) {
  if (!phase || busy || !live.ready) return;
  const error = byTestId('phase-error');
  setText(error, '');
  const left = state.workshop.phase; // the `phase` broadcast may arrive before the ack
  busy = true;
  drawPhase();
  try {
    const answer = await emitAck(live.socket, 'phase:set', { phase });
    if (answer.ok) {
      if (answer.phase !== left) panels.tools.phaseLeft();
      state.workshop.phase = answer.phase;
    } else setText(error, answer.message);
  } catch {
    setText(error, text.common.timeout);
  }
  busy = false;
  drawPhase();
}

async function copyLink(event) {
  const button = event.currentTarget;
  const input = byTestId('facilitator-link');
  let copied = false;
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(input.value);
      copied = true;
    }
  } catch {
    copied = false;
  }
  if (!copied) {
    // plain http on the LAN has no clipboard API: fall back to selecting and copying
    input.select();
    copied = document.execCommand('copy');
  }
  button.textContent = copied ? text.copied : text.copy;
  window.setTimeout(() => { button.textContent = text.copy; }, 2000);
}

if (!token) {
  refuse(text.no_token);
} else {
  store.set(tokenName, token);
  byTestId('phasebar').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-phase]');
    if (button) setPhase(button.dataset.phase);
  });
  byTestId('next-phase').addEventListener('click', (event) => setPhase(event.currentTarget.dataset.phase));
  byTestId('copy-link').addEventListener('click', copyLink);
  live = new Live({
    authenticate: (socket) => emitAck(socket, 'facilitate', { workshop_id: workshopId, token }),
    onState: draw,
    onStatus: showStatus,
    onAuthError: (answer) => retryUnlessForbidden(live, answer, {
      showStatus, refuse, forget: () => store.remove(tokenName),
    }),
    events: {
      phase: (payload) => {
        state.workshop.phase = payload.phase;
        drawPhase();
      },
      participants: (payload) => {
        state.participants = payload.participants;
        state.progress = payload.progress;
        drawMentors();
      },
      mentors: (payload) => {
        state.mentors = payload.mentors;
        drawMentors();
      },
      timer: (payload) => {
        state.timer = { ends_at: payload.ends_at };
        panels.tools.countdown.set(payload.ends_at, payload.now);
      },
      submissions: (payload) => {
        app.submissionsOpen = payload.open;
        panels.tools.drawSubmissions();
      },
      groups: (payload) => {
        state.groups = payload.groups;
        drawPanels();
      },
      themes: (payload) => {
        state.themes = payload.themes;
        drawPanels();
      },
      board: (payload) => {
        state.board = payload;
        drawPanels();
      },
      canvas: (payload) => {
        state.canvas = payload;
        drawPanels();
      },
      locked: (payload) => {
        state.workshop.locked = payload.locked;
        panels.manage.render();
      },
      deleted,
    },
  });
  app.live = live;
}
