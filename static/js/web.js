// The projector's values web: themes as bubbles (absolutely positioned divs, text through
// textContent), sized by how many distinct mentors named them plus the group marks.
//
// Layout is deterministic circle packing that keeps the picture still while it grows: every
// bubble keeps its position by theme id (stored relative to the stage, so a resize keeps it);
// a bubble that grew moves to the nearest free spot around its old place; new bubbles go to the
// free space nearest the middle. Positions are searched on a sunflower spiral and accepted only
// when the circle stays on the stage and keeps a gap to every placed circle, so no two bubbles,
// and no two texts, overlap. CSS transitions animate size and position.
//
// A bubble is at least big enough for its name on one line (the floor `textRadius`); what does
// not fit on the stage, least named first, is listed below it ("Ook genoemd: …", as many as
// two lines hold, then "+3"). Shared themes (named by two or more mentors) are placed before
// any one-mentor theme, so a shared theme never gives way to a theme of one mentor.
//
// Distances and type are in rem: the projector's root font size follows the screen, so the
// web is the same picture on every screen size.

import { format, make, wordLabel } from './page.js';

const FILL = 0.55; // share of the stage the bubbles' areas aim to cover
const GAP = 0.7; // rem between bubbles
const MAX_WORDS = 6;
const MARK_WEIGHT = 0.5; // a value marked in a group counts as half a mentor more
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));
const SPIRAL_STEP = 0.3; // rem; the spiral's points are this far apart near its start
const SHRINK = 0.88;
const TRIES = 8;
// The text box inside a circle of radius r: 1.6r wide and 1.2r high has its corners on the circle.
const BOX_W = 1.6;
const BOX_H = 1.2;
// A name wider than this (rem, per tier) gets smaller type in its bubble rather than a bigger
// bubble, so that bubble sizes keep telling how many mentors named a theme.
const NAME_WIDTH = { 'tier-1': 8, 'tier-2': 9.5, 'tier-3': 11.5 };
const MIN_NAME = 1.5; // rem: 24 px on a 1280×720 beamer
const DENSE_NAME = 0.75; // a crowded web (class "dense") also allows narrower names

/** Font tier by mentors: the most shared themes are also the easiest to read. */
function tier(theme) {
  if (theme.participants >= 4) return 'tier-3';
  if (theme.participants >= 2) return 'tier-2';
  return 'tier-1';
}

function weight(theme) {
  return theme.participants + MARK_WEIGHT * (theme.marked || 0);
}

function isShared(theme) {
  return theme.participants >= 2;
}

/** px per rem on this screen. */
function rem() {
  return parseFloat(window.getComputedStyle(document.documentElement).fontSize);
}

export class ValuesWeb {
  /** stage: the positioned element the bubbles live in; more: the "Ook genoemd" line. */
  constructor(stage, { more, empty }, text) {
    Object.assign(this, { stage, more, empty, text });
    this.bubbles = new Map(); // theme id → {element, theme}
    this.places = new Map(); // theme id → {x, y} as fractions of the stage
    this.themes = [];
    this.measure = make('div', { className: 'bubble-measure', attrs: { 'aria-hidden': 'true' } });
    stage.append(this.measure);
    // the stage changes size with the window and with the header above it: lay out again
    let pending = null;
    this.size = '';
    new ResizeObserver(() => {
      const size = `${stage.clientWidth}x${stage.clientHeight}`;
      if (size === this.size) return;
      this.size = size;
      window.clearTimeout(pending);
      pending = window.setTimeout(() => this.layout(), 100);
    }).observe(stage);
  }

  /** Draw the web for this list of themes (the whole web; hidden themes are left out). */
  update(themes) {
    this.themes = themes.filter((theme) => !theme.hidden);
    const ids = new Set(this.themes.map((theme) => theme.id));
    for (const [id, bubble] of this.bubbles) {
      if (!ids.has(id)) {
        bubble.element.remove();
        this.bubbles.delete(id);
        this.places.delete(id);
      }
    }
    for (const theme of this.themes) {
      let bubble = this.bubbles.get(theme.id);
      if (!bubble) {
        bubble = { element: this._newBubble(theme.id), theme };
        this.bubbles.set(theme.id, bubble);
      }
      bubble.theme = theme;
    }
    this.layout();
  }

