// Facilitator: the design canvas. A canvas per target group (prompted while there is none),
// its basis (doelgroep, the adopted mission read-only, vision statements to keep or drop),
// the periods of the school year, and the grid of mentor task × period. Goals are dragged to
// another cell (HTML5 drag and drop) or, as a fallback, moved with two selects; a click picks
// a goal for the editor below the grid (edit, move, mentor lesson, delete), two or more picked
// goals can be merged. Every change is saved by the server and redrawn from its broadcast.

import { byTestId, domainShort, format, localCanvas, make } from './page.js';
import { newId } from './socket.js';
import { actor, calmRedraw, keepingFocus } from './facilitator_act.js';
import { canvasGrid } from './canvas_grid.js';

const GOAL_TYPE = 'text/x-goal';

export function canvasPanel(app) {
  const common = app.text.canvas;
  const words = app.text.canvas_facilitator;
  const act = actor(app, 'canvas-error');
  const panel = byTestId('canvas-panel');
  const wrap = byTestId('canvas-grid-wrap');
  const doelgroep = byTestId('doelgroep-input');
  let chosen = null; // the canvas on screen
  let doelgroepShown = null; // [canvas id, text] the doelgroep field was last filled with
  const selected = new Set(); // goals picked for the editor
  let editorFor = ''; // the selection the editor was filled for

  const canvasState = () => localCanvas(app.state.canvas) || { canvases: [], domains: [], periods: [] };

  function current() {
    const { canvases } = canvasState();
    return canvases.find((canvas) => canvas.id === chosen) || canvases[0] || null;
  }

  function option(value, label) {
    return make('option', { text: label, attrs: { value } });
  }

  function drawTabs(canvases, canvas) {
    byTestId('canvas-tabs').replaceChildren(...canvases.map((one) => make('button', {
      text: one.name,
      attrs: {
        type: 'button', role: 'tab', 'data-canvas-id': one.id, 'data-testid': 'canvas-tab',
        'aria-selected': String(one.id === canvas.id),
      },
    })));
  }

  function drawBasis(canvas) {
    const text = canvas.basis.doelgroep || '';
    if (document.activeElement !== doelgroep
        && (!doelgroepShown || doelgroepShown[0] !== canvas.id || doelgroepShown[1] !== text)) {
      doelgroep.value = text;
      doelgroepShown = [canvas.id, text];
    }
    const missie = byTestId('canvas-missie');
    missie.textContent = canvas.basis.missie || common.no_missie;
    missie.classList.toggle('muted', !canvas.basis.missie);
    byTestId('vision-rows').replaceChildren(...canvas.basis.visie.map((statement) => {
      const row = make('li', { className: statement.kept ? '' : 'dropped', attrs: { 'data-testid': 'vision-row' } });
      row.append(make('span', { text: statement.text, attrs: { 'data-testid': 'vision-row-text' } }));
      row.append(make('button', {
        text: statement.kept ? words.drop : words.keep,
        attrs: { type: 'button', 'data-vision-id': statement.id, 'data-kept': String(statement.kept), 'data-testid': 'vision-keep' },
      }));
      return row;
    }));
  }

  function drawPeriods(periods) {
    const rows = byTestId('period-rows');
    if (rows.contains(document.activeElement)) return;
    rows.replaceChildren(...periods.map((period) => {
      const form = make('form', { className: 'inline-row', attrs: { 'data-period-id': period.id, 'data-testid': 'period-row' } });
      const input = make('input', { attrs: { maxlength: '80', 'aria-label': format(words.rename_label, { name: period.name }), 'data-testid': 'period-rename-input' } });
      input.defaultValue = period.name;
      form.append(input,
        make('button', { text: words.save, attrs: { type: 'submit', 'data-testid': 'period-rename' } }),
        make('button', { text: words.remove, attrs: { type: 'button', 'data-action': 'remove', 'aria-label': format(words.remove_label, { name: period.name }), 'data-testid': 'period-remove' } }));
      const item = make('li');
      item.append(form);
      return item;
    }));
  }

  function goalCard(goal) {
    const card = make('div', {
      className: `grid-goal${goal.lesson ? ' lesson' : ''}`,
      attrs: {
        draggable: 'true', tabindex: '0', role: 'button', 'data-goal-id': goal.id,
        'data-testid': 'grid-goal', 'aria-pressed': String(selected.has(goal.id)),
      },
    });
    card.append(make('span', { text: goal.text, className: 'grid-goal-text', attrs: { 'data-testid': 'grid-goal-text' } }));
    const meta = [format(common.likes, { count: goal.likes })];
    if (goal.lesson) meta.push(`★ ${common.lesson}`);
    if (goal.theme) meta.push(format(common.theme, { theme: goal.theme }));
    meta.push(format(words.by, { author: goal.author }));
    card.append(make('span', { text: meta.join(' · '), className: 'grid-goal-meta', attrs: { 'data-testid': 'grid-goal-meta' } }));
    return card;
  }

  function drawGrid() {
    const canvas = current();
    if (!canvas) return;
    const { domains, periods } = canvasState();
    const live = new Set(canvas.goals.map((goal) => goal.id));
    for (const id of [...selected]) if (!live.has(id)) selected.delete(id);
    wrap.replaceChildren(canvasGrid(canvas, domains, periods, {
      card: goalCard, sortByLikes: byTestId('sort-likes').checked, words: common,
    }));
    drawEditor();
  }
  const redrawGrid = calmRedraw(wrap, drawGrid);

  function drawEditor() {
    const canvas = current();
    const goals = canvas ? canvas.goals.filter((goal) => selected.has(goal.id)) : [];
    const key = goals.map((goal) => `${goal.id}:${goal.text}:${goal.domain}:${goal.period}:${goal.lesson}`).join(',');
    byTestId('goal-editor').hidden = goals.length === 0;
    byTestId('goal-editor-one').hidden = goals.length !== 1;
    byTestId('goal-editor-many').hidden = goals.length < 2;
    if (key === editorFor) return;
    editorFor = key;
    const { domains, periods } = canvasState();
    if (goals.length === 1) {
      const [goal] = goals;
      byTestId('goal-edit-text').value = goal.text;
      const domain = byTestId('goal-move-domain');
      domain.replaceChildren(...domains.map((one) => option(one.id, domainShort(one.name))));
      domain.value = goal.domain;
      const period = byTestId('goal-move-period');
      period.replaceChildren(...periods.map((one) => option(one.id, one.name)));
      period.value = goal.period;
      const lesson = byTestId('goal-lesson');
      lesson.textContent = goal.lesson ? words.lesson_off : words.lesson_on;
      lesson.dataset.lesson = String(goal.lesson);
    } else if (goals.length > 1) {
      byTestId('goal-merge-note').textContent = format(words.selected_many, { count: goals.length });
      byTestId('goal-merge-text').value = goals.map((goal) => goal.text).join(' / ');
    }
  }

  function render(phase) {
    panel.hidden = phase !== 'canvas';
    if (panel.hidden) return;
    const { canvases, periods } = canvasState();
    const canvas = current();
    byTestId('canvas-none').hidden = Boolean(canvas);
    byTestId('canvas-work').hidden = !canvas;
    if (!canvas) {
      byTestId('canvas-tabs').replaceChildren();
      return;
    }
    if (chosen !== canvas.id) selected.clear();
    chosen = canvas.id;
    drawTabs(canvases, canvas);
    drawBasis(canvas);
    drawPeriods(periods);
    redrawGrid();
  }

  const rerender = () => render(app.state.workshop.phase);
  const clean = (text) => text.replace(/\s+/g, ' ').trim();

  byTestId('canvas-add-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = byTestId('canvas-name');
    const name = clean(input.value);
    if (!name) {
      input.focus();
      return;
    }
    const answer = await act('canvas:add', { id: newId(), name });
    if (answer && answer.ok) {
      input.value = '';
      chosen = answer.canvas_id; // the broadcast that follows shows it
      rerender();
    }
  });
  byTestId('canvas-tabs').addEventListener('click', (event) => {
    const tab = event.target.closest('button[data-canvas-id]');
    if (!tab) return;
    chosen = tab.dataset.canvasId;
    rerender();
    act('canvas:show', { canvas_id: chosen }); // the projector follows the facilitator
  });
  byTestId('doelgroep-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const canvas = current();
    if (!canvas) return;
    const text = doelgroep.value.trim();
    doelgroep.blur();
    await act('canvas:basis', { canvas_id: canvas.id, doelgroep: text });
  });
  byTestId('vision-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const canvas = current();
    const input = byTestId('vision-text');
    const text = clean(input.value);
    if (!canvas || !text) return;
    const answer = await act('vision:add', { id: newId(), canvas_id: canvas.id, text });
    if (answer && answer.ok) input.value = '';
  });
  byTestId('vision-rows').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-vision-id]');
    if (button) act('vision:keep', { vision_id: button.dataset.visionId, kept: button.dataset.kept !== 'true' });
  });
  byTestId('period-rows').addEventListener('submit', (event) => {
    event.preventDefault();
    const form = event.target;
    const input = form.querySelector('input');
    const name = clean(input.value);
    input.blur();
    // an unchanged name is not sent: on an English page it is the translation of a Dutch
    // default ("Period 1"), which would then be stored over "Periode 1"
    if (name && name !== input.defaultValue) act('period:rename', { period_id: form.dataset.periodId, name });
  });
  byTestId('period-rows').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-action="remove"]');
    if (button) act('period:remove', { period_id: button.closest('form').dataset.periodId });
  });
  byTestId('period-add-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const input = byTestId('period-name');
    const name = clean(input.value);
    if (!name) return;
    const answer = await act('period:add', { name });
    if (answer && answer.ok) input.value = '';
  });
  byTestId('sort-likes').addEventListener('change', drawGrid);

  // ---- picking, dragging and editing goals -------------------------------------------------

  /** A click picks one goal (or lets go of it); with Ctrl, Cmd or Shift it adds to the pick,
      to merge goals. */
  function pick(card, adding) {
    const id = card.dataset.goalId;
    if (adding) {
      if (selected.has(id)) selected.delete(id);
      else selected.add(id);
    } else {
      const only = selected.size === 1 && selected.has(id);
      selected.clear();
      if (!only) selected.add(id);
    }
    keepingFocus(wrap, drawGrid); // Enter and Shift+Enter go on from the goal just picked
  }
  const adding = (event) => event.ctrlKey || event.metaKey || event.shiftKey;
  wrap.addEventListener('click', (event) => {
    const card = event.target.closest('[data-goal-id]');
    if (card) pick(card, adding(event));
  });
  wrap.addEventListener('keydown', (event) => {
    const card = event.target.closest('[data-goal-id]');
    if (card && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      pick(card, adding(event));
    }
  });
  wrap.addEventListener('dragstart', (event) => {
    const card = event.target.closest('[data-goal-id]');
    if (!card) return;
    event.dataTransfer.setData(GOAL_TYPE, card.dataset.goalId);
    event.dataTransfer.effectAllowed = 'move';
  });
  function dropCell(event) {
    const cell = event.target.closest('[data-domain][data-period]');
    return cell && event.dataTransfer.types.includes(GOAL_TYPE) ? cell : null;
  }
  wrap.addEventListener('dragover', (event) => {
    const cell = dropCell(event);
    if (!cell) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'move';
    cell.classList.add('drop-target');
  });
  wrap.addEventListener('dragleave', (event) => {
    const cell = event.target.closest('[data-domain][data-period]');
    if (cell && !cell.contains(event.relatedTarget)) cell.classList.remove('drop-target');
  });
  wrap.addEventListener('drop', (event) => {
    const cell = dropCell(event);
    if (!cell) return;
    event.preventDefault();
    cell.classList.remove('drop-target');
    const goalId = event.dataTransfer.getData(GOAL_TYPE);
    if (goalId) act('goal:move', { goal_id: goalId, domain: cell.dataset.domain, period: cell.dataset.period });
  });

  byTestId('goal-editor').addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-action]');
    const [goalId] = selected;
    if (!button || !goalId) return;
    const { action } = button.dataset;
    if (action === 'edit') {
      const text = clean(byTestId('goal-edit-text').value);
      if (text) await act('goal:edit', { goal_id: goalId, text });
    } else if (action === 'move') {
      await act('goal:move', { goal_id: goalId, domain: byTestId('goal-move-domain').value, period: byTestId('goal-move-period').value });
    } else if (action === 'lesson') {
      await act('goal:lesson', { goal_id: goalId, lesson: button.dataset.lesson !== 'true' });
    } else if (action === 'delete') {
      const answer = await act('goal:delete', { goal_id: goalId });
      if (answer && answer.ok) selected.delete(goalId);
    } else if (action === 'merge') {
      const text = clean(byTestId('goal-merge-text').value);
      if (!text) return;
      const answer = await act('goal:merge', { goal_ids: [...selected], text });
      if (answer && answer.ok) {
        selected.clear();
        selected.add(answer.goal_id);
      }
    }
    editorFor = ''; // fill the editor again from what the server now says
    drawGrid();
  });

  return { render };
}
