"""Measurements of a page as people see it: scrolling, clipped or cut text, type size, split words.

Each probe runs in the page and returns plain data, so a failing test prints what it saw.
"""

from playwright.sync_api import Page

# Waits for the values web's re-layout after a resize (0.1 s) and for every animation to end.
SETTLE = """async () => {
  await new Promise((resolve) => setTimeout(resolve, 350));
  await Promise.all(document.getAnimations().map((a) => a.finished.catch(() => null)));
}"""

# The projector: page size against the window; the join code and QR code inside the window;
# every visible text inside the window and inside any box that hides overflow; the smallest
# type of the text on the stage (the header bar with the brand and the language switch aside).
_PROJECTOR = """() => {
  const doc = document.documentElement;
  const view = { width: window.innerWidth, height: window.innerHeight };
  const seen = (el) => el.checkVisibility({ visibilityProperty: true, opacityProperty: true })
    && el.getClientRects().length > 0;
  const inside = (r) => r.left >= -1 && r.top >= -1
    && r.right <= view.width + 1 && r.bottom <= view.height + 1;
  const box = (r) => [r.left, r.top, r.right, r.bottom].map(Math.round);
  const join = {};
  for (const id of ['qr', 'join-code']) {
    const el = document.querySelector(`[data-testid="${id}"]`);
    if (!el || !seen(el)) continue;
    const r = el.getBoundingClientRect();
    join[id] = { box: box(r), inside: inside(r), cut: el.scrollWidth > el.clientWidth + 1 };
  }
  const outside = [];
  const cut = [];
  let smallest = null;
  const screen = document.querySelector('[data-testid="screen"]');
  for (const el of screen.querySelectorAll('*')) {
    if (!seen(el)) continue;
    const style = getComputedStyle(el);
    const hides = style.overflowX !== 'visible' || style.overflowY !== 'visible';
    const name = `${el.tagName.toLowerCase()}.${el.className || el.dataset.testid || ''}`;
    if (hides && (el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1)) {
      cut.push(`${name} ${el.scrollWidth}x${el.scrollHeight}`
        + ` in ${el.clientWidth}x${el.clientHeight}`);
    }
    const text = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!text) continue;
    const r = el.getBoundingClientRect();
    if (!inside(r)) outside.push(`${name} "${el.textContent.slice(0, 30)}" ${box(r)}`);
    const size = parseFloat(style.fontSize);
    if (!smallest || size < smallest.size) {
      smallest = { size, name, text: el.textContent.slice(0, 40) };
    }
  }
  return { scrollWidth: doc.scrollWidth, scrollHeight: doc.scrollHeight, ...view,
           join, outside, cut, smallest };
}"""

# A phone: the page's width against the window, and every word the layout split over two lines
# (a word's range then has boxes on two different lines).
_PHONE = """() => {
  const doc = document.documentElement;
  const split = [];
  const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent.checkVisibility() || parent.closest('.visually-hidden')) continue;
    for (const match of node.textContent.matchAll(/[^\\s\\-–—\\/·]{2,}/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const boxes = [...range.getClientRects()].filter((r) => r.width > 0);
      const tops = new Set(boxes.map((r) => Math.round(r.top)));
      if (tops.size > 1) split.push(match[0]);
    }
  }
  return { scrollWidth: doc.scrollWidth, width: window.innerWidth, split };
}"""

# The projector's canvas shows its mentor tasks a page at a time; the column of their headings
# must hold the longest word of every task, shown now or on another page, in the headings'
# font. Answers the words that do not fit, with their width and the column's.
_CANVAS_TASK_WORDS = """() => {
  const headings = [...document.querySelectorAll('[data-testid="canvas-grid"] .grid-domain')];
  const shown = headings.find((el) => el.checkVisibility());
  if (!shown) return ['no mentor task shown'];
  const style = getComputedStyle(shown);
  const room = shown.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
  const pen = document.createElement('canvas').getContext('2d');
  pen.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  const words = headings.flatMap((el) => el.textContent.split(/[\\s\\-–—\\/·]+/));
  return words.map((word) => [word, pen.measureText(word).width])
              .filter(([, width]) => width > room + 0.5)
              .map(([word, width]) => `${word} ${Math.round(width)}px > ${room}px`);
}"""


def projector_fit(page: Page) -> dict:
    """The projector's measurements, once the page has settled."""
    page.evaluate(SETTLE)
    return page.evaluate(_PROJECTOR)


def canvas_task_words_too_wide(page: Page) -> list[str]:
    """The words of the canvas's mentor tasks that the projector's heading column cannot hold."""
    page.evaluate(SETTLE)
    return page.evaluate(_CANVAS_TASK_WORDS)


def phone_fit(page: Page) -> dict:
    """A phone page's width and the words its layout split, once the page has settled."""
    page.evaluate(SETTLE)
    return page.evaluate(_PHONE)
