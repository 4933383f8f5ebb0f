// One facilitator action: send the event, show the server's refusal (or the silence) in the
// panel's error line. The broadcast that follows a success redraws every screen.

import { byTestId, setText } from './page.js';
import { emitAck } from './socket.js';

/** A function (event, payload) → Promise of the ack or null, reporting into `errorTestId`. */
export function actor(app, errorTestId) {
  return async (event, payload) => {
    const error = byTestId(errorTestId);
    if (!app.live || !app.live.ready) {
      setText(error, app.text.common.offline);
      return null;
    }
    try {
      const answer = await emitAck(app.live.socket, event, payload);
      setText(error, answer.ok ? '' : answer.message);
      return answer;
    } catch {
      setText(error, app.text.common.timeout);
      return null;
    }
  };
}

/** Run `draw` now, or when the panel loses focus if someone is choosing or typing in it, so a
    broadcast never swaps a select or a text field from under the facilitator's hand. */
export function calmRedraw(panel, draw) {
  let waiting = false;
  panel.addEventListener('focusout', () => {
    window.setTimeout(() => {
      if (waiting && !busy()) {
        waiting = false;
        draw();
      }
    }, 0);
  });
  function busy() {
    const active = document.activeElement;
    // a ticked checkbox keeps its state in the panel's model: redrawing under it is harmless
    return panel.contains(active) && ['INPUT', 'SELECT', 'TEXTAREA'].includes(active.tagName)
      && active.type !== 'checkbox';
  }
  return () => {
    if (busy()) waiting = true;
    else draw();
  };
}
