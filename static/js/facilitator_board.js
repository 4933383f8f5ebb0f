// Facilitator: the mission board. Open and close the dot voting (dots per mentor, counts
// hidden from phones and projector until it closes), reword a draft, tick two or more drafts
// to combine them into one (the old ones stay as history with their votes), and adopt the
// mission, prefilled from a chosen draft. The adopted mission stays editable afterwards.

import { byTestId, format, localBoard, make } from './page.js';
import { actor, calmRedraw } from './facilitator_act.js';
import {
  EMPTY_BOARD, coversElement, historyItems, readabilityElement, drawUncovered, votesText, votingText,
} from './board_view.js';

const BOARD_PHASES = new Set(['mission', 'canvas', 'closed']);

export function boardPanel(app) {
  const common = app.text.board;
  const words = app.text.board_facilitator;
  const act = actor(app, 'board-error');
  const panel = byTestId('board-panel');
  const list = byTestId('drafts');
  const missionInput = byTestId('mission-input');
  const combineText = byTestId('combine-text');
  const selected = new Set(); // drafts ticked for combining
  let editing = null; // the draft whose wording is being edited
  let combineFor = ''; // the selection the combine text was prefilled for

  const board = () => localBoard(app.state.board) || EMPTY_BOARD;

  function draftItem(draft) {
    const item = make('li', { className: 'draft-box', attrs: { 'data-testid': 'draft', 'data-draft-id': draft.id } });
    const head = make('label', { className: 'draft-pick' });
    const tick = make('input', { attrs: { type: 'checkbox', 'data-draft-id': draft.id, 'data-testid': 'draft-select', 'aria-label': format(words.select_label, { text: draft.text }) } });
    tick.checked = selected.has(draft.id);
    head.append(tick, make('span', { text: votesText(draft.votes, common) ?? common.votes_hidden, className: 'votes', attrs: { 'data-testid': 'draft-votes' } }));
    head.append(make('span', { text: draft.author, className: 'muted small' }));
    item.append(head);
    if (editing === draft.id) {
      const form = make('form', { className: 'draft-edit', attrs: { 'data-draft-id': draft.id, 'data-testid': 'draft-edit-form' } });
      const input = make('textarea', { attrs: { rows: '3', 'data-testid': 'draft-edit-text', 'aria-label': format(words.edit_label, { text: draft.text }) } });
      input.value = draft.text;
      form.append(input, make('div', { className: 'actions' }));
      form.lastChild.append(
        make('button', { text: words.save, className: 'primary', attrs: { type: 'submit', 'data-testid': 'draft-edit-save' } }),
        make('button', { text: words.cancel, attrs: { type: 'button', 'data-action': 'cancel' } }),
      );
      item.append(form);
    } else {
      item.append(make('p', { text: draft.text, className: 'draft-text', attrs: { 'data-testid': 'draft-item-text' } }));
    }
    item.append(coversElement(draft, common), readabilityElement(draft.readability, common));
    const tools = make('div', { className: 'actions draft-tools' });
    if (editing !== draft.id) {
      tools.append(make('button', { text: words.edit, attrs: { type: 'button', 'data-action': 'edit', 'data-draft-id': draft.id, 'data-testid': 'draft-edit' } }));
    }
    tools.append(make('button', { text: words.choose, attrs: { type: 'button', 'data-action': 'choose', 'data-draft-id': draft.id, 'data-testid': 'draft-choose' } }));
    item.append(tools);
    return item;
  }

  function drawList() {
    const current = board();
    const live = new Set(current.drafts.map((draft) => draft.id));
    for (const id of [...selected]) if (!live.has(id)) selected.delete(id);
    if (editing && !live.has(editing)) editing = null;
    byTestId('board-empty').hidden = current.drafts.length > 0;
    list.replaceChildren(...current.drafts.map(draftItem));
    drawCombine();
  }
  const redrawList = calmRedraw(list, drawList);

  function drawCombine() {
    const chosen = board().drafts.filter((draft) => selected.has(draft.id));
    byTestId('combine-note').textContent = chosen.length < 2 ? words.combine_pick
      : format(words.combine_count, { count: chosen.length });
    byTestId('combine-form').hidden = chosen.length < 2;
    const key = chosen.map((draft) => draft.id).join(',');
    if (chosen.length >= 2 && key !== combineFor) {
      combineFor = key;
      combineText.value = chosen.map((draft) => draft.text).join(' ');
    }
  }

  function drawVoting() {
    const { voting } = board();
    const form = byTestId('voting-form');
    if (!form.contains(document.activeElement)) {
      byTestId('votes-per-person').value = String(voting.votes_per_person);
      byTestId('hide-counts').checked = voting.hide_counts;
    }
    const toggle = byTestId('voting-toggle');
    toggle.textContent = voting.open ? words.close_voting : words.open_voting;
    toggle.className = voting.open ? '' : 'primary';
    toggle.dataset.open = String(voting.open);
    byTestId('voting-state').textContent = votingText(board(), common);
  }

  function drawMission() {
    const { mission } = board();
    const now = byTestId('mission-now');
    now.replaceChildren();
    if (mission) {
      now.append(make('span', { text: words.mission_now, className: 'muted' }),
        make('p', { text: mission, className: 'mission-text', attrs: { 'data-testid': 'mission-adopted' } }));
    } else {
      now.append(make('p', { text: words.mission_none, className: 'muted' }));
    }
    if (!missionInput.value && document.activeElement !== missionInput && mission) missionInput.value = mission;
  }

  function render(phase) {
    panel.hidden = !BOARD_PHASES.has(phase);
    if (panel.hidden) return;
    byTestId('board-work').hidden = phase !== 'mission';
    drawMission();
    if (phase !== 'mission') return;
    drawVoting();
    drawUncovered(byTestId('board-uncovered'), board(), common);
    byTestId('board-history').hidden = board().history.length === 0;
    byTestId('board-history-list').replaceChildren(...historyItems(board(), common));
    redrawList();
  }

  function votesPerPerson() {
    const dots = Number(byTestId('votes-per-person').value);
    return Number.isInteger(dots) ? dots : board().voting.votes_per_person;
  }

  byTestId('voting-form').addEventListener('submit', (event) => {
    event.preventDefault();
    act('voting:set', {
      open: byTestId('voting-toggle').dataset.open !== 'true',
      votes_per_person: votesPerPerson(),
      hide_counts: byTestId('hide-counts').checked,
    });
  });
  byTestId('hide-counts').addEventListener('change', () => {
    // while voting is open the switch applies at once; when closed, with the next opening
    if (board().voting.open) {
      act('voting:set', { open: true, votes_per_person: votesPerPerson(), hide_counts: byTestId('hide-counts').checked });
    }
  });

  byTestId('adopt-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const text = missionInput.value.replace(/\s+/g, ' ').trim();
    if (!text) {
      missionInput.focus();
      return;
    }
    const answer = await act('mission:adopt', { text });
    if (answer && answer.ok) missionInput.value = answer.mission;
  });

  list.addEventListener('change', (event) => {
    const tick = event.target.closest('input[data-draft-id]');
    if (!tick) return;
    if (tick.checked) selected.add(tick.dataset.draftId);
    else selected.delete(tick.dataset.draftId);
    drawCombine();
  });
  list.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-action]');
    if (!button) return;
    const { action, draftId } = button.dataset;
    if (action === 'edit') {
      editing = draftId;
      drawList();
      const input = list.querySelector('[data-testid="draft-edit-text"]');
      if (input) input.focus();
    } else if (action === 'cancel') {
      editing = null;
      drawList();
    } else if (action === 'choose') {
      const draft = board().drafts.find((one) => one.id === draftId);
      if (!draft) return;
      missionInput.value = draft.text;
      missionInput.focus();
      missionInput.scrollIntoView({ block: 'center' });
    }
  });
  list.addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target;
    const text = form.querySelector('textarea').value.replace(/\s+/g, ' ').trim();
    if (!text) return;
    const answer = await act('draft:edit', { draft_id: form.dataset.draftId, text });
    if (answer && answer.ok) {
      editing = null;
      drawList();
    }
  });
  byTestId('combine').addEventListener('click', async () => {
    const ids = board().drafts.filter((draft) => selected.has(draft.id)).map((draft) => draft.id);
    const text = combineText.value.replace(/\s+/g, ' ').trim();
    if (ids.length < 2 || !text) return;
    const answer = await act('draft:combine', { draft_ids: ids, text });
    if (answer && answer.ok) {
      selected.clear();
      combineFor = '';
      combineText.value = '';
      drawList();
    }
  });

  return { render };
}
