// The design canvas as a grid of mentor task × period, shared by the projector and the
// facilitator: empty cells stay visible (the gaps in the year's plan), and the last row lists
// the mentor lessons per period (the canvas's `plan`). Each screen draws its own goal cards.

import { goalsByLikes, make } from './page.js';

/** The grid element for `canvas`: card(goal) draws one goal; sortByLikes orders each cell.
    Cells carry data-domain and data-period (drop targets on the facilitator's page). */
export function canvasGrid(canvas, domains, periods, { card, sortByLikes = false, words }) {
  const grid = make('div', { className: 'canvas-grid', attrs: { 'data-testid': 'canvas-grid' } });
  // the mentor tasks' column is never narrower than their longest word (.grid-domain wraps
  // between words only): a projector row reading "Dossiervormin-g" loses the room
  grid.style.gridTemplateColumns = `minmax(min-content, 0.8fr) repeat(${periods.length}, minmax(0, 1fr))`;
  const cells = new Map();
  for (const goal of sortByLikes ? goalsByLikes(canvas.goals) : canvas.goals) {
    const key = `${goal.domain}|${goal.period}`;
    if (!cells.has(key)) cells.set(key, []);
    cells.get(key).push(goal);
  }
  const corner = make('div', { text: words.domain, className: 'grid-corner' });
  // every task's name, unseen, in the corner: the column fits the longest word of them all, so
  // it keeps its width when the projector pages to tasks with longer words
  corner.append(make('span', { text: domains.map((domain) => domain.name).join(' '), className: 'grid-sizer', attrs: { 'aria-hidden': 'true' } }));
  grid.append(corner);
  for (const period of periods) {
    grid.append(make('div', { text: period.name, className: 'grid-period', attrs: { 'data-testid': 'grid-period' } }));
  }
  for (const domain of domains) {
    grid.append(make('div', { text: domain.name, className: 'grid-domain', attrs: { 'data-testid': 'grid-domain', 'data-domain': domain.id } }));
    for (const period of periods) {
      const goals = cells.get(`${domain.id}|${period.id}`) || [];
      const cell = make('div', {
        className: goals.length ? 'grid-cell' : 'grid-cell empty',
        attrs: { 'data-domain': domain.id, 'data-period': period.id, 'data-testid': 'grid-cell' },
      });
      if (goals.length) cell.append(...goals.map(card));
      else cell.append(make('span', { text: words.empty_cell, className: 'empty-note' }));
      grid.append(cell);
    }
  }
  const byId = new Map(canvas.goals.map((goal) => [goal.id, goal]));
  grid.append(make('div', { text: words.lessons, className: 'grid-domain grid-plan-head' }));
  for (const period of periods) {
    const entry = canvas.plan.find((item) => item.period === period.id);
    const lessons = (entry ? entry.lessons : []).map((id) => byId.get(id)).filter(Boolean);
    const cell = make('div', { className: 'grid-plan', attrs: { 'data-period': period.id, 'data-testid': 'plan-period' } });
    if (lessons.length) {
      const list = make('ol');
      list.append(...lessons.map((goal) => make('li', { text: goal.text, attrs: { 'data-testid': 'plan-lesson' } })));
      cell.append(list);
    } else {
      cell.append(make('span', { text: words.no_lessons, className: 'empty-note' }));
    }
    grid.append(cell);
  }
  return grid;
}
