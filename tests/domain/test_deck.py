"""The value deck a phone suggests from, per page language."""

import json
from pathlib import Path

from workshop.deck import value_deck
from workshop.themes import cluster_texts

LEXICON = Path(__file__).resolve().parents[2] / "workshop" / "themes" / "data" / "lexicon_nl.json"


def test_the_dutch_deck_is_the_lexicons_and_any_other_language_gets_it():
    assert "Vertrouwen" in value_deck("nl")
    assert value_deck("de") == value_deck("nl")


def test_every_english_suggestion_joins_a_theme_of_the_lexicon():
    # a suggestion the Dutch grouping did not know would sit alone on the values web
    labels = {theme["label"] for theme in json.loads(LEXICON.read_text())["themes"].values()}
    english = value_deck("en")
    assert len(english) >= 100 and len(set(english)) == len(english)
    assert {"Trust", "Growth", "Respect", "Safety"} <= set(english)
    unknown = [word for word, label in zip(english, cluster_texts(english), strict=True)
               if label not in labels]
    assert not unknown, unknown


def test_an_english_suggestion_lands_with_its_dutch_twin():
    labels = cluster_texts(["Trust", "Vertrouwen", "Growth", "Groei", "Safety", "Veiligheid"])
    assert labels[0] == labels[1] and labels[2] == labels[3] and labels[4] == labels[5]
