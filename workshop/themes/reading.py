"""Read one value text: its normalised form, value-bearing terms and lexicon theme."""

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import Lexicon, load_lexicon
from .normalise import normalise


@dataclass(frozen=True)
class Reading:
    """What grouping needs to know about one text; equal forms always read the same."""

    form: str  # normalised text: values with equal forms are the same value
    terms: tuple[str, ...]  # canonical stems of the value-bearing words, in order
    hits: tuple[str, ...]  # lexicon themes named anywhere in the text, in order
    theme: str | None  # the lexicon theme the text is about, None when the lexicon is silent
    content: str  # the value-bearing words as typed, for character n-gram similarity


def read(text: str, language: str = "nl") -> Reading:
    """Read a text with the language's lexicon (cached per normalised form)."""
    return read_form(normalise(text), language)


@lru_cache(maxsize=100_000)
def read_form(form: str, language: str = "nl") -> Reading:
    """Read an already normalised form; batches normalise once and call this."""
    lexicon = load_lexicon(language)
    kept = [w for w in form.split() if w not in lexicon.stopwords]
    pairs = [(w, lexicon.canonical(w)) for w in kept]
    pairs = [(w, s) for w, s in pairs if s not in lexicon.neutral]
    terms = tuple(s for _, s in pairs)
    scored = _match(terms, lexicon)
    return Reading(
        form=form,
        terms=terms,
        hits=tuple(dict.fromkeys(theme for theme, _ in scored)),
        theme=_winner(scored),
        content=" ".join(terms) or form,
    )


def _match(terms: tuple[str, ...], lexicon: Lexicon) -> list[tuple[str, float]]:
    """Greedy longest-phrase matching; a phrase counts once per word it covers."""
    scored, i = [], 0
    while i < len(terms):
        for n in range(min(lexicon.max_phrase, len(terms) - i), 0, -1):
            hit = lexicon.phrases.get(terms[i:i + n])
            if hit:
                scored.append((hit.theme, hit.weight * n))
                i += n
                break
        else:
            i += 1
    return scored


def _winner(scored: list[tuple[str, float]]) -> str | None:
    """Highest total wins; on a tie the later word wins, as Dutch puts the head noun last."""
    totals: dict[str, float] = defaultdict(float)
    last_seen: dict[str, int] = {}
    for position, (theme, score) in enumerate(scored):
        totals[theme] += score
        last_seen[theme] = position
    if not totals:
        return None
    return max(totals, key=lambda theme: (totals[theme], last_seen[theme]))
