"""Rules for what people type: cleaning, limits, choices and ids."""

import pytest

from workshop.errors import WorkshopError
from workshop.model import (
    VALUES_PER_PERSON,
    Participant,
    check_choice,
    check_client_id,
    check_flag,
    clean_text,
)


def test_clean_text_folds_whitespace_and_trims():
    assert clean_text("  groei \n\t en   ontwikkeling ", "De waarde", 60) == "groei en ontwikkeling"


@pytest.mark.parametrize("trick", ["\u202e", "\u200b", "\u200d", "\x00", "\x07", "\ufeff"])
def test_clean_text_removes_invisible_and_bidi_characters(trick):
    assert clean_text(f"ver{trick}trouwen", "De waarde", 60) == "ver trouwen"


def test_clean_text_keeps_html_as_plain_text_for_escaping_later():
    assert clean_text("<b>respect</b>", "De waarde", 60) == "<b>respect</b>"


@pytest.mark.parametrize("raw", ["", "   ", "\u200b\u200b", None])
def test_clean_text_refuses_empty_text(raw):
    with pytest.raises(WorkshopError) as caught:
        clean_text(raw, "De waarde", 60)
    assert caught.value.code == "empty"
    assert "leeg" in caught.value.message


def test_clean_text_refuses_overlong_text_with_the_limit_in_the_message():
    with pytest.raises(WorkshopError) as caught:
        clean_text("x" * 61, "De waarde", 60)
    assert caught.value.code == "too_long"
    assert "60" in caught.value.message


@pytest.mark.parametrize("raw", [12, 1.5, ["a"], {"a": 1}, True])
def test_clean_text_refuses_non_text(raw):
    with pytest.raises(WorkshopError) as caught:
        clean_text(raw, "De waarde", 60)
    assert caught.value.code == "invalid"


def test_optional_text_may_be_absent_or_empty():
    assert clean_text(None, "Het waarom", 200, required=False) == ""
    assert clean_text("  ", "Het waarom", 200, required=False) == ""


@pytest.mark.parametrize("raw", [2, 6, "4", True, 4.0])
def test_check_choice_refuses_out_of_range_and_wrong_types(raw):
    with pytest.raises(WorkshopError):
        check_choice(raw, "Waarden per mentor", VALUES_PER_PERSON, 5)


def test_check_choice_accepts_range_and_defaults():
    assert check_choice(3, "x", VALUES_PER_PERSON, 5) == 3
    assert check_choice(None, "x", VALUES_PER_PERSON, 5) == 5


def test_check_flag_refuses_truthy_strings():
    assert check_flag(True, "Anoniem") is True
    assert check_flag(None, "Anoniem") is False
    with pytest.raises(WorkshopError):
        check_flag("yes", "Anoniem")


@pytest.mark.parametrize("raw", ["short", "x" * 65, "a b c d e f g h", "<script>", 123, None])
def test_check_client_id_refuses_odd_ids(raw):
    with pytest.raises(WorkshopError):
        check_client_id(raw)


def test_check_client_id_accepts_uuids():
    uuid = "0b9c2a0e-5f43-4c4e-9d3e-6f2b8a1c7d10"
    assert check_client_id(uuid) == uuid


def test_anonymous_participants_show_a_number_not_their_name():
    person = Participant(id="p", workshop_id="w", name="Anna", number=3)
    assert person.display_name(anonymous=True) == "Mentor 3"
    assert person.display_name(anonymous=False) == "Anna"
