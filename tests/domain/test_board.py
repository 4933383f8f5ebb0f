"""Mission board rules: coverage of themes through Dutch inflections, votes, readability."""

import pytest

from workshop.board import (
    check_draft_text,
    check_mission_text,
    check_retract,
    check_vote,
    coverage,
    readability,
    sentences,
    theme_terms,
    votes_left,
)
from workshop.errors import WorkshopError

THEMES = [
    ("Vertrouwen", theme_terms("Vertrouwen", ["vertrouwen", "betrouwbaar"])),
    ("Groei", theme_terms("Groei", ["groei", "ontwikkeling"])),
    ("Veiligheid", theme_terms("Veiligheid", ["veilige klas"])),
    ("Autonomie", theme_terms("Autonomie", ["eigenaarschap", "zelfstandigheid"])),
]


@pytest.mark.parametrize("draft, expected", [
    ("Wij vertrouwen op elke leerling.", ["Vertrouwen"]),
    ("Leerlingen groeien bij ons.", ["Groei"]),
    ("In een veilige school groeien leerlingen.", ["Groei", "Veiligheid"]),
    ("We geven leerlingen eigenaarschap.", ["Autonomie"]),
    ("We leren leerlingen zelfstandig te zijn.", ["Groei", "Autonomie"]),
    ("Wij zijn betrouwbaar voor iedere leerling.", ["Vertrouwen"]),
    ("Elke dag een goede les.", []),
])
def test_coverage_finds_themes_through_inflections(draft, expected):
    assert coverage(draft, THEMES) == expected


def test_sentences_split_on_sentence_ends_only():
    assert sentences("Wij zien elke leerling. Wij helpen ze groeien!") == [
        "Wij zien elke leerling.", "Wij helpen ze groeien!"]
    assert sentences("Een zin zonder punt") == ["Een zin zonder punt"]
    assert sentences("Bijv. dit") == ["Bijv.", "dit"]  # honest: abbreviations split too


def test_readability_counts_and_warns_plainly():
    three = "Wij zien je. Wij helpen je. Wij geloven in je."
    report = readability(three)
    assert report["sentences"] == 3 and report["words"] == 10
    assert report["warnings"] == ["3 zinnen: een missie is één of twee zinnen."]
    long = " ".join(["woord"] * 30) + "."
    assert readability(long)["warnings"] == ["Een zin van 30 woorden: kan het korter?"]
    assert readability("Wij zien elke leerling.")["warnings"] == []


def test_drafts_are_limited_to_300_characters():
    assert check_draft_text("  Wij zien elke leerling. ") == "Wij zien elke leerling."
    with pytest.raises(WorkshopError) as caught:
        check_draft_text("x" * 301)
    assert caught.value.code == "too_long" and "300" in caught.value.message


def test_the_adopted_mission_has_at_most_two_sentences():
    assert check_mission_text("Wij zien je. Wij helpen je groeien.")
    with pytest.raises(WorkshopError) as caught:
        check_mission_text("Een. Twee. Drie.")
    assert caught.value.code == "too_many_sentences"


def test_votes_are_limited_and_only_while_open():
    check_vote(True, 3, 2)
    with pytest.raises(WorkshopError) as caught:
        check_vote(True, 3, 3)
    assert caught.value.code == "no_votes_left"
    with pytest.raises(WorkshopError) as caught:
        check_vote(False, 3, 0)
    assert caught.value.code == "voting_closed"
    assert votes_left(3, 1) == 2 and votes_left(3, 5) == 0


def test_a_vote_can_be_taken_back_only_from_where_it_is():
    check_retract(True, 1)
    with pytest.raises(WorkshopError) as caught:
        check_retract(True, 0)
    assert caught.value.code == "no_vote"
    with pytest.raises(WorkshopError) as caught:
        check_retract(False, 2)
    assert caught.value.code == "voting_closed"
