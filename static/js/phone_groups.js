// The phone's groups screen: the members of my group with their values. Any member marks a
// value the group shares (`value:mark`) and names the group's common theme (`group:name`);
// the server sends the group's new picture (`group`) to every member, so all phones agree.

import { byTestId, format, make, setText } from './page.js';
import { emitAck } from './socket.js';

export function groupScreen(app) {
  const words = app.text.screen;
  const section = byTestId('group-screen');
  const members = byTestId('group-members');
  const nameForm = byTestId('group-name-form');
  const nameInput = byTestId('group-name-input');
  const error = byTestId('group-error');

  function valueItem(value, owner) {
    const item = make('li', {
      className: value.marked ? 'marked' : '',
      attrs: { 'data-testid': 'group-value', 'data-value-id': value.id },
    });
    const body = make('div', { className: 'value-body' });
    body.append(make('span', { text: value.text, className: 'value-text', attrs: { 'data-testid': 'group-value-text' } }));
    if (value.why) body.append(make('span', { text: value.why, className: 'value-why' }));
    const button = make('button', {
      text: value.marked ? words.marked : words.mark,
      className: 'mark',
      attrs: {
        type: 'button',
        'aria-pressed': String(Boolean(value.marked)),
        'aria-label': format(words.mark_label, { text: value.text, name: owner }),
        'data-value-id': value.id,
        'data-testid': 'group-value-mark',
      },
    });
    item.append(body, button);
    return item;
  }

  function memberItem(member, me) {
    const item = make('li', { className: 'member', attrs: { 'data-testid': 'group-member' } });
    const name = make('h3');
    name.append(make('span', { text: member.name, attrs: { 'data-testid': 'group-member-name' } }));
    if (member.id === me) name.append(' ', make('span', { text: words.you, className: 'muted' }));
    item.append(name);
    if (member.values.length === 0) {
      item.append(make('p', { text: words.no_values_yet, className: 'muted small' }));
    } else {
      const list = make('ul', { className: 'values group-values' });
      list.append(...member.values.map((value) => valueItem(value, member.name)));
      item.append(list);
    }
    return item;
  }

  function render(visible) {
    section.hidden = !visible;
    if (!visible) return;
    const { group, me } = app.state;
    if (!group) {
      byTestId('group-title').textContent = words.no_group;
      members.replaceChildren();
      nameForm.hidden = true;
      return;
    }
    byTestId('group-title').textContent = format(words.group_title, { number: group.number });
    members.replaceChildren(...group.members.map((member) => memberItem(member, me.participant_id)));
    nameForm.hidden = false;
    byTestId('group-name').textContent = group.name
      ? format(words.group_name_now, { name: group.name }) : words.group_name_none;
    byTestId('group-name').classList.toggle('muted', !group.name);
  }

  /** Send one group action; the `group` broadcast redraws every member's phone. */
  async function send(event, payload) {
    const socket = app.socket();
    if (!socket) {
      setText(error, words.offline_action);
      return null;
    }
    try {
      const answer = await emitAck(socket, event, payload);
      setText(error, answer.ok ? '' : answer.message);
      return answer;
    } catch {
      setText(error, app.text.common.timeout);
      return null;
    }
  }

  members.addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-value-id]');
    if (!button) return;
    button.disabled = true;
    const marked = button.getAttribute('aria-pressed') !== 'true';
    await send('value:mark', { value_id: button.dataset.valueId, marked });
    button.disabled = false;
  });

  nameForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const name = nameInput.value.replace(/\s+/g, ' ').trim();
    if (!name) return;
    const answer = await send('group:name', { name });
    if (answer && answer.ok) {
      nameInput.value = '';
      if (app.state.group) app.state.group.name = answer.name;
      render(true);
    }
  });

  return { render };
}
