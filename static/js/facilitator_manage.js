// Facilitator: close the workshop to new mentors (`workshop:lock`; those who joined keep
// their place), and delete the workshop with all its data (`DELETE /api/workshops/<id>` with
// the facilitator's token as a Bearer header). Deleted, the page forgets the token, and
// every phone and the projector hear `deleted`.

import { byTestId, setText, store } from './page.js';
import { actor } from './facilitator_act.js';

export function managePanel(app, { workshopId, token, tokenName, onDeleted }) {
  const text = app.text;
  const act = actor(app, 'manage-error');
  const toggle = byTestId('lock-toggle');

  function render() {
    const locked = Boolean(app.state && app.state.workshop.locked);
    byTestId('lock-state').textContent = locked ? text.locked : text.unlocked;
    toggle.textContent = locked ? text.unlock : text.lock;
    toggle.setAttribute('aria-pressed', String(locked));
  }

  toggle.addEventListener('click', async () => {
    const answer = await act('workshop:lock', { locked: !app.state.workshop.locked });
    if (answer && answer.ok) {
      app.state.workshop.locked = answer.locked;
      render();
    }
  });

  byTestId('workshop-delete').addEventListener('click', async () => {
    if (!window.confirm(text.confirm_delete)) return;
    const error = byTestId('manage-error');
    let response;
    try {
      response = await fetch(`/api/workshops/${encodeURIComponent(workshopId)}`, {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${token}` },
      });
    } catch {
      setText(error, text.delete_failed);
      return;
    }
    if (response.status === 204) {
      store.remove(tokenName);
      onDeleted();
      return;
    }
    let message = text.delete_failed;
    try {
      message = (await response.json()).message || message;
    } catch {
      // not JSON: keep the general message
    }
    setText(error, message);
  });

  return { render };
}
