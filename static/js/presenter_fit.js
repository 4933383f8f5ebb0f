// Fitting lists into the projector's fixed screen, which never scrolls: a list either shows
// what fits and counts the rest ("+ 3 meer": names, themes), or, when every item matters
// (groups, drafts), rotates through pages of what fits. Both measure the real layout, so they
// work at any screen size and type size; they need a list box whose height the page sets.

import { format, make } from './page.js';

export const ROTATE_MS = 12000;

function overflows(box) {
  return box.scrollHeight > box.clientHeight + 1 || box.scrollWidth > box.clientWidth + 1;
}

/** Show as many of `list`'s items as fit its box, and "+ N meer" (`moreText`) for the others.
    `drop` says which items give way: the first ones (the oldest names) or the last ones (the
    least named themes). Returns how many items are hidden. */
export function fitList(list, moreText, drop = 'last') {
  list.querySelector(':scope > .more')?.remove();
  const items = [...list.children];
  for (const item of items) item.hidden = false;
  if (!overflows(list)) return 0;
  const more = make('li', { className: 'more', attrs: { 'data-testid': 'more' } });
  if (drop === 'first') list.prepend(more);
  else list.append(more);
  const show = (count) => {
    items.forEach((item, index) => {
      item.hidden = drop === 'first' ? index < items.length - count : index >= count;
    });
    more.textContent = format(moreText, { count: items.length - count });
  };
  // the most items that still fit, found by halving (each try is one layout)
  let low = 0;
  let high = items.length - 1;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    show(middle);
    if (overflows(list)) high = middle - 1;
    else low = middle;
  }
  show(low);
  return items.length - low;
}

/** Pages of a list's items that fit its box, shown one after another every ROTATE_MS, with
    "2 / 3" in `indicator`. Call update() after the items change: the page shown stays, or
    turns to the page of item `focus` (a new or changed item, so the room sees it arrive). */
export class Pager {
  constructor(list, indicator) {
    Object.assign(this, { list, indicator, page: 0, pages: [] });
    window.setInterval(() => this.turn(), ROTATE_MS);
    new ResizeObserver(() => this.update()).observe(list);
  }

  /** Split the items into pages again (they changed, or the screen did). */
  update(focus = null) {
    const items = [...this.list.children];
    this.pages = [];
    for (let start = 0; start < items.length;) {
      items.forEach((item, index) => { item.hidden = index < start; });
      const bottom = this.list.getBoundingClientRect().bottom + 1;
      let count = 0;
      while (start + count < items.length && items[start + count].getBoundingClientRect().bottom <= bottom) count += 1;
      count = Math.max(1, count); // an item taller than the box still gets its own page
      this.pages.push([start, start + count]);
      start += count;
    }
    const focused = focus === null ? -1 : this.pages.findIndex(([start, end]) => focus >= start && focus < end);
    this.show(focused >= 0 ? focused : Math.min(this.page, Math.max(0, this.pages.length - 1)));
  }

  turn() {
    if (this.pages.length > 1) this.show((this.page + 1) % this.pages.length);
  }

  show(page) {
    this.page = page;
    const [start, end] = this.pages[page] || [0, Infinity];
    [...this.list.children].forEach((item, index) => { item.hidden = index < start || index >= end; });
    this.indicator.hidden = this.pages.length < 2;
    this.indicator.textContent = `${page + 1} / ${this.pages.length}`;
  }
}
