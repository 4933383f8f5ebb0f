"""The shipped value lexicon: which words, phrases and sayings name which canonical theme."""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .morphology import TRUSTED_HEAD, compound_splits, derivation_bases
from .normalise import check_language, normalise, stem, stopwords
from .spelling import SpellingIndex

DATA_DIR = Path(__file__).parent / "data"
WEAK = 0.5  # a weak term ("sfeer", "ruimte") loses to any strong one in the same text
SHORTEST_MODIFIER = 5  # an unknown head defers to its modifier only if that is this long


@dataclass(frozen=True)
class Hit:
    """One lexicon match inside a text: the theme it names and how much it counts."""

    theme: str
    weight: float


@dataclass(frozen=True)
class ThemeDoc:
    """What a theme covers and where it ends, for the people who extend the lexicon."""

    label: str
    covers: str
    boundaries: str


class Lexicon:
    """Phrases keyed by their stem sequence, plus the word lists reading a text needs."""

    def __init__(self, data: dict, language: str):
        self.language = language
        themes = data["themes"]
        self.labels: dict[str, str] = {key: t["label"] for key, t in themes.items()}
        self._key_of_label = {t["label"].casefold(): key for key, t in themes.items()}
        self.docs = {key: ThemeDoc(t["label"], t.get("covers", ""), t.get("boundaries", ""))
                     for key, t in themes.items()}
        self.deck: list[str] = list(data["deck"])
        grammar = data.get("grammar", {})
        self.coordinators = frozenset(grammar.get("coordinators", ()))
        self.prepositions = frozenset(grammar.get("prepositions", ()))
        self.particles = frozenset(grammar.get("particles", ()))
        self.semi_suffixes = frozenset(grammar.get("semi_suffixes", ()))
        singles = {normalise(term) for t in themes.values()
                   for term in t["terms"] + t["weak"] if len(normalise(term).split()) == 1}
        # a word that names a value on its own ("samen", "jezelf", "open") is never a stopword
        neutral_words = {normalise(w) for w in data["neutral"]}
        self.stopwords = stopwords(language) - singles - neutral_words
        self.neutral = {stem(w, language) for w in neutral_words}
        self.phrases: dict[tuple[str, ...], Hit] = {}
        self.sayings: dict[tuple[str, ...], Hit] = {}
        # (stems of a term as the reader sees them, theme): the n-gram index of look-alikes
        self.terms: list[tuple[str, str]] = []
        self._stem_of: dict[str, str] = {w: stem(w, language) for w in neutral_words}
        for key, theme in themes.items():
            for weight, entries in ((WEAK, theme["weak"]), (1.0, theme["terms"])):
                for term in entries:
                    self._add_phrase(term, key, weight)
            for saying in theme.get("sayings", ()):
                self._add_saying(saying, key)
        self._add_reversed_pairs({stem(normalise(w), language)
                                  for w in grammar.get("reciprocals", ())})
        self._known_stems = set(self._stem_of.values())
        self._spelling = SpellingIndex(set(self._stem_of))
        self.max_phrase = max(len(k) for k in self.phrases)
        self.max_saying = max((len(k) for k in self.sayings), default=0)

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
        self.terms.append((" ".join(key), theme))

    def _add_reversed_pairs(self, reciprocals: set[str]) -> None:
        """A pair with "elkaar" or "jezelf" also matches the other way round, as Dutch word
        order moves the verb: "elkaar helpen" and "we helpen elkaar". Other pairs keep their
        order: "zelfstandig leren" is not "leren zelfstandig (te zijn)"."""
        for (first, *rest), hit in list(self.phrases.items()):
            if len(rest) == 1 and {first, rest[0]} & reciprocals:
                self.phrases.setdefault((rest[0], first), hit)

    def _add_saying(self, saying: str, theme: str) -> None:
        """Sayings match word for word, function words included: "jij mag er zijn"."""
        key = tuple(stem(w, self.language) for w in normalise(saying).split())
        if len(key) < 2:
            raise ValueError(f"saying {saying!r} needs two or more words; list one word as a term")
        known = self.sayings.get(key)
        if known and known.theme != theme:
            raise ValueError(f"saying {saying!r} is in both {known.theme!r} and {theme!r}")
        # sayings stay out of the n-gram index: their function words are no evidence of a theme
        self.sayings[key] = Hit(theme, 1.0)

    def key_of_label(self, label: str) -> str | None:
        """The theme whose canonical name this is ("burgerschap" -> burgerschap), if any."""
        return self._key_of_label.get(label.strip().casefold())

    def knows(self, word_stem: str) -> bool:
        """Whether a stem occurs in any term, saying words aside."""
        return word_stem in self._known_stems and word_stem not in self.neutral

    def canonical(self, word: str) -> str:
        """The stem a normalised word stands for: its own, its base's, a typo's target, or
        a compound's head (or modifier, when the head names nothing)."""
        known = self._whole(word)
        if known is not None:
            return known
        meant = self._spelling.correct(word)
        if meant is not None:
            return self._stem_of[meant]
        return self._compound_part(word) or stem(word, self.language)

    def _whole(self, word: str) -> str | None:
        """The known stem of a whole word or of the word it is derived from, else None."""
        if word in self._stem_of:
            return self._stem_of[word]
        own = stem(word, self.language)
        if own in self._known_stems:
            return own
        for base in derivation_bases(word):
            if base in self._stem_of:
                return self._stem_of[base]
            if stem(base, self.language) in self._known_stems:
                return stem(base, self.language)
        return None

    def _compound_part(self, word: str) -> str | None:
        """Dutch compounds put the head last: a "schoolklimaat" is a klimaat (neutral), a
        "veiligheidsgevoel" a gevoel about veiligheid. A short head ("vrij" in "gastvrij")
        counts only when the modifier is a known word too; a weak head ("kansen") or one that
        names no value gives way to a modifier that does ("ontwikkelingskansen"); and a
        semi-suffix ("-bewust", "-gericht") always leaves the meaning to its modifier."""
        splits = compound_splits(word)
        for head, modifiers in splits:
            head_stem = None if head in self.semi_suffixes else self._head(head)
            if head_stem is None and head not in self.semi_suffixes:
                continue
            modifier_stem = next(filter(None, map(self._value_stem, modifiers)), None)
            if head_stem is None:
                return modifier_stem
            if not self._names_value(head_stem) or self._is_weak(head_stem):
                # the modifier takes over only when long: "vrijdag" is not about vrijheid
                takes_over = modifier_stem and not self._is_weak(modifier_stem) \
                    and len(modifiers[-1]) >= SHORTEST_MODIFIER
                return modifier_stem if takes_over else head_stem
            if len(head) >= TRUSTED_HEAD or modifier_stem is not None:
                return head_stem
        # the head is unknown: a long modifier that is a listed word decides ("respectcultuur")
        for _, modifiers in reversed(splits):
            for modifier in modifiers:
                modifier_stem = self._head(modifier) if len(modifier) >= SHORTEST_MODIFIER else None
                if modifier_stem is not None and self._names_value(modifier_stem):
                    return modifier_stem
        return None

    def _value_stem(self, part: str) -> str | None:
        """The stem of a compound part when it names a value on its own, else None."""
        part_stem = self._whole(part)
        return part_stem if part_stem is not None and self._names_value(part_stem) else None

    def _names_value(self, word_stem: str) -> bool:
        return (word_stem,) in self.phrases

    def _head(self, head: str) -> str | None:
        """The stem of a compound's head: a listed word, or an inflection of a long one;
        derivations are not trusted here ("leving" in "veiligheidsbeleving" is not "leven")."""
        if head in self._stem_of:
            return self._stem_of[head]
        if len(head) < TRUSTED_HEAD:
            return None
        own = stem(head, self.language)
        return own if own in self._known_stems else None

    def _is_weak(self, word_stem: str) -> bool:
        hit = self.phrases.get((word_stem,))
        return hit is not None and hit.weight <= WEAK


@cache
def load_lexicon(language: str = "nl") -> Lexicon:
    """Read and index the lexicon shipped for a language, once per process."""
    check_language(language)
    path = DATA_DIR / f"lexicon_{language}.json"
    return Lexicon(json.loads(path.read_text(encoding="utf-8")), language)
