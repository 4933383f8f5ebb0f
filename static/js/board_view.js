// Pieces of the mission board every screen draws the same way: a draft's votes, the themes it
// expresses, its readability (counts and plain warnings, no scores), the uncovered themes and
// the voting line. `words` is the page's `board` strings block (_board_strings.html, common).

import { format, make } from './page.js';

/** An empty board, for the moment between the phase change and the first `board` event. */
export const EMPTY_BOARD = {
  drafts: [], history: [], uncovered: [], mission: null,
  voting: { open: false, votes_per_person: 3, hide_counts: false },
};

/** "3 stippen", or null while the counts are hidden. */
export function votesText(votes, words) {
  if (votes === null || votes === undefined) return null;
  return votes === 1 ? words.votes_one : format(words.votes, { count: votes });
}

/** "1 zin · 14 woorden". */
export function sentencesText(readability, words) {
  const template = readability.sentences === 1 ? words.sentences_one : words.sentences;
  return format(template, { count: readability.sentences, words: readability.words });
}

/** The themes a draft expresses, as chips; a line saying so when it expresses none. */
export function coversElement(draft, words) {
  if (!draft.covers.length) {
    return make('p', { text: words.covers_none, className: 'covers none', attrs: { 'data-testid': 'draft-covers' } });
  }
  const line = make('p', { className: 'covers', attrs: { 'data-testid': 'draft-covers' } });
  line.append(make('span', { text: words.covers, className: 'covers-label' }));
  for (const label of draft.covers) {
    line.append(' ', make('span', { text: label, className: 'cover', attrs: { 'data-testid': 'draft-cover' } }));
  }
  return line;
}

/** Counts and warnings of a draft's readability check. */
export function readabilityElement(readability, words) {
  const box = make('div', { className: 'readability', attrs: { 'data-testid': 'draft-readability' } });
  box.append(make('span', { text: sentencesText(readability, words), className: 'muted' }));
  for (const warning of readability.warnings) {
    box.append(make('span', { text: warning, className: 'read-warning', attrs: { 'data-testid': 'draft-warning' } }));
  }
  return box;
}

/** Which shared themes no draft covers yet ('' when there are no shared themes). */
export function uncoveredText(board, words) {
  if (board.uncovered.length) return `${words.uncovered} ${board.uncovered.join(', ')}`;
  return board.drafts.length ? words.all_covered : '';
}

/** Show the uncovered themes in `element`, as a to-do while some are left. */
export function drawUncovered(element, board, words) {
  const line = uncoveredText(board, words);
  element.textContent = line;
  element.hidden = !line;
  element.classList.toggle('todo', board.uncovered.length > 0);
}

/** How the voting stands: not yet, open with N dots (counts hidden or not), or closed. */
export function votingText(board, words) {
  const { voting } = board;
  if (!voting.open) {
    const voted = [...board.drafts, ...board.history].some((draft) => draft.votes);
    return voted ? words.voting_closed : words.voting_soon;
  }
  const line = format(words.voting_open, { count: voting.votes_per_person });
  return voting.hide_counts ? `${line} ${words.voting_hidden}` : line;
}

/** The drafts that were combined into others, with the votes they had. */
export function historyItems(board, words) {
  return board.history.map((old) => {
    const item = make('li', { attrs: { 'data-testid': 'history-item' } });
    item.append(make('span', { text: old.text, className: 'history-text' }));
    const votes = votesText(old.votes, words);
    if (votes !== null) {
      item.append(make('span', { text: format(words.history_item, { votes }), className: 'muted small history-votes' }));
    }
    return item;
  });
}
