"""Theme grouping of mentor values: batch clustering, a live engine, value terms, the deck."""

from .clustering import cluster_texts
from .engine import ThemeEngine
from .lexicon import load_lexicon
from .reading import read
from .similarity import term_index


def value_terms(text: str, language: str = "nl") -> set[str]:
    """Value-bearing stems of a text plus the lexicon themes it names, to match drafts to themes."""
    reading = read(text, language)
    return set(reading.terms) | set(reading.hits)


def prepare(language: str = "nl") -> None:
    """Build the lexicon, stemmer and n-gram index now, so the first value a mentor sends
    does not pay for them (over a second) while the server's event loop waits."""
    term_index(language)
    cluster_texts(["vertrouwen", "veiligheid"], language)


def value_deck(language: str = "nl") -> list[str]:
    """Capitalised value words to suggest while a mentor types on a phone."""
    return list(load_lexicon(language).deck)


__all__ = ["ThemeEngine", "cluster_texts", "prepare", "value_deck", "value_terms"]
