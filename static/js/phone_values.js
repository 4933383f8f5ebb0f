// The phone's own values (reflect, and for latecomers in groups and themes): the question,
// a text field with suggestions from the value deck, the list with remove buttons, the count.
//
// Values go through the Outbox: shown at once as "wordt verstuurd…", kept in localStorage,
// and sent (again) until the server acknowledges them; the client id makes repeats harmless.

import { byTestId, format, make, setText } from './page.js';
import { emitAck, newId } from './socket.js';
import { fold, suggest } from './suggest.js';

const VALUE_PHASES = new Set(['reflect', 'groups', 'themes']);
const RETRY_MS = 4000;

export function valuesScreen(app) {
  const { text } = app;
  const deckBlock = document.getElementById('deck');
  const deck = deckBlock ? JSON.parse(deckBlock.textContent) : [];
  const form = byTestId('value-form');
  const valueText = byTestId('value-text');
  const valueWhy = byTestId('value-why');
  const valueError = byTestId('value-error');
  const valueList = byTestId('value-list');
  const suggestions = byTestId('value-suggestions');
  let retryTimer = null;

  function myValues() {
    const confirmed = app.state.me.values.map((value) => ({ ...value, pending: false }));
    const known = new Set(confirmed.map((value) => value.client_id));
    const pending = app.outbox.items.filter((item) => !known.has(item.id))
      .map((item) => ({ id: item.id, text: item.text, why: item.why || '', pending: true }));
    return [...confirmed, ...pending];
  }

  function valueItem(value, editable) {
    const item = make('li', { className: value.pending ? 'pending' : '', attrs: { 'data-testid': 'value-item' } });
    const body = make('div', { className: 'value-body' });
    body.append(make('span', { text: value.text, className: 'value-text', attrs: { 'data-testid': 'value-item-text' } }));
    if (value.why) body.append(make('span', { text: value.why, className: 'value-why' }));
    item.append(body);
    if (value.pending) {
      item.append(make('span', { text: text.pending, className: 'sending', attrs: { 'data-testid': 'value-pending' } }));
    } else if (editable) {
      item.append(make('button', {
        text: text.remove,
        className: 'remove',
        attrs: {
          type: 'button',
          'data-value-id': value.id,
          'data-testid': 'value-remove',
          'aria-label': format(text.remove_label, { text: value.text }),
        },
      }));
    }
    return item;
  }

  function render(phase) {
    const { workshop } = app.state;
    const editable = VALUE_PHASES.has(phase);
    const open = editable && app.submissionsOpen;
    const values = myValues();
    const max = workshop.values_per_person;
    byTestId('values-screen').hidden = !editable;
    // in groups and themes the form is for latecomers and second thoughts: it comes last
    byTestId('values-screen').classList.toggle('later', phase !== 'reflect');
    form.hidden = !open;
    byTestId('submissions-closed').hidden = !editable || app.submissionsOpen;
    byTestId('my-values').hidden = values.length === 0;
    valueList.replaceChildren(...values.map((value) => valueItem(value, editable)));
    byTestId('value-count').textContent = format(text.count, { count: values.length, max });
    let hint = text.hint_full;
    if (values.length < workshop.min_values) hint = format(text.hint_more, { min: workshop.min_values });
    else if (values.length < max) hint = format(text.hint_enough, { max });
    setText(byTestId('value-hint'), open ? hint : '');
    byTestId('value-add').disabled = values.length >= max;
    if (!open) showSuggestions([]);
  }

  /** Values the server already has are no longer pending (their ack may have been lost). */
  function settle() {
    const known = new Set(app.state.me.values.map((value) => value.client_id));
    for (const item of app.outbox.items) if (known.has(item.id)) app.outbox.drop(item.id);
  }

  // ---- suggestions -----------------------------------------------------------------------

  function showSuggestions(words) {
    suggestions.replaceChildren(...words.map((word) => {
      const item = make('li');
      item.append(make('button', {
        text: word,
        className: 'suggestion',
        attrs: { type: 'button', 'data-word': word, 'data-testid': 'value-suggestion' },
      }));
      return item;
    }));
    // a text box may not carry aria-expanded (axe: aria-allowed-attr); the list follows it in
    // reading order and aria-controls points to it
    suggestions.hidden = words.length === 0;
  }

  function typed() {
    if (!app.state) return;
    const taken = new Set(myValues().map((value) => fold(value.text)));
    showSuggestions(suggest(deck, valueText.value, taken));
  }

  function take(word) {
    valueText.value = word;
    showSuggestions([]);
    valueWhy.focus();
  }

  // ---- sending ---------------------------------------------------------------------------

  function sendValue(item) {
    const payload = { id: item.id, text: item.text };
    if (item.why) payload.why = item.why;
    return emitAck(app.live.socket, 'value:add', payload);
  }

  function answered(item, answer) {
    if (answer.ok) {
      if (!app.state.me.values.some((value) => value.client_id === item.id)) {
        app.state.me.values.push({ id: answer.value_id, client_id: item.id, text: item.text, why: item.why || '' });
      }
    } else {
      if (answer.error === 'closed') app.submissionsOpen = false;
      setText(valueError, answer.message);
    }
    app.render();
  }

  async function flush() {
    window.clearTimeout(retryTimer);
    const { live, outbox } = app;
    if (!live || !live.ready || !outbox || outbox.items.length === 0) return;
    const done = await outbox.flush(sendValue, {
      onAnswer: answered,
      // this connection lost its role (a server restart): join again, which flushes again
      keep: (answer) => answer.error === 'not_joined',
    });
    if (done === false && app.outbox && app.outbox.items.length) {
      if (app.live && app.live.ready) retryTimer = window.setTimeout(flush, RETRY_MS);
    }
  }

  function submit(event) {
    event.preventDefault();
    const value = valueText.value.replace(/\s+/g, ' ').trim();
    const why = valueWhy.value.replace(/\s+/g, ' ').trim();
    if (!value) {
      setText(valueError, text.value_missing);
      valueText.focus();
      return;
    }
    const values = myValues();
    if (values.some((other) => other.text.toLocaleLowerCase() === value.toLocaleLowerCase())) {
      setText(valueError, text.value_duplicate);
      return;
    }
    if (values.length >= app.state.workshop.values_per_person) {
      setText(valueError, text.hint_full);
      return;
    }
    setText(valueError, '');
    app.outbox.put({ id: newId(), text: value, why });
    valueText.value = '';
    valueWhy.value = '';
    showSuggestions([]);
    valueText.focus();
    app.render();
    flush();
  }

  async function remove(button) {
    const socket = app.socket();
    if (!socket) {
      setText(valueError, text.remove_offline);
      return;
    }
    const valueId = button.dataset.valueId;
    button.disabled = true;
    try {
      const answer = await emitAck(socket, 'value:remove', { value_id: valueId });
      if (answer.ok) {
        app.state.me.values = app.state.me.values.filter((value) => value.id !== valueId);
        setText(valueError, '');
      } else {
        setText(valueError, answer.message);
      }
    } catch {
      setText(valueError, text.remove_offline);
    }
    app.render();
  }

  form.addEventListener('submit', submit);
  valueText.addEventListener('input', typed);
  valueText.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') showSuggestions([]);
  });
  suggestions.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-word]');
    if (button) take(button.dataset.word);
  });
  valueList.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-value-id]');
    if (button) remove(button);
  });

  return { render, settle, flush };
}
