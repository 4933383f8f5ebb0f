"""Canvas rules: domains, periods, and the goal-writing aid."""

import pytest

from workshop.canvas import (
    DOMAINS,
    check_domain,
    check_goal_text,
    check_period,
    goal_hints,
    verb_forms,
)
from workshop.errors import WorkshopError


def test_the_eight_domains_follow_the_mentor_tasks_of_the_seed():
    assert [key for key, _ in DOMAINS] == [
        "introductie", "studiebegeleiding", "persoonlijk_sociaal", "groepsbegeleiding",
        "ouders", "leerlinggesprekken", "docenten", "dossier"]
    assert "KWT" in dict(DOMAINS)["studiebegeleiding"]


@pytest.mark.parametrize("raw", ["Introductie", "sport", "", None, 3])
def test_unknown_domains_are_invalid(raw):
    with pytest.raises(WorkshopError) as caught:
        check_domain(raw)
    assert caught.value.code == "invalid"


def test_periods_must_belong_to_the_workshop():
    assert check_period("p2", ["p1", "p2"]) == "p2"
    with pytest.raises(WorkshopError):
        check_period("p9", ["p1", "p2"])


def test_a_good_goal_gets_no_hints():
    assert goal_hints("De leerling kan zijn huiswerk plannen in de studieplanner.") == []
    assert goal_hints("Leerlingen kunnen om hulp vragen bij een docent.") == []


def test_a_goal_about_the_mentor_is_flagged():
    hints = goal_hints("De mentor bespreekt de studieplanner met de klas.")
    assert hints[0].startswith("Dit beschrijft wat de mentor doet")
    assert goal_hints("Wij houden 10-minutengesprekken.")[0].startswith("Dit beschrijft")


def test_a_missing_opening_is_suggested():
    hints = goal_hints("Huiswerk plannen met de studieplanner.")
    assert hints == ["Begin met wat de leerling leert, bijvoorbeeld: ‘De leerling kan …’."]


def test_vague_verbs_are_flagged():
    hints = goal_hints("De leerling weet dat plannen belangrijk is en begrijpt waarom.")
    assert hints == []  # 'plannen' is observable
    hints = goal_hints("De leerling begrijpt het belang van huiswerk.")
    assert len(hints) == 1 and "begrijpen" in hints[0]


def test_goal_text_is_limited():
    with pytest.raises(WorkshopError) as caught:
        check_goal_text("x" * 201)
    assert caught.value.code == "too_long"


@pytest.mark.parametrize("verb, form", [("plannen", "plant"), ("vragen", "vraagt"),
                                        ("kiezen", "kiest"), ("geven", "geeft"),
                                        ("beschrijven", "beschrijft"), ("vinden", "vindt")])
def test_verb_forms_follow_dutch_spelling(verb, form):
    assert form in verb_forms(verb)


def test_separable_verbs_count_by_their_base_verb():
    assert "geeft" in verb_forms("aangeven", ("aan",))
    assert goal_hints("De leerling geeft aan wanneer hij hulp nodig heeft.") == []
