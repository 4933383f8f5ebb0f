// The projector's design canvas: one canvas at a time (the one the facilitator shows, or tabs
// to switch, remembered on this screen), its basis, and the grid of mentor task × period with
// every cell visible, empty ones too, so the team sees the gaps in the year's plan. Each cell
// shows its most liked goal and counts the others ("+1 meer"); the last row is the lesson
// plan. When the tasks do not all fit the screen, they take turns in pages of what fits.

import { byTestId, format, localCanvas, make, store } from './page.js';
import { canvasGrid } from './canvas_grid.js';
import { ROTATE_MS } from './presenter_fit.js';

const GOALS_SHOWN = 1;
const LESSONS_SHOWN = 2;

/** What of a goal the projector shows: a change in it is news for the room. */
function goalKey(goal) {
  return [goal.text, goal.domain, goal.period, goal.likes, goal.lesson].join('|');
}

export class CanvasStage {
  constructor(words, storageKey) {
    this.words = words;
    this.key = storageKey;
    this.chosen = store.get(storageKey);
    this.canvas = null;
    byTestId('canvas-tabs').addEventListener('click', (event) => {
      const tab = event.target.closest('button[data-canvas-id]');
      if (!tab) return;
      this.chosen = tab.dataset.canvasId;
      store.set(this.key, this.chosen);
      this.draw(this.canvas);
    });
    // the tasks take turns in pages when the grid is taller than the screen
    new ResizeObserver(() => this.paginate()).observe(byTestId('canvas-grid-wrap'));
    window.setInterval(() => this.turn(), ROTATE_MS);
  }

  /** Draw `canvasState` ({canvases, domains, periods}). */
  draw(canvasState) {
    this.canvas = localCanvas(canvasState);
    // the facilitator's choice wins whenever it changes; the tabs here stay for a quick look
    if (canvasState && canvasState.shown && canvasState.shown !== this.shown) {
      this.shown = canvasState.shown;
      this.chosen = canvasState.shown;
      store.set(this.key, this.chosen);
    }
    const { canvases = [], domains = [], periods = [] } = this.canvas || {};
    const canvas = canvases.find((one) => one.id === this.chosen) || canvases[0] || null;
    byTestId('canvas-empty').hidden = Boolean(canvas);
    byTestId('canvas-head').hidden = !canvas;
    const wrap = byTestId('canvas-grid-wrap');
    if (!canvas) {
      wrap.replaceChildren();
      this.rows = [];
      this.paginate();
      return;
    }
    const { words } = this;
    byTestId('canvas-tabs').replaceChildren(...canvases.map((one) => make('button', {
      text: one.name,
      attrs: { type: 'button', role: 'tab', 'data-canvas-id': one.id, 'data-testid': 'canvas-tab', 'aria-selected': String(one.id === canvas.id) },
    })));
    const { basis } = canvas;
    const doelgroep = byTestId('basis-doelgroep');
    doelgroep.textContent = basis.doelgroep || words.no_doelgroep;
    doelgroep.classList.toggle('muted', !basis.doelgroep);
    const missie = byTestId('basis-missie');
    missie.textContent = basis.missie || words.no_missie;
    missie.classList.toggle('muted', !basis.missie);
    const visie = basis.visie.filter((statement) => statement.kept);
    byTestId('basis-visie').replaceChildren(...(visie.length
      ? visie.map((statement) => make('li', { text: statement.text, attrs: { 'data-testid': 'basis-visie-item' } }))
      : [make('li', { text: words.no_visie, className: 'muted' })]));
    const grid = canvasGrid(canvas, domains, periods, { card: (goal) => this.card(goal), sortByLikes: true, words });
    this.trim(grid);
    wrap.replaceChildren(grid);
    this.rows = domains.map((domain) => [...grid.querySelectorAll(`[data-domain="${domain.id}"]`)]);
    // a goal that is new or changed brings its mentor task's page on screen
    const { seen } = this;
    const changed = seen && canvas.goals.find((goal) => seen.get(goal.id) !== goalKey(goal));
    this.seen = new Map(canvas.goals.map((goal) => [goal.id, goalKey(goal)]));
    this.paginate(changed ? domains.findIndex((domain) => domain.id === changed.domain) : -1);
  }

  card(goal) {
    const card = make('div', { className: `grid-goal${goal.lesson ? ' lesson' : ''}`, attrs: { 'data-testid': 'grid-goal', 'data-goal-id': goal.id } });
    card.append(make('span', { text: goal.text, className: 'grid-goal-text', attrs: { 'data-testid': 'grid-goal-text' } }));
    if (goal.likes) card.append(make('span', { text: format(this.words.likes, { count: goal.likes }), className: 'grid-goal-likes' }));
    return card;
  }

  /** Each cell shows its most liked goal and counts the others; the plan its first lessons. */
  trim(grid) {
    const more = (count) => make('span', { text: format(this.words.more, { count }), className: 'more', attrs: { 'data-testid': 'grid-more' } });
    for (const cell of grid.querySelectorAll('.grid-cell')) {
      const goals = [...cell.querySelectorAll('.grid-goal')].slice(GOALS_SHOWN);
      for (const goal of goals) goal.remove();
      if (goals.length) cell.append(more(goals.length));
    }
    for (const list of grid.querySelectorAll('.grid-plan ol')) {
      const lessons = [...list.children].slice(LESSONS_SHOWN);
      for (const lesson of lessons) lesson.remove();
      if (lessons.length) list.after(more(lessons.length));
    }
  }

  /** Split the mentor tasks (the grid's rows) into pages that fit above the lesson plan; show
      the page of task `focus` (where a goal just arrived or changed), else the page that was on. */
  paginate(focus = -1) {
    const wrap = byTestId('canvas-grid-wrap');
    const rows = this.rows || [];
    const showFrom = (start) => rows.forEach((row, index) => {
      for (const element of row) element.hidden = index < start;
    });
    this.pages = [];
    for (let start = 0; start < rows.length;) {
      showFrom(start);
      // the lesson plan, the last row, stays under every page
      const plan = wrap.querySelector('.grid-plan-head');
      const room = wrap.getBoundingClientRect().bottom - (plan ? plan.getBoundingClientRect().height + 4 : 0) + 1;
      let count = 0;
      while (start + count < rows.length && rows[start + count][0].getBoundingClientRect().bottom <= room) count += 1;
      count = Math.max(1, count);
      this.pages.push([start, start + count]);
      start += count;
    }
    const focused = this.pages.findIndex(([start, end]) => focus >= start && focus < end);
    this.page = focused >= 0 ? focused : Math.min(this.page || 0, Math.max(0, this.pages.length - 1));
    this.showPage();
  }

  turn() {
    if (this.pages && this.pages.length > 1) {
      this.page = (this.page + 1) % this.pages.length;
      this.showPage();
    }
  }

  showPage() {
    const [start, end] = this.pages[this.page] || [0, 0];
    (this.rows || []).forEach((row, index) => {
      for (const element of row) element.hidden = index < start || index >= end;
    });
    const indicator = byTestId('canvas-pager');
    indicator.hidden = this.pages.length < 2;
    indicator.textContent = `${this.page + 1} / ${this.pages.length}`;
  }
}