  /** Place every bubble on the stage as it is now. */
  layout() {
    const width = this.stage.clientWidth;
    const height = this.stage.clientHeight;
    this.empty.hidden = this.themes.length > 0;
    if (!width || !height) return;
    // a crowded web first tries smaller type (still readable from the back) before it lists
    // themes under the stage
    // Sizes are sticky too: the scale (size per mentor) and the type never grow back by
    // themselves, so a new value never makes the whole picture breathe. A resize starts over
    // (old places on another shape would leave the stage in fragments).
    const geometry = `${width}x${height}`;
    if (this.geometry !== geometry) {
      Object.assign(this, { geometry, scale: null, dense: false });
      this.places.clear();
    }
    let packed = null;
    for (const dense of this.dense ? [true] : [false, true]) {
      this.stage.classList.toggle('dense', dense);
      const items = this.themes.map((theme) => ({
        theme, weight: weight(theme), floor: this._textRadius(theme),
        old: this.places.get(theme.id) || null,
      }));
      const result = pack(items, width, height, this.scale, rem());
      if (!packed || loses(packed.result, result)) packed = { dense, result };
      if (result.left.length === 0) break;
    }
    this.stage.classList.toggle('dense', packed.dense);
    this.dense = packed.dense;
    this.scale = packed.result.scale;
    const { placed, left } = packed.result;
    for (const item of placed) this._draw(item, width, height);
    for (const item of left) {
      this.bubbles.get(item.theme.id).element.hidden = true;
      this.places.delete(item.theme.id);
    }
    this._listLeft(left.map((item) => `${item.theme.label} (${item.theme.participants})`));
  }

  /** "Ook genoemd: A (1) · B (1) · +3": the themes off the stage that two lines hold. */
  _listLeft(names) {
    const { more, text } = this;
    more.hidden = names.length === 0;
    const render = (shown) => {
      const rest = names.length - shown;
      more.textContent = names.length
        ? `${text.more_themes} ${[...names.slice(0, shown), ...(rest ? [format(text.more, { count: rest })] : [])].join(' · ')}` : '';
    };
    let shown = names.length;
    render(shown);
    while (shown > 0 && more.scrollHeight > more.clientHeight + 1) {
      shown -= 1;
      render(shown);
    }
  }

  _newBubble(id) {
    const element = make('div', { className: 'bubble entering', attrs: { 'data-testid': 'web-theme', 'data-theme-id': id } });
    const box = make('div', { className: 'bubble-box' });
    const content = make('div', { className: 'bubble-content' });
    content.append(
      make('p', { className: 'bubble-label', attrs: { 'data-testid': 'web-theme-label' } }),
      make('p', { className: 'bubble-meta', attrs: { 'data-testid': 'web-theme-meta' } }),
      make('ul', { className: 'bubble-words', attrs: { 'data-testid': 'web-theme-words' } }),
    );
    box.append(content);
    element.append(box);
    element.hidden = true; // until it has a place
    this.stage.append(element);
    return element;
  }

  _metaParts(theme) {
    const { text } = this;
    const parts = [theme.participants === 1 ? text.mentors_one : format(text.mentors, { count: theme.participants })];
    if (theme.marked) parts.push(format(text.marked, { count: theme.marked }));
    if (theme.recognised) parts.push(format(text.recognised, { count: theme.recognised }));
    return parts;
  }

