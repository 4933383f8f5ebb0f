"""The shipped lexicon: it loads, is broad, consistent, and feeds the deck and value terms."""

import pytest

from workshop.themes import value_deck, value_terms
from workshop.themes.lexicon import Lexicon, load_lexicon
from workshop.themes.reading import read


def test_lexicon_maps_hundreds_of_terms_to_about_twenty_themes():
    lexicon = load_lexicon("nl")
    assert 15 <= len(lexicon.labels) <= 25
    assert len(lexicon.terms) >= 400
    assert set(lexicon.labels) >= {"vertrouwen", "veiligheid", "respect", "groei", "autonomie"}


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


def test_a_term_of_only_stopwords_is_refused():
    data = {"themes": {"a": {"label": "A", "terms": ["er zijn voor"], "weak": []}},
            "neutral": [], "deck": []}
    with pytest.raises(ValueError, match="no value-bearing word"):
        Lexicon(data, "nl")


def test_weak_terms_lose_to_strong_ones():
    assert read("sfeer").theme == "plezier"
    assert read("veilige sfeer").theme == "veiligheid"


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
