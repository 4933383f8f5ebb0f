"""The mission board: draft sentences, which shared themes they cover, dot votes, readability.

Plain rules over plain data; the service loads and saves, this module decides.
"""

import re
from collections.abc import Iterable

from .errors import WorkshopError
from .messages import N_
from .model import clean_text
from .themes import value_terms

MAX_DRAFT_CHARS = 300
MAX_SENTENCES = 2
LONG_SENTENCE_WORDS = 25
DEFAULT_VOTES = 3
VOTES_PER_PERSON = range(1, 11)
MAX_DRAFTS_PER_MENTOR = 10
MAX_COMBINED = 10  # drafts the facilitator combines into one at a time

# readability warnings, shown on every screen in its language (workshop/web/i18n.py)
TOO_MANY_SENTENCES = N_("{count} zinnen: een missie is één of twee zinnen.")
LONG_SENTENCE = N_("Een zin van {count} woorden: kan het korter?")

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[^\s])")


def check_draft_text(raw: object) -> str:
    """A draft mission: one or two sentences, at most 300 characters."""
    return clean_text(raw, "Je missiezin", MAX_DRAFT_CHARS)


def check_mission_text(raw: object) -> str:
    """The adopted mission must be what the seed asks for: one or two crisp sentences."""
    text = clean_text(raw, "De missie", MAX_DRAFT_CHARS)
    if len(sentences(text)) > MAX_SENTENCES:
        raise WorkshopError("too_many_sentences",
                            "Een missie is één of twee zinnen. Maak hem korter.")
    return text


def sentences(text: str) -> list[str]:
    """Split on sentence ends (. ! ?) followed by space; a text without one is one sentence."""
    return [part for part in _SENTENCE_END.split(text.strip()) if part]


def readability(text: str) -> dict:
    """Honest counts and plain warnings, no scores: sentences, words, the longest sentence."""
    parts = sentences(text)
    lengths = [len(part.split()) for part in parts]
    warnings = []
    if len(parts) > MAX_SENTENCES:
        warnings.append(TOO_MANY_SENTENCES.format(count=len(parts)))
    if lengths and max(lengths) > LONG_SENTENCE_WORDS:
        warnings.append(LONG_SENTENCE.format(count=max(lengths)))
    return {"sentences": len(parts), "words": sum(lengths),
            "longest_sentence": max(lengths, default=0), "warnings": warnings}


def theme_terms(label: str, value_texts: Iterable[str]) -> set[str]:
    """Everything that says a theme: the terms of its label and of each of its values."""
    terms = set(value_terms(label))
    for text in set(value_texts):
        terms |= value_terms(text)
    return terms


def coverage(text: str, themes: list[tuple[str, set[str]]]) -> list[str]:
    """The labels of the themes (label, terms) a draft expresses, normalised like the grouping."""
    said = value_terms(text)
    return [label for label, terms in themes if said & terms]


def votes_left(votes_per_person: int, used: int) -> int:
    """How many dots a mentor still has."""
    return max(votes_per_person - used, 0)


def check_vote(voting_open: bool, votes_per_person: int, used: int) -> None:
    """A dot may be placed while voting is open and the mentor has one left."""
    if not voting_open:
        raise WorkshopError("voting_closed", "Stemmen kan nu niet: de stemming is gesloten.")
    if used >= votes_per_person:
        raise WorkshopError("no_votes_left", "Je hebt al je stemmen gebruikt.")


def check_retract(voting_open: bool, mine_on_draft: int) -> None:
    """A dot may be taken back from a draft it is on, until voting closes."""
    if not voting_open:
        raise WorkshopError("voting_closed", "De stemming is gesloten.")
    if mine_on_draft <= 0:
        raise WorkshopError("no_vote", "Je hebt op deze zin nog niet gestemd.")