  /** The smallest radius that shows the name (at most its tier's NAME_WIDTH wide, else in
      smaller type or on two lines), the count and one row of words. */
  _textRadius(theme) {
    const probe = this.measure;
    const level = tier(theme);
    probe.className = `bubble-measure ${level}`;
    const label = make('p', { text: theme.label, className: 'bubble-label' });
    // each part of the count line ("2 mentoren", "✓ 1 in groepjes", "3× herkend") may wrap
    const metas = this._metaParts(theme).map((text) => make('p', { text, className: 'bubble-meta' }));
    const more = make('p', { text: format(this.text.more, { count: theme.words.length }), className: 'bubble-word' });
    probe.replaceChildren(label, ...metas, more);
    const unit = rem();
    const nameWidth = NAME_WIDTH[level] * unit * (this.stage.classList.contains('dense') ? DENSE_NAME : 1);
    // the longest single word of the name must fit at the smallest type, or it would break
    const longest = theme.label.split(/\s+/).reduce((a, b) => (b.length > a.length ? b : a), '');
    const word = make('span', { text: longest, className: 'bubble-label' });
    probe.append(word);
    const fontPx = parseFloat(window.getComputedStyle(label).fontSize);
    const name = Math.max(Math.min(label.offsetWidth, nameWidth), (word.offsetWidth * MIN_NAME * unit) / fontPx);
    const lines = label.offsetWidth > nameWidth * 1.25 ? 2 : 1;
    const widest = Math.max(name, ...metas.map((meta) => meta.offsetWidth));
    const tall = label.offsetHeight * lines + metas.reduce((sum, meta) => sum + meta.offsetHeight, 0)
      + more.offsetHeight * Math.min(1, theme.words.length);
    probe.replaceChildren();
    // a margin for what the probe does not copy exactly (row gaps, the list's top margin)
    return Math.max((widest + 1.25 * unit) / BOX_W, (tall * 1.15 + 0.6 * unit) / BOX_H) + 0.25 * unit;
  }

  /** Smaller type for a name wider than its bubble, down to MIN_NAME; then it wraps. */
  _fitName(box, label) {
    label.style.fontSize = '';
    label.style.whiteSpace = 'nowrap';
    const smallest = MIN_NAME * rem();
    let size = parseFloat(window.getComputedStyle(label).fontSize);
    while (label.scrollWidth > box.clientWidth && size > smallest) {
      size = Math.max(smallest, size - 2);
      label.style.fontSize = `${size}px`;
    }
    label.style.whiteSpace = '';
  }

  _draw(item, width, height) {
    const { theme, x, y, r } = item;
    const { element } = this.bubbles.get(theme.id);
    this.places.set(theme.id, { x: x / width, y: y / height });
    element.hidden = false;
    // a new bubble appears in place (a CSS animation), instead of sliding in from a corner
    const entering = element.classList.contains('entering');
    element.className = `bubble ${tier(theme)}${theme.shared ? ' shared' : ''}${theme.marked ? ' marked' : ''}`
      + (entering ? ' entering' : '');
    if (entering) {
      window.requestAnimationFrame(() => window.requestAnimationFrame(() => element.classList.remove('entering')));
    }
    element.style.width = `${2 * r}px`;
    element.style.height = `${2 * r}px`;
    element.style.transform = `translate(${x - r}px, ${y - r}px)`;
    const box = element.firstChild;
    box.style.width = `${BOX_W * r}px`;
    box.style.height = `${BOX_H * r}px`;
    const [label, meta, words] = box.firstChild.children;
    label.textContent = theme.label;
    this._fitName(box, label);
    meta.replaceChildren(...this._metaParts(theme).map((part) => make('span', { text: part })));
    this._fitWords(box, words, theme.words);
    element.dataset.words = String(words.querySelectorAll('[data-testid="web-word"]').length);
  }

  /** Show as many words as fit the box, the most named first, and "+n" for the rest. A word
      too wide for the box even on its own is skipped (and counted in "+n"). */
  _fitWords(box, list, words) {
    const content = box.firstChild;
    const render = (shown) => {
      const items = shown.map((word) => make('li', { text: wordLabel(word, this.text), attrs: { 'data-testid': 'web-word' } }));
      const rest = words.length - shown.length;
      if (rest > 0) items.push(make('li', { text: format(this.text.more, { count: rest }), className: 'more' }));
      list.replaceChildren(...items);
      return items;
    };
    const items = render(words.slice(0, MAX_WORDS));
    let shown = words.slice(0, MAX_WORDS).filter((word, index) => items[index].offsetWidth <= box.clientWidth);
    for (;;) {
      render(shown);
      if (shown.length === 0 || (content.offsetHeight <= box.clientHeight && content.scrollWidth <= box.clientWidth)) return;
      shown = shown.slice(0, -1);
    }
  }
}

