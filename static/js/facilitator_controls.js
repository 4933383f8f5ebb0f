// Facilitator: the countdown (timer:set) every screen shows, and opening or closing the
// adding of values (submissions:set), which phones show at once.

import { byTestId } from './page.js';
import { Countdown } from './timer.js';
import { actor } from './facilitator_act.js';

export function toolsPanel(app) {
  const words = app.text.web;
  const act = actor(app, 'tools-error');
  const countdown = new Countdown([byTestId('timer')], app.text.timer);
  const toggle = byTestId('submissions-toggle');

  function drawSubmissions() {
    const open = app.submissionsOpen;
    byTestId('submissions-state').textContent = open ? words.submissions_open : words.submissions_closed;
    toggle.textContent = open ? words.close_submissions : words.open_submissions;
    toggle.dataset.open = String(open);
  }

  byTestId('timer-buttons').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-seconds]');
    if (button) act('timer:set', { seconds: Number(button.dataset.seconds) });
  });
  toggle.addEventListener('click', async () => {
    const answer = await act('submissions:set', { open: !app.submissionsOpen });
    if (answer && answer.ok) {
      app.submissionsOpen = answer.open;
      drawSubmissions();
    }
  });

  return {
    countdown,
    drawSubmissions,
    /** A countdown that ran out belongs to the phase it was meant for: leaving that phase
        stops it on every screen, so the next phase does not open with "De tijd is om". A
        running one keeps counting: the facilitator may time across a change of phase. */
    phaseLeft() {
      if (countdown.ranOut) act('timer:set', { seconds: 0 });
    },
    /** Only the value phases need these controls' second row, the timer serves every phase. */
    render(phase) {
      toggle.closest('.tool').hidden = !['reflect', 'groups', 'themes'].includes(phase);
      drawSubmissions();
    },
  };
}
