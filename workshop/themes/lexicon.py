"""The shipped value lexicon: which words and phrases name which canonical theme."""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .normalise import check_language, normalise, stem, stopwords
from .spelling import SpellingIndex

DATA_DIR = Path(__file__).parent / "data"
WEAK = 0.5  # a weak term ("sfeer", "leren") loses to any strong one in the same text


@dataclass(frozen=True)
class Hit:
    """One lexicon match inside a text: the theme it names and how much it counts."""

    theme: str
    weight: float


class Lexicon:
    """Phrases keyed by their stem sequence, plus the word lists reading a text needs."""

    def __init__(self, data: dict, language: str):
        self.language = language
        self.labels: dict[str, str] = {key: t["label"] for key, t in data["themes"].items()}
        self.deck: list[str] = list(data["deck"])
        singles = {normalise(term) for t in data["themes"].values()
                   for term in t["terms"] + t["weak"] if len(normalise(term).split()) == 1}
        # a word that names a value on its own ("samen", "jezelf", "open") is never a stopword
        neutral_words = {normalise(w) for w in data["neutral"]}
        self.stopwords = stopwords(language) - singles - neutral_words
        self.neutral = {stem(w, language) for w in neutral_words}
        self.phrases: dict[tuple[str, ...], Hit] = {}
        self.terms: list[tuple[str, str]] = []  # (normalised term, theme) for n-gram neighbours
        self._stem_of: dict[str, str] = {w: stem(w, language) for w in neutral_words}
        for key, theme in data["themes"].items():
            for weight, entries in ((WEAK, theme["weak"]), (1.0, theme["terms"])):
                for term in entries:
                    self._add_phrase(term, key, weight)
        self._known_stems = set(self._stem_of.values())
        self._singles = {w: s for w, s in self._stem_of.items() if (s,) in self.phrases}
        self._spelling = SpellingIndex(set(self._stem_of))
        self.max_phrase = max(len(k) for k in self.phrases)

    def _add_phrase(self, term: str, theme: str, weight: float) -> None:
        kept = [w for w in normalise(term).split() if w not in self.stopwords]
        stems = tuple(stem(w, self.language) for w in kept)
        key = tuple(s for s in stems if s not in self.neutral)
        if not key:
            raise ValueError(f"lexicon term {term!r} has no value-bearing word")
        known = self.phrases.get(key)
        if known and known.theme != theme:
            raise ValueError(f"lexicon term {term!r} is in both {known.theme!r} and {theme!r}")
        # a term listed as strong and weak in one theme counts as strong
        if not known or known.weight < weight:
            self.phrases[key] = Hit(theme, weight)
        self._stem_of.update(zip(kept, stems, strict=True))
        self.terms.append((normalise(term), theme))

    def canonical(self, word: str) -> str:
        """The stem a normalised word stands for: its own, a typo's target, or a compound's."""
        if word in self._stem_of:
            return self._stem_of[word]
        own = stem(word, self.language)
        if own in self._known_stems:
            return own
        meant = self._spelling.correct(word)
        if meant is not None:
            return self._stem_of[meant]
        return self._compound_part(word) or own

    def _compound_part(self, word: str) -> str | None:
        """Dutch compounds put the head last ("talentontwikkeling"), the modifier first."""
        for start in range(3, len(word) - 3):
            if word[start:] in self._singles:
                return self._singles[word[start:]]
        for end in range(len(word) - 3, 4, -1):
            modifier = word[:end]
            # linking s: "vertrouwensband", "veiligheidsgevoel"
            for candidate in (modifier, modifier[:-1] if modifier.endswith("s") else ""):
                if candidate in self._singles:
                    return self._singles[candidate]
        return None


@cache
def load_lexicon(language: str = "nl") -> Lexicon:
    """Read and index the lexicon shipped for a language, once per process."""
    check_language(language)
    path = DATA_DIR / f"lexicon_{language}.json"
    return Lexicon(json.loads(path.read_text(encoding="utf-8")), language)
