"""Phone input normalisation and reading: case, emoji, typos, stems, phrases."""

import pytest

from workshop.themes.normalise import normalise, readable
from workshop.themes.reading import read
from workshop.themes.spelling import SpellingIndex, slips


@pytest.mark.parametrize("typed", [
    "Vertrouwen", "VERTROUWEN", "  vertrouwen  ", "Vertrouwen!!", "vertrouwen 🙏", "Vertrouwen.",
    "ｖｅｒｔｒｏｕｗｅｎ",  # full-width letters from a phone keyboard, folded by NFKC
])
def test_case_punctuation_emoji_and_width_disappear(typed):
    assert normalise(typed) == "vertrouwen"


def test_accents_hyphens_apostrophes_and_spaces_are_folded():
    assert normalise("Coöperatie") == "cooperatie"
    assert normalise("wij-gevoel") == "wijgevoel"
    assert normalise("collega's") == "collegas"
    assert normalise("eigen \t  regie") == "eigen regie"


def test_a_held_down_key_is_collapsed_but_dutch_double_letters_stay():
    assert normalise("Maaatwerk") == "maatwerk"
    assert normalise("Dialooog") == "dialoog"
    assert normalise("Geduld") == "geduld"


@pytest.mark.parametrize("typed", [
    "Vetrouwen",  # missing letter
    "Vertrouwwen",  # doubled letter
    "Vertoruwen",  # swapped letters
    "Vertrouwrn",  # neighbouring key
])
def test_one_slip_still_reads_as_the_value(typed):
    assert read(typed).theme == "vertrouwen"


def test_short_words_get_no_spelling_tolerance():
    assert read("lust").theme is None


def test_a_real_word_one_distant_key_away_is_not_corrected():
    # "moedig" (brave) is not a typo of "mondig" (articulate): e and n are far apart
    assert slips("moedig", "mondig", limit=2) == 2
    assert read("moedig").theme == "moed"
    assert read("mondig").theme == "autonomie"


def test_a_long_word_goes_to_the_closest_known_word_before_the_alphabetically_first():
    # "verbondenheat" (a not next to i: two slips) sorts first, "verbondenheid" is one slip away
    index = SpellingIndex({"verbondenheat", "verbondenheid"})
    assert slips("verbondenheit", "verbondenheat", limit=2) == 2
    assert index.correct("verbondenheit") == "verbondenheid"


def test_a_long_word_with_two_slips_is_still_found():
    index = SpellingIndex({"verbondenheid", "betrokkenheid"})
    assert index.correct("verbndenheit") == "verbondenheid"  # one letter missing, d -> t
    assert index.correct("verbondenhied") == "verbondenheid"  # swapped letters: one slip
    assert index.correct("vrbndenheit") is None  # three slips


def test_equally_close_known_words_resolve_alphabetically():
    index = SpellingIndex({"verbondenheid", "verbondenhuid"})
    assert index.correct("verbondenhxid") == "verbondenheid"


def test_spelling_by_ear_counts_as_one_slip():
    assert read("respekt!").theme == "respect"


def test_inflections_share_a_stem():
    assert read("veilige").terms == read("veiligheid").terms == ("veilig",)


def test_phrases_are_reduced_to_their_value_bearing_words():
    assert read("leerlingen laten groeien").theme == "groei"
    assert read("Jezelf mogen zijn!").terms == ("jezelf",)
    assert read("Jezelf mogen zijn!").theme == "authenticiteit"
    assert read("Een veilige plek voor iedereen").terms == ("veilig",)


def test_the_longer_phrase_wins_over_its_words():
    # "zelfvertrouwen" is about wellbeing, not about trusting others
    assert read("zelfvertrouwen").theme == "welzijn"
    assert read("samenwerking met ouders").theme == "samenwerking"


def test_a_tie_goes_to_the_head_noun_at_the_end():
    assert read("open communicatie").theme == "communicatie"


def test_unknown_compounds_take_the_theme_of_their_head():
    assert read("leerlingtalentontwikkeling").theme == "groei"
    assert read("veiligheidsbeleving").theme == "veiligheid"


def test_readable_capitalises_only_the_first_letter():
    assert readable("eigen regie") == "Eigen regie"
