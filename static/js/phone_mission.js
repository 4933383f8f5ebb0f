// The phone's mission board: write a draft mission (the shared themes as chips to tap), see
// every draft live with the themes it expresses and its readability, and spend dots while
// the facilitator has voting open. (phone.js shows the adopted mission on top.)
//
// A draft keeps its client id until the server answers, so a retry after a timeout never
// posts it twice. Dots left come from state.me.votes (kept up to date from each ack) on the
// drafts still on the board: combined drafts give their dots back.

import { byTestId, format, localBoard, localReadability, make, setText } from './page.js';
import { emitAck, newId } from './socket.js';
import {
  EMPTY_BOARD, coversElement, readabilityElement, sentencesText, drawUncovered,
  votesText, votingText,
} from './board_view.js';

const MAX_CHARS = 300;

export function missionScreen(app) {
  const common = app.text.board;
  const words = app.text.board_phone;
  const section = byTestId('mission-screen');
  const form = byTestId('draft-form');
  const textarea = byTestId('draft-text');
  const chips = byTestId('theme-chips');
  const list = byTestId('draft-list');
  const error = byTestId('draft-error');
  const voteError = byTestId('vote-error');
  const hints = byTestId('draft-hints');
  let pending = null; // {id, text} of a draft sent without an answer yet

  const board = () => localBoard(app.state.board) || EMPTY_BOARD;

  /** My dots per draft, on the drafts still on the board. */
  function myVotes() {
    const live = new Set(board().drafts.map((draft) => draft.id));
    const mine = app.state.me.votes || {};
    return Object.fromEntries(Object.entries(mine).filter(([id, dots]) => live.has(id) && dots > 0));
  }

  function dotsLeft() {
    const used = Object.values(myVotes()).reduce((sum, dots) => sum + dots, 0);
    return Math.max(board().voting.votes_per_person - used, 0);
  }

  function drawCount() {
    const count = [...textarea.value].length;
    const over = count > MAX_CHARS;
    byTestId('draft-count').textContent = format(over ? words.too_long : words.count, { count, max: MAX_CHARS });
    byTestId('draft-count').classList.toggle('over', over);
  }

  function drawChips() {
    const shared = (app.state.themes || []).filter((theme) => theme.shared);
    const key = shared.map((theme) => theme.label).join('\n');
    if (chips.dataset.key === key) return;
    chips.dataset.key = key;
    chips.replaceChildren(...shared.map((theme) => {
      const item = make('li');
      item.append(make('button', {
        text: theme.label,
        className: 'suggestion',
        attrs: { type: 'button', 'data-word': theme.label, 'data-testid': 'theme-chip' },
      }));
      return item;
    }));
  }

  function draftItem(draft, mine, voting) {
    const item = make('li', { className: 'draft', attrs: { 'data-testid': 'draft', 'data-draft-id': draft.id } });
    item.append(make('p', { text: draft.text, className: 'draft-text', attrs: { 'data-testid': 'draft-item-text' } }));
    item.append(make('p', { text: format(words.by, { author: draft.author }), className: 'muted small draft-author' }));
    item.append(coversElement(draft, common), readabilityElement(draft.readability, common));
    const foot = make('div', { className: 'draft-foot' });
    const votes = votesText(draft.votes, common);
    foot.append(make('span', {
      text: votes === null ? common.votes_hidden : votes,
      className: votes === null ? 'votes muted small' : 'votes',
      attrs: { 'data-testid': 'draft-votes' },
    }));
    const dots = mine[draft.id] || 0;
    if (dots) {
      foot.append(make('span', {
        text: `${'●'.repeat(dots)}`,
        className: 'my-dots',
        attrs: { 'data-testid': 'draft-mine', title: format(words.mine, { count: dots }), 'aria-label': format(words.mine, { count: dots }) },
      }));
    }
    if (voting) {
      const retract = make('button', {
        text: words.retract,
        className: 'dot-button',
        attrs: { type: 'button', 'data-vote': 'vote:retract', 'data-draft-id': draft.id, 'data-testid': 'vote-retract', 'aria-label': format(words.retract_label, { text: draft.text }) },
      });
      retract.disabled = dots === 0;
      const cast = make('button', {
        text: words.vote,
        className: 'dot-button primary',
        attrs: { type: 'button', 'data-vote': 'vote:cast', 'data-draft-id': draft.id, 'data-testid': 'vote-cast', 'aria-label': format(words.vote_label, { text: draft.text }) },
      });
      cast.disabled = dotsLeft() === 0;
      foot.append(retract, cast);
    }
    item.append(foot);
    return item;
  }

  function drawGroupChoice() {
    const { group } = app.state;
    byTestId('draft-group').hidden = !group;
    if (group) {
      byTestId('draft-group-label').textContent = group.name
        ? format(words.as_group_named, { number: group.number, name: group.name })
        : format(words.as_group, { number: group.number });
    }
  }

  function render(phase) {
    const current = board();
    const { mission } = current;
    section.hidden = phase !== 'mission';
    if (section.hidden) return;
    const voting = current.voting.open && !mission;
    form.hidden = Boolean(mission);
    if (!form.hidden) {
      drawChips();
      drawCount();
      drawGroupChoice();
    }
    const left = dotsLeft();
    setText(byTestId('votes-left'), voting
      ? format(left ? words.left : words.left_none, { left, max: current.voting.votes_per_person }) : '');
    byTestId('votes-left').classList.toggle('none', voting && left === 0);
    byTestId('board-voting').textContent = votingText(current, common);
    drawUncovered(byTestId('board-uncovered'), current, common);
    byTestId('board-empty').hidden = current.drafts.length > 0;
    const mine = myVotes();
    list.replaceChildren(...current.drafts.map((draft) => draftItem(draft, mine, voting)));
  }

  /** Put a theme's word into the draft where the cursor is, as a word of the sentence. */
  function insertWord(word) {
    const { value } = textarea;
    const start = textarea.selectionStart ?? value.length;
    const end = textarea.selectionEnd ?? value.length;
    const before = value.slice(0, start);
    const after = value.slice(end);
    const sentenceStart = /(^|[.!?]\s*)$/.test(before.trimEnd()) || before.trim() === '';
    let inserted = sentenceStart ? word : word.toLocaleLowerCase('nl');
    if (before && !/\s$/.test(before)) inserted = ` ${inserted}`;
    if (!after || !/^[\s.,!?;:]/.test(after)) inserted = `${inserted} `;
    textarea.value = before + inserted + after;
    const cursor = before.length + inserted.length;
    textarea.focus();
    textarea.setSelectionRange(cursor, cursor);
    drawCount();
  }

  function showHints(readability) {
    hints.replaceChildren(make('p', { text: words.posted }), make('p', { text: sentencesText(readability, common), className: 'small' }));
    for (const warning of readability.warnings) {
      hints.append(make('p', { text: warning, className: 'read-warning', attrs: { 'data-testid': 'draft-hint-warning' } }));
    }
    hints.hidden = false;
  }

  async function submit(event) {
    event.preventDefault();
    const text = textarea.value.replace(/\s+/g, ' ').trim();
    hints.hidden = true;
    if (!text) {
      setText(error, words.empty_text);
      textarea.focus();
      return;
    }
    const socket = app.socket();
    if (!socket) {
      setText(error, app.text.screen.offline_action);
      return;
    }
    if (!pending || pending.text !== text) pending = { id: newId(), text };
    const payload = { id: pending.id, text };
    if (!byTestId('draft-group').hidden && byTestId('draft-as-group').checked) payload.as_group = true;
    const button = byTestId('draft-add');
    button.disabled = true;
    try {
      const answer = await emitAck(socket, 'draft:add', payload);
      pending = null;
      if (answer.ok) {
        setText(error, '');
        textarea.value = '';
        byTestId('draft-as-group').checked = false;
        drawCount();
        showHints(localReadability(answer.hints));
      } else {
        setText(error, answer.message);
        textarea.setAttribute('aria-invalid', 'true');
      }
    } catch {
      setText(error, app.text.common.timeout); // `pending` keeps its id: a retry adds nothing
    }
    button.disabled = false;
  }

  async function vote(button) {
    const socket = app.socket();
    if (!socket) {
      setText(voteError, app.text.screen.offline_action);
      return;
    }
    const event = button.dataset.vote;
    const draftId = button.dataset.draftId;
    button.disabled = true;
    try {
      const answer = await emitAck(socket, event, { draft_id: draftId });
      if (answer.ok) {
        setText(voteError, '');
        const votes = { ...(app.state.me.votes || {}) };
        votes[draftId] = Math.max((votes[draftId] || 0) + (event === 'vote:cast' ? 1 : -1), 0);
        app.state.me.votes = votes;
        // the server counts every dot; when it sees another number, fetch the truth
        if (answer.votes_left !== dotsLeft()) app.live.requestSync();
      } else {
        setText(voteError, answer.message);
      }
    } catch {
      setText(voteError, app.text.common.timeout);
    }
    app.render();
  }

  form.addEventListener('submit', submit);
  textarea.addEventListener('input', () => {
    textarea.removeAttribute('aria-invalid');
    drawCount();
  });
  chips.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-word]');
    if (button) insertWord(button.dataset.word);
  });
  list.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-vote]');
    if (button) vote(button);
  });

  return { render };
}
