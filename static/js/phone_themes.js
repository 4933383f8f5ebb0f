// The phone's themes screen: the team's values web as a list (the compact `themes` event),
// and "dit herken ik" once per theme; the count each theme has comes back with the web.

import { byTestId, format, make, setText, wordLabel } from './page.js';
import { emitAck } from './socket.js';

export function themesScreen(app) {
  const { web } = app.text;
  const words = app.text.screen;
  const section = byTestId('themes-screen');
  const list = byTestId('theme-list');
  const error = byTestId('themes-error');

  function themeItem(theme, recognised) {
    const mine = recognised.has(theme.id);
    const item = make('li', {
      className: `theme${theme.shared ? ' shared' : ''}`,
      attrs: { 'data-testid': 'theme-item', 'data-theme-id': theme.id },
    });
    const head = make('div', { className: 'theme-head' });
    head.append(make('h3', { text: theme.label, attrs: { 'data-testid': 'theme-item-label' } }));
    head.append(make('span', {
      text: theme.participants === 1 ? web.mentors_one : format(web.mentors, { count: theme.participants }),
      className: 'theme-count',
    }));
    item.append(head);
    const chips = make('ul', { className: 'chips' });
    chips.append(...theme.words.map((word) => make('li', { text: wordLabel(word, web) })));
    item.append(chips);
    const foot = make('div', { className: 'theme-foot' });
    foot.append(make('span', {
      text: format(words.recognised, { count: theme.recognised }),
      className: 'muted',
      attrs: { 'data-testid': 'theme-recognised' },
    }));
    if (theme.marked) foot.append(make('span', { text: format(web.marked, { count: theme.marked }), className: 'muted' }));
    const button = make('button', {
      text: mine ? words.recognised_me : words.recognise,
      className: 'recognise',
      attrs: {
        type: 'button',
        'aria-pressed': String(mine),
        'data-theme-id': theme.id,
        'data-testid': 'theme-recognise',
      },
    });
    button.disabled = mine;
    foot.append(button);
    item.append(foot);
    return item;
  }

  function render(visible) {
    section.hidden = !visible;
    if (!visible) return;
    const themes = app.state.themes || [];
    const recognised = new Set(app.state.me.recognised || []);
    byTestId('themes-empty').hidden = themes.length > 0;
    list.replaceChildren(...themes.map((theme) => themeItem(theme, recognised)));
  }

  list.addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-theme-id]');
    if (!button) return;
    const socket = app.socket();
    if (!socket) {
      setText(error, words.offline_action);
      return;
    }
    button.disabled = true;
    const themeId = button.dataset.themeId;
    try {
      const answer = await emitAck(socket, 'theme:recognise', { theme_id: themeId });
      if (answer.ok) {
        const mine = app.state.me.recognised || [];
        if (!mine.includes(themeId)) app.state.me.recognised = [...mine, themeId];
        setText(error, '');
      } else {
        setText(error, answer.message);
      }
    } catch {
      setText(error, app.text.common.timeout);
    }
    app.render();
  });

  return { render };
}