/** Pack circles on a width × height stage; returns the placed items (with x, y, r), those left
    over and the scale used. Each radius is the larger of its share of the stage (scale × √weight)
    and its text floor; the scale starts at `previous` when that is smaller. `unit`: px per rem. */
export function pack(items, width, height, previous = null, unit = 16) {
  const maxR = height * 0.32;
  const total = items.reduce((sum, item) => sum + item.weight, 0) || 1;
  // the most named first; among equals the ones already on the stage keep their place first
  const order = [...items].sort((a, b) => b.weight - a.weight || (b.old ? 1 : 0) - (a.old ? 1 : 0)
    || a.theme.id.localeCompare(b.theme.id));
  let scale = Math.sqrt((FILL * width * height) / (Math.PI * total));
  if (previous) scale = Math.min(scale, previous);
  let best = null;
  for (let attempt = 0; attempt < TRIES; attempt += 1) {
    for (const item of order) item.r = Math.min(maxR, Math.max(scale * Math.sqrt(item.weight), item.floor));
    const result = { ...place(order, width, height, unit), scale };
    // the best attempt leaves the fewest shared themes off the stage, then the fewest mentors'
    if (!best || loses(best, result)) best = result;
    if (result.left.length === 0) break;
    scale *= SHRINK;
  }
  return best;
}

function leftWeight(result, which = () => true) {
  return result.left.filter((item) => which(item.theme)).reduce((sum, item) => sum + item.weight, 0);
}

/** Whether `other` leaves less off the stage than `result`: shared themes count first. */
function loses(result, other) {
  const shared = leftWeight(result, isShared) - leftWeight(other, isShared);
  return shared > 0 || (shared === 0 && leftWeight(other) < leftWeight(result));
}

/** Shared themes first, then the one-mentor themes; in each, the bubbles already on the stage
    (near their old spot), then the new ones (near the middle), biggest first. A bubble without
    room is left over. */
function place(order, width, height, unit) {
  const placed = [];
  const left = [];
  const turn = (item) => (isShared(item.theme) ? 0 : 2) + (item.old ? 0 : 1);
  const queue = [0, 1, 2, 3].flatMap((step) => order.filter((item) => turn(item) === step));
  for (const item of queue) {
    if (item.r * 2 > Math.min(width, height)) {
      left.push(item);
      continue;
    }
    // a new bubble starts half a row above the middle: on a wide, low stage the first one then
    // leaves room for a second row under it, instead of one row along the middle
    const origin = item.old
      ? { x: item.old.x * width, y: item.old.y * height }
      : { x: width / 2, y: Math.max(item.r, height / 2 - 0.87 * item.r) };
    const spot = freeSpot(origin, item.r, placed, width, height, unit);
    if (spot) placed.push({ ...item, x: spot.x, y: spot.y });
    else left.push(item);
  }
  // what does not fit goes to the list, least named first; the rest keeps the stage
  return { placed, left: left.sort((a, b) => b.weight - a.weight) };
}

/** The first point of a sunflower spiral around `origin` where a circle of radius r stays on
    the stage and clear of every placed circle. The spiral is stretched to the stage's shape. */
function freeSpot(origin, r, placed, width, height, unit) {
  const stretch = Math.min(2, width / height);
  const reach = Math.max(width / stretch, height);
  const step = SPIRAL_STEP * unit;
  const gap = GAP * unit;
  const points = Math.ceil((reach / step) ** 2);
  for (let k = 0; k <= points; k += 1) {
    const distance = step * Math.sqrt(k);
    const angle = k * GOLDEN_ANGLE;
    const x = origin.x + distance * Math.cos(angle) * stretch;
    const y = origin.y + distance * Math.sin(angle);
    if (x < r || y < r || x > width - r || y > height - r) continue;
    let free = true;
    for (const other of placed) {
      const room = r + other.r + gap;
      const dx = x - other.x;
      const dy = y - other.y;
      if (dx * dx + dy * dy < room * room) {
        free = false;
        break;
      }
    }
    if (free) return { x, y };
  }
  return null;
}
