// Small helpers every page shares: its translated strings, elements by test id, safe text.
// Server data only ever reaches the DOM through textContent or attributes, never innerHTML.

/** The strings the template rendered for this page (a JSON block; no inline script). */
export function strings() {
  const block = document.getElementById('strings');
  return block ? JSON.parse(block.textContent) : {};
}

/** The element with data-testid `id` (the same hooks the browser tests use). */
export function byTestId(id, root = document) {
  return root.querySelector(`[data-testid="${id}"]`);
}

/** Fill `{name}` placeholders; values are inserted as plain text later by the caller. */
export function format(template, values) {
  return String(template).replace(/\{(\w+)\}/g, (all, key) => (key in values ? String(values[key]) : all));
}

/** Set an element's text, or hide it when there is none. */
export function setText(element, text) {
  element.textContent = text || '';
  element.hidden = !text;
}

/** Create an element with text content and attributes. */
export function make(tag, { text, className, attrs } = {}) {
  const element = document.createElement(tag);
  if (text !== undefined) element.textContent = text;
  if (className) element.className = className;
  for (const [name, value] of Object.entries(attrs || {})) element.setAttribute(name, value);
  return element;
}

/** localStorage that never throws (private mode, full storage, disabled cookies). */
export const store = {
  get(key) {
    try {
      const raw = window.localStorage.getItem(key);
      return raw === null ? null : JSON.parse(raw);
    } catch {
      return null;
    }
  },
  set(key, value) {
    try {
      window.localStorage.setItem(key, JSON.stringify(value));
    } catch {
      // nothing to do: the page keeps working, it just forgets on reload
    }
  },
  remove(key) {
    try {
      window.localStorage.removeItem(key);
    } catch {
      // as above
    }
  },
};

/** Read a secret from the URL fragment (#token=…), then take it out of the address bar,
    which may be on the projector. A link pasted into the same tab changes only the fragment,
    which does not reload the page: reload then, so the new secret is read. */
export function takeFragmentSecret(name) {
  const secretIn = () => new URLSearchParams(window.location.hash.slice(1)).get(name);
  const secret = secretIn();
  if (secret) {
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  window.addEventListener('hashchange', () => {
    if (secretIn()) window.location.reload();
  });
  return secret;
}

/** Show a join code in readable halves: "K7QM2X" → "K7Q M2X". */
export function spacedCode(code) {
  const half = Math.ceil(code.length / 2);
  return `${code.slice(0, half)} ${code.slice(half)}`;
}

/** A word of the values web with how often it was named: "vertrouwen ×3" (`text.word_count`). */
export function wordLabel(word, text) {
  return word.count > 1 ? format(text.word_count, word) : word.text;
}

/** A canvas domain's name without its explanation, for narrow places:
    "Studiebegeleiding (studieplanner, KWT)" → "Studiebegeleiding". */
export function domainShort(name) {
  return String(name || '').split(' (')[0];
}

/** Goals most liked first; equal likes keep the order in which they were added. */
export function goalsByLikes(goals) {
  return goals.map((goal, index) => ({ goal, index }))
    .sort((a, b) => b.goal.likes - a.goal.likes || a.index - b.index)
    .map(({ goal }) => goal);
}
