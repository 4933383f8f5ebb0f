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

// What a control belongs to: the item whose id it (or an element around it) carries.
const OWNERS = ['data-value-id', 'data-participant-id', 'data-draft-id', 'data-goal-id',
  'data-period-id', 'data-vision-id', 'data-theme-id', 'data-canvas-id'];
const FOCUSABLE = 'button, select, input, textarea, [tabindex="0"]';

function ownerKey(element) {
  const owner = element.closest(OWNERS.map((name) => `[${name}]`).join(', '));
  const name = owner && OWNERS.find((one) => owner.hasAttribute(one));
  return name ? `${name}=${owner.getAttribute(name)}` : '';
}

/** The choices made in selects of `container` that a button has not applied yet, as
    [data-testid, owner, value]: a broadcast's redraw puts them back (the drawn option of each
    select is its default one). */
function pendingChoices(container) {
  return [...container.querySelectorAll('select')]
    .filter((select) => select.selectedOptions[0] && !select.selectedOptions[0].defaultSelected)
    .map((select) => [select.dataset.testid, ownerKey(select), select.value]);
}

function restoreChoices(container, choices) {
  for (const [testId, owner, value] of choices) {
    const select = [...container.querySelectorAll(`select[data-testid="${testId}"]`)]
      .find((element) => ownerKey(element) === owner);
    if (select && [...select.options].some((option) => option.value === value)) select.value = value;
  }
}

/** Run `draw`, which replaces what `container` holds, keep the choices not yet applied, and
    give the keyboard focus back to the same control of the same item (a moved value's select,
    a picked goal), else to another control of that item, else to the control at the same
    place: a redraw must not throw a keyboard user back to the top of the page. */
export function keepingFocus(container, draw) {
  const choices = pendingChoices(container);
  const active = document.activeElement;
  if (!active || active === container || !container.contains(active)) {
    draw();
    restoreChoices(container, choices);
    return;
  }
  const testId = active.dataset.testid;
  const owner = ownerKey(active);
  const alike = () => (testId ? [...container.querySelectorAll(`[data-testid="${testId}"]`)] : []);
  const place = alike().indexOf(active);
  draw();
  restoreChoices(container, choices);
  if (container.contains(active)) return; // not replaced
  const same = alike();
  const again = same.find((element) => owner && ownerKey(element) === owner)
    || (owner && [...container.querySelectorAll(FOCUSABLE)].find((element) => ownerKey(element) === owner))
    || same[Math.min(place, same.length - 1)];
  if (again) again.focus();
}

/** Run `draw` now, or when the panel loses focus if someone is choosing or typing in it, so a
    broadcast never swaps a select or a text field from under the facilitator's hand. The
    focus stays where it was (keepingFocus). */
export function calmRedraw(panel, draw) {
  const redraw = () => keepingFocus(panel, draw);
  let waiting = false;
  panel.addEventListener('focusout', () => {
    window.setTimeout(() => {
      if (waiting && !busy()) {
        waiting = false;
        redraw();
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
    else redraw();
  };
}
