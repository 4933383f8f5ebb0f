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

// The domain's Dutch that broadcasts carry (mentor tasks, default period names, who wrote a
// draft, readability warnings) stays Dutch in the payload, which a room of Dutch and English
// screens shares; an English page carries each Dutch template with its translation
// (`domain-texts`, workshop/web/i18n.py) and shows the text in its own language.
let domainTexts = null;

function templates(field) {
  if (!domainTexts) {
    const block = document.getElementById('domain-texts');
    const groups = block ? JSON.parse(block.textContent) : {};
    domainTexts = {};
    for (const [name, pairs] of Object.entries(groups)) {
      domainTexts[name] = pairs.map(([dutch, translated]) => {
        const names = [];
        const source = dutch.split(/\{(\w+)\}/).map((part, index) => {
          if (index % 2) {
            names.push(part);
            return '(\\d+)'; // every placeholder of these templates is a number
          }
          return part.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
        }).join('');
        return { pattern: new RegExp(`^${source}$`), names, translated };
      });
    }
  }
  return domainTexts[field] || [];
}

/** `text` in the page's language if it is one of the domain's Dutch texts for `field`
    ('domains', 'periods', 'authors', 'warnings'); anything else (a name someone typed) as is. */
export function localText(text, field) {
  for (const { pattern, names, translated } of templates(field)) {
    const found = pattern.exec(text);
    if (found) return format(translated, Object.fromEntries(names.map((name, index) => [name, found[index + 1]])));
  }
  return text;
}

/** A draft's readability with its warnings in the page's language. */
export function localReadability(readability) {
  return { ...readability, warnings: readability.warnings.map((warning) => localText(warning, 'warnings')) };
}

/** The `board` payload as this page shows it: authors and warnings in its language. */
export function localBoard(board) {
  if (!board || !board.drafts) return board;
  return {
    ...board,
    drafts: board.drafts.map((draft) => ({
      ...draft, author: localText(draft.author, 'authors'), readability: localReadability(draft.readability),
    })),
  };
}

/** The `canvas` payload as this page shows it: mentor tasks, default periods and authors in
    its language. */
export function localCanvas(canvas) {
  if (!canvas || !canvas.domains) return canvas;
  return {
    ...canvas,
    domains: canvas.domains.map((domain) => ({ ...domain, name: localText(domain.name, 'domains') })),
    periods: canvas.periods.map((period) => ({ ...period, name: localText(period.name, 'periods') })),
    canvases: canvas.canvases.map((one) => ({
      ...one, goals: one.goals.map((goal) => ({ ...goal, author: localText(goal.author, 'authors') })),
    })),
  };
}

/** Goals most liked first; equal likes keep the order in which they were added. */
export function goalsByLikes(goals) {
  return goals.map((goal, index) => ({ goal, index }))
    .sort((a, b) => b.goal.likes - a.goal.likes || a.index - b.index)
    .map(({ goal }) => goal);
}
