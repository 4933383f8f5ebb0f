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
    has_lone_surrogate,
)


def test_clean_text_folds_whitespace_and_trims():
    assert clean_text("  groei \n\t en   ontwikkeling ", "De waarde", 60) == "groei en ontwikkeling"


@pytest.mark.parametrize("trick", ["\u202e", "\u200b", "\u200d", "\x00", "\x07", "\ufeff",
                                   "\ud800", "\udfff", "\ufffe", "\uffff", "\ufdd0",
                                   "\U0010ffff"])
def test_clean_text_removes_invisible_and_bidi_characters(trick):
    assert clean_text(f"ver{trick}trouwen", "De waarde", 60) == "ver trouwen"


@pytest.mark.parametrize("kept", ["\ue000", "\U0001f4a5", "é", "\u0378"])
def test_clean_text_keeps_private_use_emoji_and_unassigned_characters(kept):
    assert clean_text(f"ver{kept}trouwen", "De waarde", 60) == f"ver{kept}trouwen"


def test_cleaned_text_is_always_valid_xml_and_utf8():
    """What python-docx refuses (NUL, controls, U+FFFE, lone surrogates) never survives."""
    from docx import Document

    every_trick = "".join(chr(c) for c in [*range(0x20), 0x7f, 0xd800, 0xdbff, 0xfffe, 0xffff])
    text = clean_text(f"a{every_trick}b", "De waarde", 60)
    assert text == "a b"
    text.encode("utf-8")
    Document().add_paragraph(text)


@pytest.mark.parametrize("data, found", [
    ({"a": ["b", {"c": "d\ud800"}]}, True),
    ({"\udc00": 1}, True),
    ("\ud83d", True),
    ({"a": ["é", "💥", "\ud83d\udca5".encode("utf-16", "surrogatepass").decode("utf-16")]}, False),
    ([1, None, True, 2.5], False),
])
def test_lone_surrogates_are_found_anywhere_in_json(data, found):
    assert has_lone_surrogate(data) is found


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
