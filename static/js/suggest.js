// Value suggestions while a mentor types: words from the built-in deck that start with what
// was typed, then those with a later word that does ("veil" → "Sociale veiligheid"), then
// those that contain it, as Dutch compounds do ("vertr" → "Zelfvertrouwen"). Case and
// accents do not matter.

/** Lower case without diacritics, so "é" matches "e". */
export function fold(text) {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLocaleLowerCase('nl').trim();
}

/** Up to `limit` deck words for `query`; words in `taken` (folded) are left out. */
export function suggest(deck, query, taken = new Set(), limit = 5) {
  const wanted = fold(query);
  if (wanted.length < 2) return [];
  const starts = [];
  const wordStarts = [];
  const contains = [];
  for (const word of deck) {
    const folded = fold(word);
    if (taken.has(folded) || folded === wanted) continue;
    if (folded.startsWith(wanted)) starts.push(word);
    else if (folded.split(/\s+/).some((part) => part.startsWith(wanted))) wordStarts.push(word);
    else if (folded.includes(wanted)) contains.push(word);
  }
  return [...starts, ...wordStarts, ...contains].slice(0, limit);
}
