"""The design canvas: mentor domains, periods of the school year, and the goal-writing aid.

The domains are the mentor's tasks of seed text 004; a goal lands in one domain × period cell
of a canvas per target group, so the canvas becomes the year's plan of mentor lessons.
"""

import json
import re
from functools import lru_cache
from pathlib import Path

from .errors import WorkshopError
from .messages import N_
from .model import clean_text

DOMAINS = (
    ("introductie", N_("Introductie")),
    ("studiebegeleiding", N_("Studiebegeleiding (studieplanner, KWT)")),
    ("persoonlijk_sociaal", N_("Persoonlijke en sociale begeleiding")),
    ("groepsbegeleiding", N_("Groepsbegeleiding")),
    ("ouders", N_("Contact met ouders")),
    ("leerlinggesprekken", N_("Gesprekken met de leerling")),
    ("docenten", N_("Contact met docenten")),
    ("dossier", N_("Dossiervorming")),
)
# A new workshop's periods are stored in Dutch, like everything it stores; an English page
# shows a name that is still this template as its translation ("Period 1"), see web/i18n.py
PERIOD_NAME = N_("Periode {number}")
DEFAULT_PERIODS = tuple(PERIOD_NAME.format(number=number) for number in range(1, 5))
MAX_PERIODS = 12
MAX_CANVASES = 12
MAX_GOAL_CHARS = 200
MAX_NAME_CHARS = 80
MAX_VISION_CHARS = 200
MAX_DOELGROEP_CHARS = 1000
MAX_GOALS_PER_MENTOR = 30
MAX_VISIONS_PER_CANVAS = 50

_DATA = Path(__file__).parent / "data" / "goal_aid_nl.json"
# the goal-writing aid's advice (goal_hints), answered to the one who wrote the goal
HINT_MENTOR = N_("Dit beschrijft wat de mentor doet. Schrijf wat de leerling kan of weet.")
HINT_OPENING = N_("Begin met wat de leerling leert, bijvoorbeeld: ‘De leerling kan …’.")
HINT_VAGUE_VERB = N_("Kies een werkwoord dat je kunt zien, zoals benoemen, plannen of uitleggen, "
                     "in plaats van begrijpen of beseffen.")
HINT_NO_VERB = N_("Noem wat de leerling doet, met een werkwoord als benoemen, plannen of "
                  "uitleggen.")


def check_domain(raw: object) -> str:
    """One of the eight domain keys."""
    if not isinstance(raw, str) or raw not in {key for key, _name in DOMAINS}:
        raise WorkshopError("invalid", "Kies een van de acht mentortaken.")
    return raw


def check_period(raw: object, period_ids: list[str]) -> str:
    """A period id of this workshop."""
    if not isinstance(raw, str) or raw not in period_ids:
        raise WorkshopError("invalid", "Kies een periode van het schooljaar.")
    return raw


def check_name(raw: object, field: str) -> str:
    """A canvas or period name."""
    return clean_text(raw, field, MAX_NAME_CHARS)


def check_goal_text(raw: object) -> str:
    """A learning goal, at most 200 characters."""
    return clean_text(raw, "Het leerdoel", MAX_GOAL_CHARS)


@lru_cache(maxsize=1)
def _aid() -> dict:
    return json.loads(_DATA.read_text(encoding="utf-8"))


def verb_forms(infinitive: str, prefixes: tuple[str, ...] = ()) -> set[str]:
    """The forms a Dutch verb takes after 'de leerling': plannen → plan, plant, plannen.

    Spelling rules of the present tense: a doubled consonant is single (plann → plan), an
    open syllable keeps its long vowel (vrag → vraag), z and v end as s and f (kies, geef).
    A separable verb (aangeven) also counts by its base verb (geeft … aan).
    """
    forms = {infinitive}
    if infinitive.endswith("en") and len(infinitive) > 3:
        stem = infinitive[:-2]
        if stem[-1] == stem[-2] and stem[-1] not in "aeiou":
            stem = stem[:-1]
        elif re.search(r"(?:^|[^aeiou])([aeou])[^aeiou]$", stem):
            stem = re.sub(r"([aeou])([^aeiou])$", r"\1\1\2", stem)
        stem = stem[:-1] + {"z": "s", "v": "f"}.get(stem[-1], stem[-1])
        forms |= {stem, stem + "t"}
    for prefix in prefixes:
        if infinitive.startswith(prefix) and len(infinitive) > len(prefix) + 3:
            forms |= verb_forms(infinitive[len(prefix):])
    return forms


@lru_cache(maxsize=1)
def _verbs() -> tuple[frozenset[str], frozenset[str]]:
    """Every form of the observable and of the vague verbs (the last word of a phrase)."""
    aid = _aid()
    prefixes = tuple(aid["separable_prefixes"])

    def forms(verbs: list[str]) -> frozenset[str]:
        return frozenset(f for verb in verbs for f in verb_forms(verb.split()[-1], prefixes))

    return forms(aid["observable_verbs"]), forms(aid["vague_verbs"])


def goal_hints(text: str) -> list[str]:
    """Plain advice on a goal: say what the student can do, with a verb you can see happen.

    Rules, not scores: a goal about the mentor's own action, a missing 'De leerling …'
    opening, and only vague verbs (begrijpen, beseffen) each give one hint.
    """
    aid = _aid()
    lowered = re.sub(r"\s+", " ", text.casefold()).strip()
    words = re.findall(r"\w+", lowered)
    hints = []
    first = " ".join(words[:2])
    if any(first == s or first.startswith(s + " ") or words[:1] == [s]
           for s in aid["mentor_subjects"]):
        hints.append(HINT_MENTOR)
    elif not any(lowered.startswith(opening) for opening in aid["openings"]):
        hints.append(HINT_OPENING)
    observable, vague = _verbs()
    if not observable & set(words):
        if vague & set(words):
            hints.append(HINT_VAGUE_VERB)
        else:
            hints.append(HINT_NO_VERB)
    return hints
