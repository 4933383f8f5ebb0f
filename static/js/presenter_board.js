// The projector's mission board: every draft with the shared themes it expresses, its dots
// (or that they stay hidden until voting closes) and plain readability warnings, the themes
// no draft covers yet, and, once the facilitator adopts it, the mission alone, large.

import { byTestId, localBoard, make, setText } from './page.js';
import { EMPTY_BOARD, coversElement, drawUncovered, votesText, votingText } from './board_view.js';
import { Pager } from './presenter_fit.js';

const MAX_DOTS_DRAWN = 30;
let pager = null;
let seen = null; // draft id → its text, to find the draft that is new or reworded since the last draw

function draftCard(draft, words) {
  const card = make('li', { className: 'draft-card', attrs: { 'data-testid': 'draft-card', 'data-draft-id': draft.id } });
  card.append(make('p', { text: draft.text, className: 'draft-card-text', attrs: { 'data-testid': 'draft-card-text' } }));
  card.append(coversElement(draft, words));
  const foot = make('div', { className: 'draft-card-foot' });
  const votes = votesText(draft.votes, words);
  if (votes === null) {
    foot.append(make('span', { text: words.votes_hidden, className: 'draft-card-votes hidden-count', attrs: { 'data-testid': 'draft-card-votes' } }));
  } else {
    const line = make('span', { className: 'draft-card-votes', attrs: { 'data-testid': 'draft-card-votes' } });
    if (draft.votes) line.append(make('span', { text: '●'.repeat(Math.min(draft.votes, MAX_DOTS_DRAWN)), className: 'dots', attrs: { 'aria-hidden': 'true' } }), ' ');
    line.append(votes);
    foot.append(line);
  }
  foot.append(make('span', { text: draft.author, className: 'draft-card-author' }));
  card.append(foot);
  for (const warning of draft.readability.warnings) {
    card.append(make('p', { text: warning, className: 'read-warning', attrs: { 'data-testid': 'draft-card-warning' } }));
  }
  return card;
}

/** Draw the board, or the adopted mission, on the stage. */
export function drawBoard(board, words) {
  const current = localBoard(board) || EMPTY_BOARD;
  const mission = current.mission;
  byTestId('mission-big').hidden = !mission;
  byTestId('board-live').hidden = Boolean(mission);
  byTestId('mission-big-text').textContent = mission || '';
  if (mission) {
    byTestId('mission-big').dataset.size = missionSize(mission);
    return;
  }
  byTestId('board-voting').textContent = current.drafts.length ? votingText(current, words) : '';
  drawUncovered(byTestId('board-uncovered'), current, words);
  byTestId('board-empty').hidden = current.drafts.length > 0;
  const list = byTestId('draft-cards');
  list.replaceChildren(...current.drafts.map((draft) => draftCard(draft, words)));
  // a few drafts get larger type; many take turns in pages of what fits the screen
  list.dataset.size = current.drafts.length > 4 ? 'small' : 'large';
  setText(byTestId('board-history'), current.history.length
    ? `${words.history}: ${current.history.map((old) => `“${old.text}”`).join(' · ')}` : '');
  pager = pager || new Pager(list, byTestId('board-pager'));
  const changed = seen ? current.drafts.findLastIndex((draft) => seen.get(draft.id) !== draft.text) : -1;
  seen = new Map(current.drafts.map((draft) => [draft.id, draft.text]));
  pager.update(changed >= 0 ? changed : null);
}

/** The mission text scaled to the stage: a short mission gets larger letters. */
function missionSize(text) {
  const length = (text || '').length;
  return length > 200 ? 'small' : length > 110 ? 'medium' : 'large';
}
