"""The shipped lexicon: it loads, is broad, consistent, and feeds the deck and value terms."""

import json
from pathlib import Path

import pytest

from workshop.themes import value_deck, value_terms
from workshop.themes.lexicon import DATA_DIR, Lexicon, load_lexicon
from workshop.themes.normalise import normalise
from workshop.themes.reading import read


def _shipped() -> dict:
    return json.loads((DATA_DIR / "lexicon_nl.json").read_text(encoding="utf-8"))


def test_lexicon_maps_thousands_of_terms_to_the_themes_real_teams_name():
    lexicon = load_lexicon("nl")
    assert 30 <= len(lexicon.labels) <= 45
    assert len(lexicon.terms) + len(lexicon.sayings) >= 2500
    assert set(lexicon.labels) >= {
        "vertrouwen", "veiligheid", "respect", "groei", "autonomie", "burgerschap",
        "levensbeschouwing", "zingeving", "duurzaamheid", "creativiteit", "vakmanschap",
        "kwaliteit", "ondernemendheid", "moed", "reflectie", "normen", "trots",
        "bescheidenheid", "dankbaarheid", "vergeving", "traditie"}


def test_every_theme_has_a_capitalised_label():
    for label in load_lexicon("nl").labels.values():
        assert label[0].isupper()


def test_english_values_land_in_the_dutch_themes():
    assert read("trust").theme == "vertrouwen"
    assert read("safe space").theme == "veiligheid"
    assert read("growth mindset").theme == "groei"


def test_a_term_in_two_themes_is_refused():
    data = {"themes": {
        "a": {"label": "A", "terms": ["rust"], "weak": []},
        "b": {"label": "B", "terms": ["rust"], "weak": []},
    }, "neutral": [], "deck": []}
    with pytest.raises(ValueError, match="rust"):
        Lexicon(data, "nl")


def test_a_saying_in_two_themes_is_refused():
    data = {"themes": {
        "a": {"label": "A", "terms": ["rust"], "weak": [], "sayings": ["jij mag er zijn"]},
        "b": {"label": "B", "terms": ["moed"], "weak": [], "sayings": ["Jij mag er zijn!"]},
    }, "neutral": [], "deck": []}
    with pytest.raises(ValueError, match="(?i)jij mag er zijn"):
        Lexicon(data, "nl")


def test_a_one_word_saying_is_refused():
    data = {"themes": {"a": {"label": "A", "terms": ["rust"], "weak": [], "sayings": ["rust"]}},
            "neutral": [], "deck": []}
    with pytest.raises(ValueError, match="two or more words"):
        Lexicon(data, "nl")


def test_no_term_is_listed_in_two_themes_of_the_shipped_data():
    seen = {}
    for key, theme in _shipped()["themes"].items():
        for term in theme["terms"] + theme["weak"] + theme.get("sayings", []):
            form = normalise(term)
            assert seen.setdefault(form, key) == key, f"{term!r} in {seen[form]} and {key}"


def test_every_theme_documents_what_it_covers_and_where_it_ends():
    doc = (Path(__file__).parents[2] / "docs" / "THEMES.md").read_text(encoding="utf-8")
    labels = set(load_lexicon("nl").labels.values())
    for key, theme in load_lexicon("nl").docs.items():
        assert len(theme.covers) > 40, key
        assert len(theme.boundaries) > 40, key
        # a boundary names the neighbours by their labels, so each one must exist
        named = {label for label in labels if label in theme.boundaries}
        assert named - {theme.label}, key
        assert f"| {theme.label} |" in doc, key


def test_every_theme_label_reads_as_its_own_theme():
    for key, label in load_lexicon("nl").labels.items():
        assert read(label).theme == key, label


def test_a_term_of_only_stopwords_is_refused():
    data = {"themes": {"a": {"label": "A", "terms": ["er zijn voor"], "weak": []}},
            "neutral": [], "deck": []}
    with pytest.raises(ValueError, match="no value-bearing word"):
        Lexicon(data, "nl")


def test_weak_terms_lose_to_strong_ones():
    assert read("ruimte").theme == "autonomie"
    assert read("ruimte voor creativiteit").theme == "creativiteit"
    assert read("sfeer").theme == "veiligheid"
    assert read("gezellige sfeer").theme == "plezier"


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="unsupported language"):
        load_lexicon("xx")


def test_deck_is_capitalised_and_every_card_names_a_theme():
    deck = value_deck()
    assert 100 <= len(deck) <= 200
    assert len(deck) == len(set(deck))
    for card in deck:
        assert card[0].isupper()
        assert read(card).theme is not None, card


def test_value_terms_link_a_mission_sentence_to_a_theme():
    sentence = value_terms("Wij vertrouwen op elke leerling")
    assert "vertrouwen" in sentence & value_terms("Vertrouwen")
    assert not value_terms("Plezier") & sentence


def test_value_terms_drop_stopwords_and_neutral_words():
    assert value_terms("de leerlingen in de klas") == set()
