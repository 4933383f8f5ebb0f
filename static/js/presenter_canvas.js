// The projector's design canvas: one canvas at a time (the one the facilitator shows, or tabs
// to switch, remembered on this screen), its basis, and the grid of mentor task × period with every cell visible, empty
// ones too, so the team sees the gaps in the year's plan. Each cell shows its most liked
// goals first; what does not fit is counted ("+2 meer"). The last row is the lesson plan.

import { byTestId, format, localCanvas, make, store } from './page.js';
import { canvasGrid } from './canvas_grid.js';

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
    window.addEventListener('resize', () => this.fit());
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
    // rows with goals share the height; empty rows keep one line, so the gaps stay in view
    const used = new Set(canvas.goals.map((goal) => goal.domain));
    grid.style.gridTemplateRows = `auto ${domains.map((domain) => (used.has(domain.id) ? 'minmax(0, 1fr)' : 'auto')).join(' ')} auto`;
    const count = canvas.goals.length;
    grid.dataset.size = count > 40 ? 'small' : count > 16 ? 'medium' : 'large';
    wrap.replaceChildren(grid);
    this.fit();
  }

  card(goal) {
    const card = make('div', { className: `grid-goal${goal.lesson ? ' lesson' : ''}`, attrs: { 'data-testid': 'grid-goal', 'data-goal-id': goal.id } });
    card.append(make('span', { text: goal.text, className: 'grid-goal-text', attrs: { 'data-testid': 'grid-goal-text' } }));
    if (goal.likes) card.append(make('span', { text: format(this.words.likes, { count: goal.likes }), className: 'grid-goal-likes' }));
    return card;
  }

  /** Hide the goals a cell has no room for, least liked first, and say how many. */
  fit() {
    for (const cell of document.querySelectorAll('.canvas-stage .grid-cell')) {
      cell.querySelector('.more')?.remove();
      const goals = [...cell.querySelectorAll('.grid-goal')];
      for (const goal of goals) goal.hidden = false;
      let hidden = 0;
      while (cell.scrollHeight > cell.clientHeight + 1 && hidden < goals.length - 1) {
        hidden += 1;
        goals[goals.length - hidden].hidden = true;
        cell.querySelector('.more')?.remove();
        cell.append(make('span', { text: format(this.words.more, { count: hidden }), className: 'more', attrs: { 'data-testid': 'grid-more' } }));
      }
    }
  }
}
