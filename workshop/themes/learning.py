"""What one workshop's grouping teaches the workshops created after it on the same server.

A lesson is a value form (normalised as the grouping normalises it) and the theme label it
ended up under; nothing else (no names, no "waarom", no workshop). Lessons come from the
facilitator's corrections (a moved, merged or split-off value) and from an imported web's
final grouping, where only the placements the built-in grouping would not make are lessons.
When lessons for one form disagree, the most recent one wins: the last facilitator who
corrected a form is the one whose team knew it best, and a mistake is mended by correcting
it once more.
"""

from dataclasses import dataclass
from datetime import datetime

from .engine import ThemeEngine
from .lexicon import load_lexicon
from .reading import read
from .similarity import look_alike_theme


@dataclass(frozen=True)
class Lesson:
    """One learned placement: values of this form belong to the theme of this label."""

    form: str
    label: str


@dataclass(frozen=True)
class TaughtPlacement:
    """A lesson as stored: when it was taught, so the most recent one can win."""

    label: str
    taught_at: datetime


def lessons_of_correction(engine: ThemeEngine, value_ids: list[str]) -> list[Lesson]:
    """The lessons of a facilitator placing these values where they now are."""
    lessons = {}
    for value_id in value_ids:
        form = engine.form_of(value_id)
        if form:
            lessons[form] = Lesson(form, engine.taught_label(engine.theme_of(value_id)))
    return list(lessons.values())


def lessons_of_import(engine: ThemeEngine) -> list[Lesson]:
    """The placements of an imported web that the built-in grouping would make differently."""
    lexicon = load_lexicon(engine.language)
    lessons = {}
    for theme in engine.themes():
        label = engine.taught_label(theme["id"])
        key = lexicon.key_of_label(label)
        for value in theme["values"]:
            reading = read(value["text"], engine.language)
            built_in = reading.theme or look_alike_theme(reading.content, engine.language)
            if reading.form and (key is None or built_in != key):
                lessons[reading.form] = Lesson(reading.form, label)
    return list(lessons.values())


def prevailing_label(placements: list[TaughtPlacement]) -> str | None:
    """The label that wins among the lessons for one form: the most recent (ties by label,
    so every process picks the same)."""
    if not placements:
        return None
    return max(placements, key=lambda p: (p.taught_at, p.label)).label
