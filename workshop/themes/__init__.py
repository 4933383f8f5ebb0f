"""Theme grouping of mentor values: batch clustering, a live engine, value terms, the deck."""

from .clustering import cluster_texts
from .engine import ThemeEngine
from .lexicon import load_lexicon
from .reading import read


def value_terms(text: str, language: str = "nl") -> set[str]:
    """Value-bearing stems of a text plus the lexicon themes it names, to match drafts to themes."""
    reading = read(text, language)
    return set(reading.terms) | set(reading.hits)


def value_deck(language: str = "nl") -> list[str]:
    """Capitalised value words to suggest while a mentor types on a phone."""
    return list(load_lexicon(language).deck)


__all__ = ["ThemeEngine", "cluster_texts", "value_deck", "value_terms"]
