// Facilitator: the values web to correct. Buttons and selects do every correction; dragging
// is a shortcut (a value onto a theme moves it, a theme's head onto another theme merges).
// Each correction is saved by the server and broadcast; the web redraws from that broadcast.
// During reflection and groups this is a private preview: the projector does not show it.

import { byTestId, format, make, wordLabel } from './page.js';
import { actor, calmRedraw } from './facilitator_act.js';

const THEME_PHASES = new Set(['reflect', 'groups', 'themes']);
const NEW_THEME = '';

export function themesPanel(app) {
  const words = app.text.web;
  const act = actor(app, 'themes-error');
  const panel = byTestId('themes-panel');
  const list = byTestId('themes');

  /** The drawn choice is the select's default one, so a choice not yet applied can be told
      apart (and survives a redraw, see keepingFocus). */
  function option(value, label, selected = false) {
    const element = make('option', { text: label, attrs: { value } });
    element.defaultSelected = selected;
    return element;
  }

  function valueItem(value, theme, themes) {
    const item = make('li', {
      className: 'theme-value',
      attrs: { draggable: 'true', 'data-value-id': value.id, 'data-testid': 'theme-value' },
    });
    item.append(make('span', { text: value.text, attrs: { 'data-testid': 'theme-value-text' } }));
    // placed by what an earlier workshop on this server taught; moving it makes it this team's
    if (value.learned) item.append(make('span', { text: words.learned, className: 'muted small', attrs: { 'data-testid': 'value-learned' } }));
    // choosing moves nothing yet: arrowing through a select's options fires `change` at every
    // step, so a keyboard user would move the value to each theme on the way; the button applies
    const move = make('form', { className: 'inline-row', attrs: { 'data-value-id': value.id, 'data-testid': 'value-move-form' } });
    const select = make('select', {
      attrs: { 'data-testid': 'value-move', 'aria-label': format(words.move_value, { text: value.text }) },
    });
    select.append(...themes.map((other) => option(other.id, other.label, other.id === theme.id)));
    select.append(option(NEW_THEME, words.new_theme));
    move.append(select, make('button', {
      text: words.move, attrs: { type: 'submit', 'aria-label': format(words.move_label, { text: value.text }), 'data-testid': 'value-move-go' },
    }));
    item.append(move);
    return item;
  }

  function themeCard(theme, themes) {
    const card = make('li', {
      className: `theme-box${theme.shared ? ' shared' : ''}${theme.hidden ? ' is-hidden' : ''}`,
      attrs: { 'data-theme-id': theme.id, 'data-testid': 'theme' },
    });
    const head = make('div', { className: 'theme-box-head', attrs: { draggable: 'true', 'data-drag-theme': theme.id } });
    head.append(make('strong', { text: theme.label, attrs: { 'data-testid': 'theme-label' } }));
    const meta = [theme.participants === 1 ? words.mentors_one : format(words.mentors, { count: theme.participants })];
    if (theme.shared) meta.push(words.shared);
    if (theme.hidden) meta.push(words.hidden);
    head.append(make('span', { text: meta.join(' · '), className: 'muted small', attrs: { 'data-testid': 'theme-meta' } }));
    head.append(make('span', { text: theme.words.map((word) => wordLabel(word, app.text.web)).join(', '), className: 'theme-words small' }));
    card.append(head);

    const values = make('ul', { className: 'theme-values' });
    values.append(...theme.values.map((value) => valueItem(value, theme, themes)));
    card.append(values);

    const tools = make('div', { className: 'theme-tools' });
    const rename = make('form', { className: 'inline-row', attrs: { 'data-theme-id': theme.id, 'data-testid': 'theme-rename-form' } });
    rename.append(
      make('input', { attrs: { maxlength: '60', placeholder: theme.label, 'aria-label': format(words.rename_label, { label: theme.label }), 'data-testid': 'theme-rename-input' } }),
      make('button', { text: words.rename, attrs: { type: 'submit', 'data-testid': 'theme-rename' } }),
    );
    const merge = make('div', { className: 'inline-row' });
    const target = make('select', { attrs: { 'aria-label': words.merge_into, 'data-testid': 'theme-merge-target' } });
    target.append(option('', words.merge_into, true), ...themes.filter((other) => other.id !== theme.id)
      .map((other) => option(other.id, other.label)));
    merge.append(target, make('button', {
      text: words.merge, attrs: { type: 'button', 'data-action': 'merge', 'data-theme-id': theme.id, 'data-testid': 'theme-merge' },
    }));
    const hide = make('button', {
      text: theme.hidden ? words.show : words.hide,
      attrs: { type: 'button', 'data-action': 'hide', 'data-theme-id': theme.id, 'data-hidden': String(theme.hidden), 'data-testid': 'theme-hide' },
    });
    tools.append(rename, merge, hide);
    card.append(tools);
    return card;
  }

  function draw() {
    const themes = app.state.themes || [];
    byTestId('themes-none').hidden = themes.length > 0;
    list.replaceChildren(...themes.map((theme) => themeCard(theme, themes)));
  }
  const redraw = calmRedraw(panel, draw);

  const cardOf = (element) => element.closest('[data-testid="theme"]');

  function moveValue(valueId, themeId) {
    if (themeId === NEW_THEME) return act('theme:split', { value_ids: [valueId] });
    return act('theme:move', { value_id: valueId, theme_id: themeId });
  }

  list.addEventListener('submit', (event) => {
    event.preventDefault();
    const form = event.target;
    if (form.dataset.valueId) {
      const target = form.querySelector('select').value;
      form.reset(); // back to the value's theme until the broadcast says where it is now
      if (target !== cardOf(form).dataset.themeId) moveValue(form.dataset.valueId, target);
      return;
    }
    const input = form.querySelector('input');
    const label = input.value.replace(/\s+/g, ' ').trim();
    if (!label) return;
    input.value = '';
    form.querySelector('button').focus(); // off the field, so the broadcast may redraw
    act('theme:rename', { theme_id: form.dataset.themeId, label });
  });
  list.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-action]');
    if (!button) return;
    const themeId = button.dataset.themeId;
    if (button.dataset.action === 'hide') {
      act('theme:hide', { theme_id: themeId, hidden: button.dataset.hidden !== 'true' });
    } else if (button.dataset.action === 'merge') {
      const into = button.parentElement.querySelector('select').value;
      if (into) act('theme:merge', { theme_id: themeId, into_id: into });
    }
  });
  list.addEventListener('dragstart', (event) => {
    const value = event.target.closest('[data-value-id]');
    const theme = event.target.closest('[data-drag-theme]');
    if (value) event.dataTransfer.setData('text/x-value', value.dataset.valueId);
    else if (theme) event.dataTransfer.setData('text/x-theme', theme.dataset.dragTheme);
  });
  list.addEventListener('dragover', (event) => {
    const types = event.dataTransfer.types;
    if (event.target.closest('[data-testid="theme"]') && (types.includes('text/x-value') || types.includes('text/x-theme'))) {
      event.preventDefault();
    }
  });
  list.addEventListener('drop', (event) => {
    const card = event.target.closest('[data-testid="theme"]');
    if (!card) return;
    event.preventDefault();
    const valueId = event.dataTransfer.getData('text/x-value');
    const themeId = event.dataTransfer.getData('text/x-theme');
    if (valueId) moveValue(valueId, card.dataset.themeId);
    else if (themeId && themeId !== card.dataset.themeId) {
      act('theme:merge', { theme_id: themeId, into_id: card.dataset.themeId });
    }
  });

  return {
    render(phase) {
      panel.hidden = !THEME_PHASES.has(phase);
      byTestId('themes-note').textContent = phase === 'themes' ? words.themes_live : words.themes_preview;
      if (!panel.hidden) redraw();
    },
  };
}
