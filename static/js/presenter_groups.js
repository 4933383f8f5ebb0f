// The projector's groups overview: each group with its members, its own name for the common
// theme, and how many shared values it marked (the `groups` event). No value texts: those stay
// on the group's phones until the themes phase.

import { byTestId, format, make } from './page.js';
import { Pager } from './presenter_fit.js';

let pager = null;

export function drawGroups(groups, text) {
  const list = byTestId('group-cards');
  byTestId('groups-empty').hidden = groups.length > 0;
  list.replaceChildren(...groups.map((group) => {
    const card = make('li', { className: 'group-card', attrs: { 'data-testid': 'group-card' } });
    card.append(make('h2', { text: format(text.group, { number: group.number }), attrs: { 'data-testid': 'group-card-title' } }));
    if (group.name) card.append(make('p', { text: `“${group.name}”`, className: 'group-card-name', attrs: { 'data-testid': 'group-card-name' } }));
    const members = make('ul', { className: 'group-card-members' });
    members.append(...group.members.map((member) => make('li', { text: member.name })));
    card.append(members);
    card.append(make('p', {
      text: group.marked === 1 ? text.group_marked_one : format(text.group_marked, { count: group.marked }),
      className: `group-card-marked${group.marked ? ' some' : ''}`,
      attrs: { 'data-testid': 'group-card-marked' },
    }));
    return card;
  }));
  // a few groups get larger cards; many take turns in pages of what fits the screen
  list.dataset.size = groups.length > 4 ? 'small' : 'large';
  pager = pager || new Pager(list, byTestId('groups-pager'));
  pager.update();
}
