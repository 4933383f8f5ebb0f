// Facilitator: the small groups. The server forms them on entering the groups phase (or on
// `groups:form`); the facilitator moves a mentor with the select and button beside the name,
// or by dragging the name onto another group (`group:move`). Shown up to the groups phase.

import { byTestId, format, make } from './page.js';
import { actor, calmRedraw } from './facilitator_act.js';

const GROUP_PHASES = new Set(['lobby', 'reflect', 'groups']);
const CONFIRM_MS = 5000;

export function groupsPanel(app) {
  const words = app.text.web;
  const act = actor(app, 'groups-error');
  const panel = byTestId('groups-panel');
  const list = byTestId('groups');
  const formButton = byTestId('groups-form');
  let confirming = null; // the timer of a pending "click again to confirm"

  function memberItem(member, number, count) {
    const item = make('li', {
      className: 'member-row',
      attrs: { draggable: 'true', 'data-participant-id': member.id, 'data-testid': 'group-member' },
    });
    item.append(make('span', { text: member.name, className: 'member-name', attrs: { 'data-testid': 'group-member-name' } }));
    // the button applies the choice: arrowing through the options fires `change` at each step
    const move = make('form', { className: 'inline-row', attrs: { 'data-participant-id': member.id, 'data-from-group': String(number), 'data-testid': 'group-move-form' } });
    const select = make('select', {
      attrs: { 'data-testid': 'group-move', 'aria-label': `${words.move_to}: ${member.name}` },
    });
    for (let target = 1; target <= count + 1; target += 1) {
      const option = make('option', {
        text: target <= count ? format(words.group, { number: target }) : words.new_group,
        attrs: { value: String(target) },
      });
      option.defaultSelected = target === number; // a choice not yet applied differs from it
      select.append(option);
    }
    move.append(select, make('button', {
      text: words.move, attrs: { type: 'submit', 'aria-label': format(words.move_label, { text: member.name }), 'data-testid': 'group-move-go' },
    }));
    item.append(move);
    return item;
  }

  function draw() {
    const groups = app.state.groups || [];
    byTestId('groups-none').hidden = groups.length > 0;
    formButton.textContent = groups.length ? words.reform_groups : words.form_groups;
    list.replaceChildren(...groups.map((group) => {
      const card = make('li', { className: 'group-box', attrs: { 'data-group': String(group.number), 'data-testid': 'group' } });
      const head = make('div', { className: 'group-box-head' });
      head.append(make('strong', { text: format(words.group, { number: group.number }) }));
      if (group.name) head.append(make('span', { text: `“${group.name}”`, className: 'group-box-name' }));
      head.append(make('span', { text: format(words.group_marked, { count: group.marked }), className: 'muted small' }));
      const members = make('ul', { className: 'member-rows' });
      members.append(...group.members.map((member) => memberItem(member, group.number, groups.length)));
      card.append(head, members);
      return card;
    }));
  }
  const redraw = calmRedraw(panel, draw);

  async function move(participantId, group) {
    await act('group:move', { participant_id: participantId, group });
  }

  formButton.addEventListener('click', async () => {
    const formed = (app.state.groups || []).length > 0;
    if (formed && !confirming) {
      // forming again deals everyone anew and drops the groups' names: ask once more
      formButton.textContent = words.confirm_reform;
      confirming = window.setTimeout(() => {
        confirming = null;
        formButton.textContent = words.reform_groups;
      }, CONFIRM_MS);
      return;
    }
    window.clearTimeout(confirming);
    confirming = null;
    await act('groups:form', {});
    formButton.textContent = words.reform_groups;
  });
  list.addEventListener('submit', (event) => {
    event.preventDefault();
    const form = event.target;
    const group = Number(form.querySelector('select').value);
    form.reset(); // the broadcast redraws the mentor where the server put them
    if (group !== Number(form.dataset.fromGroup)) move(form.dataset.participantId, group);
  });
  list.addEventListener('dragstart', (event) => {
    const row = event.target.closest('[data-participant-id]');
    if (row) event.dataTransfer.setData('text/x-participant', row.dataset.participantId);
  });
  list.addEventListener('dragover', (event) => {
    if (event.target.closest('[data-group]') && event.dataTransfer.types.includes('text/x-participant')) {
      event.preventDefault();
    }
  });
  list.addEventListener('drop', (event) => {
    const card = event.target.closest('[data-group]');
    const participantId = event.dataTransfer.getData('text/x-participant');
    if (!card || !participantId) return;
    event.preventDefault();
    move(participantId, Number(card.dataset.group));
  });

  return {
    render(phase) {
      panel.hidden = !GROUP_PHASES.has(phase);
      if (!panel.hidden) redraw();
    },
  };
}
