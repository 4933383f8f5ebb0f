// The phone's design canvas: the basis of the chosen canvas (doelgroep, vision statements to
// add to), a learning goal to add (text opening with "De leerling kan …", mentor task,
// period, optionally the shared theme it serves) with the server's writing hints, a compact
// domain × period overview that shows the gaps, and the goals to like once each.
//
// Form fields are never rebuilt by a broadcast: selects get new options only when the
// choices themselves change, and keep what the mentor picked.

import { byTestId, domainShort, format, goalsByLikes, localCanvas, make, setText } from './page.js';
import { emitAck, newId } from './socket.js';

/** "Periode 1" → "P1" for the narrow overview; other names stay whole. */
function shortPeriod(name) {
  const match = /^(\p{L})\p{L}*\s+(\d+)$/u.exec(name);
  return match ? `${match[1].toLocaleUpperCase('nl')}${match[2]}` : name;
}

export function canvasScreen(app) {
  const common = app.text.canvas;
  const words = app.text.canvas_phone;
  const section = byTestId('canvas-screen');
  const goalText = byTestId('goal-text');
  const goalError = byTestId('goal-error');
  const goalHints = byTestId('goal-hints');
  const canvasSelect = byTestId('canvas-select');
  let chosen = null; // the canvas id this phone looks at
  let filter = null; // {domain, period} of a tapped cell
  const pending = {}; // per form: {id, text} sent without an answer yet

  const canvasState = () => localCanvas(app.state.canvas) || { canvases: [], domains: [], periods: [] };

  /** Replace a select's options when the choices changed; keep the current choice if it is still there. */
  function fillSelect(select, options) {
    const key = JSON.stringify(options);
    if (select.dataset.key === key) return;
    const current = select.value;
    select.dataset.key = key;
    select.replaceChildren(...options.map(([value, label]) => make('option', { text: label, attrs: { value } })));
    if (options.some(([value]) => value === current)) select.value = current;
  }

  function current() {
    const { canvases } = canvasState();
    return canvases.find((canvas) => canvas.id === chosen) || canvases[0] || null;
  }

  function drawBasis(canvas) {
    const doelgroep = byTestId('basis-doelgroep');
    doelgroep.textContent = canvas.basis.doelgroep || common.no_doelgroep;
    doelgroep.classList.toggle('muted', !canvas.basis.doelgroep);
    const visie = canvas.basis.visie.filter((statement) => statement.kept);
    const list = byTestId('vision-list');
    list.replaceChildren(...visie.map((statement) => make('li', { text: statement.text, attrs: { 'data-testid': 'vision-item' } })));
    if (!visie.length) list.append(make('li', { text: common.no_visie, className: 'muted' }));
  }

  function drawMini(canvas, domains, periods) {
    const counts = new Map();
    for (const goal of canvas.goals) {
      const key = `${goal.domain}|${goal.period}`;
      counts.set(key, (counts.get(key) || 0) + 1);
    }
    const head = make('tr');
    head.append(make('th', { text: '' }), ...periods.map((period) => make('th', {
      text: shortPeriod(period.name), attrs: { scope: 'col', title: period.name },
    })));
    const rows = domains.map((domain) => {
      const row = make('tr');
      row.append(make('th', { text: domainShort(domain.name), attrs: { scope: 'row' } }));
      for (const period of periods) {
        const count = counts.get(`${domain.id}|${period.id}`) || 0;
        const chosenCell = filter && filter.domain === domain.id && filter.period === period.id;
        const cell = make('td', { className: count ? 'filled' : 'gap' });
        cell.append(make('button', {
          text: count ? String(count) : '·',
          attrs: {
            type: 'button',
            'data-domain': domain.id,
            'data-period': period.id,
            'data-testid': 'mini-cell',
            'aria-pressed': String(Boolean(chosenCell)),
            'aria-label': format(words.cell_label, { domain: domain.name, period: period.name, count }),
          },
        }));
        row.append(cell);
      }
      return row;
    });
    const table = byTestId('canvas-mini');
    const thead = make('thead');
    thead.append(head);
    const tbody = make('tbody');
    tbody.append(...rows);
    table.replaceChildren(thead, tbody);
  }

  function goalItem(goal, names, liked) {
    const item = make('li', { className: `goal${goal.lesson ? ' lesson' : ''}`, attrs: { 'data-testid': 'goal-item', 'data-goal-id': goal.id } });
    item.append(make('p', { text: goal.text, className: 'goal-text', attrs: { 'data-testid': 'goal-item-text' } }));
    const meta = [format(words.goal_meta, { domain: domainShort(names.domains.get(goal.domain) || ''), period: names.periods.get(goal.period) || '' })];
    if (goal.theme) meta.push(format(common.theme, { theme: goal.theme }));
    if (goal.lesson) meta.push(common.lesson);
    item.append(make('p', { text: meta.join(' · '), className: 'muted small', attrs: { 'data-testid': 'goal-item-meta' } }));
    const foot = make('div', { className: 'goal-foot' });
    foot.append(make('span', { text: format(common.likes, { count: goal.likes }), className: 'likes', attrs: { 'data-testid': 'goal-likes' } }));
    const mine = liked.has(goal.id);
    const button = make('button', {
      text: mine ? words.liked : words.like,
      className: 'like',
      attrs: { type: 'button', 'data-goal-id': goal.id, 'data-testid': 'goal-like', 'aria-pressed': String(mine), 'aria-label': format(words.like_label, { text: goal.text }) },
    });
    button.disabled = mine;
    foot.append(button);
    item.append(foot);
    return item;
  }

  function drawGoals(canvas, domains, periods) {
    const names = {
      domains: new Map(domains.map((domain) => [domain.id, domain.name])),
      periods: new Map(periods.map((period) => [period.id, period.name])),
    };
    if (filter && !(names.domains.has(filter.domain) && names.periods.has(filter.period))) filter = null;
    const goals = goalsByLikes(canvas.goals.filter((goal) => !filter
      || (goal.domain === filter.domain && goal.period === filter.period)));
    const liked = new Set(app.state.me.liked || []);
    byTestId('goals-empty').hidden = goals.length > 0;
    byTestId('goal-list').replaceChildren(...goals.map((goal) => goalItem(goal, names, liked)));
    byTestId('goal-filter').hidden = !filter;
    if (filter) {
      byTestId('goal-filter-text').textContent = format(words.filter, {
        domain: domainShort(names.domains.get(filter.domain)), period: names.periods.get(filter.period),
      });
    }
  }

  function render(phase) {
    section.hidden = phase !== 'canvas';
    if (section.hidden) return;
    const { canvases, domains, periods } = canvasState();
    const canvas = current();
    byTestId('canvas-none').hidden = Boolean(canvas);
    byTestId('canvas-body').hidden = !canvas;
    if (!canvas) return;
    chosen = canvas.id;
    byTestId('canvas-choice').hidden = canvases.length < 2;
    fillSelect(canvasSelect, canvases.map((one) => [one.id, one.name]));
    canvasSelect.value = canvas.id;
    byTestId('canvas-name').textContent = canvas.name;
    fillSelect(byTestId('goal-domain'), domains.map((domain) => [domain.id, domain.name]));
    fillSelect(byTestId('goal-period'), periods.map((period) => [period.id, period.name]));
    const themes = (app.state.themes || []).filter((theme) => theme.shared);
    fillSelect(byTestId('goal-theme'), [['', words.no_theme], ...themes.map((theme) => [theme.label, theme.label])]);
    if (!goalText.value) goalText.value = common.opening;
    drawBasis(canvas);
    drawMini(canvas, domains, periods);
    drawGoals(canvas, domains, periods);
  }

  /** Send a write with a client id that survives a timeout (so a retry adds nothing). */
  async function send(kind, event, payload, text, errorLine) {
    const socket = app.socket();
    if (!socket) {
      setText(errorLine, app.text.screen.offline_action);
      return null;
    }
    if (!pending[kind] || pending[kind].text !== text) pending[kind] = { id: newId(), text };
    try {
      const answer = await emitAck(socket, event, { id: pending[kind].id, ...payload });
      pending[kind] = null;
      setText(errorLine, answer.ok ? '' : answer.message);
      return answer;
    } catch {
      setText(errorLine, app.text.common.timeout);
      return null;
    }
  }

  function showHints(hints) {
    goalHints.replaceChildren(make('p', { text: words.added }));
    for (const hint of hints) {
      const line = make('p', { className: 'read-warning', attrs: { 'data-testid': 'goal-hint' } });
      line.append(make('strong', { text: words.tip }), ` ${hint}`);
      goalHints.append(line);
    }
    goalHints.hidden = false;
  }

  byTestId('goal-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const canvas = current();
    const text = goalText.value.replace(/\s+/g, ' ').trim();
    goalHints.hidden = true;
    if (!canvas) return;
    if (!text || text === common.opening.trim()) {
      setText(goalError, words.empty_text);
      goalText.focus();
      return;
    }
    const payload = {
      canvas_id: canvas.id, text,
      domain: byTestId('goal-domain').value,
      period: byTestId('goal-period').value,
    };
    if (byTestId('goal-theme').value) payload.theme = byTestId('goal-theme').value;
    const button = byTestId('goal-add');
    button.disabled = true;
    const answer = await send('goal', 'goal:add', payload, text, goalError);
    button.disabled = false;
    if (answer && answer.ok) {
      goalText.value = common.opening;
      showHints(answer.hints);
    }
  });

  byTestId('vision-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const canvas = current();
    const input = byTestId('vision-text');
    const text = input.value.replace(/\s+/g, ' ').trim();
    if (!canvas || !text) return;
    const answer = await send('vision', 'vision:add', { canvas_id: canvas.id, text }, text, byTestId('vision-error'));
    if (answer && answer.ok) input.value = '';
  });

  canvasSelect.addEventListener('change', () => {
    chosen = canvasSelect.value;
    filter = null;
    app.render();
  });

  byTestId('canvas-mini').addEventListener('click', (event) => {
    const button = event.target.closest('button[data-domain]');
    if (!button) return;
    const { domain, period } = button.dataset;
    const same = filter && filter.domain === domain && filter.period === period;
    filter = same ? null : { domain, period };
    if (filter) {
      // the form below adds to the tapped cell
      byTestId('goal-domain').value = domain;
      byTestId('goal-period').value = period;
    }
    app.render();
  });

  byTestId('goal-filter-clear').addEventListener('click', () => {
    filter = null;
    app.render();
  });

  byTestId('goal-list').addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-goal-id]');
    if (!button) return;
    const socket = app.socket();
    if (!socket) {
      setText(goalError, app.text.screen.offline_action);
      return;
    }
    button.disabled = true;
    const goalId = button.dataset.goalId;
    try {
      const answer = await emitAck(socket, 'goal:like', { goal_id: goalId });
      if (answer.ok) {
        const liked = app.state.me.liked || [];
        if (!liked.includes(goalId)) app.state.me.liked = [...liked, goalId];
        setText(goalError, '');
      } else {
        setText(goalError, answer.message);
      }
    } catch {
      setText(goalError, app.text.common.timeout);
    }
    app.render();
  });

  return { render };
}
