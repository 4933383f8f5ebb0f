"""How one text is read: compound heads, derivations, phrase heads, "X en Y", sayings,
separable verbs, and unknown words that must stay unknown."""

import pytest

from workshop.themes.morphology import compound_splits, derivation_bases, separable_verbs
from workshop.themes.reading import read


@pytest.mark.parametrize("text, theme", [
    ("Een veilig schoolklimaat", "veiligheid"),  # the head "klimaat" is neutral
    ("Hechte schoolgemeenschap", "verbinding"),  # a schoolgemeenschap is a gemeenschap
    ("leerlingtalentontwikkeling", "groei"),
    ("veiligheidsgevoelens", "veiligheid"),  # a neutral head leaves it to the modifier
    ("ontwikkelingskansen", "groei"),  # a weak head ("kansen") gives way
    ("veiligheidsbewust", "veiligheid"),  # "-bewust" is a semi-suffix, not reflection
    ("samenwerkingsgericht", "samenwerking"),
])
def test_compounds_are_read_from_their_head(text, theme):
    assert read(text).theme == theme


@pytest.mark.parametrize("text", ["rookvrij", "spijbelvrij", "schoolklimaat", "vuurtoren"])
def test_a_short_or_semi_suffix_head_alone_names_nothing(text):
    # "vrij" in "rookvrij" is not freedom; a compound of neutral parts names no value
    assert read(text).theme is None


@pytest.mark.parametrize("text, theme", [
    ("zorgzaamste", "zorg"),
    ("respectvolheid", "respect"),
    ("onveilig", "veiligheid"),
    ("authentiekheid", "authenticiteit"),
])
def test_derivations_find_their_base(text, theme):
    assert read(text).theme == theme


def test_derivation_bases_strip_suffixes_but_not_from_short_words():
    assert "zorgzaam" in derivation_bases("zorgzaamheid")
    assert "dankbaar" in derivation_bases("dankbare")  # the long vowel written twice again
    assert "veilig" in derivation_bases("onveilig")
    # "moeder" is not "moed" + "er"
    assert "moed" not in derivation_bases("moeder")


def test_compound_splits_offer_the_head_with_and_without_a_linking_s():
    splits = dict(compound_splits("veiligheidsgevoel"))
    assert splits["gevoel"] == ("veiligheids", "veiligheid")
    heads = [head for head, _ in compound_splits("schoolklimaat")]
    assert heads.index("klimaat") < heads.index("maat")  # longest head first


@pytest.mark.parametrize("text, theme", [
    ("kwaliteit van onderwijs", "kwaliteit"),  # "X van Y" is about X
    ("respect voor de ander", "respect"),
    ("vertrouwen in de eigen kracht van ieder kind", "vertrouwen"),
    ("zin voor stiptheid", "structuur"),  # a weak frame word lets Y decide
    ("Kansen voor talenten", "groei"),
    ("oog hebben voor talenten", "groei"),
    ("open communicatie", "communicatie"),  # inside one part the head noun wins a tie
    ("goede onderlinge sfeer", "veiligheid"),  # only weak words: they decide
])
def test_phrase_heads_decide(text, theme):
    assert read(text).theme == theme


@pytest.mark.parametrize("text, theme", [
    ("zorgzaam en rechtvaardig", "zorg"),
    ("rechtvaardig en zorgzaam", "eerlijkheid"),
    ("betrouwbaar en eerlijk zijn", "vertrouwen"),
    ("plezier en passie", "plezier"),
    ("Begrip en geduld", "geduld"),  # "begrip" is weak, so the strong value leads
])
def test_x_en_y_goes_to_the_first_strong_value(text, theme):
    assert read(text).theme == theme


@pytest.mark.parametrize("text, theme", [
    ("jij mag er zijn", "respect"),
    ("op eigen benen", "autonomie"),
    ("Niemand speelt de baas.", "gelijkwaardigheid"),
    ("Zeggen wat je doet en doen wat je zegt", "vertrouwen"),
    ("geloven in jezelf", "welzijn"),
    ("Geloof", "levensbeschouwing"),
])
def test_sayings_match_word_for_word_function_words_included(text, theme):
    assert read(text).theme == theme


@pytest.mark.parametrize("text, theme", [
    ("Niemand lacht uit.", "respect"),  # uitlachen
    ("Ik sluit niemand buiten", "gelijkwaardigheid"),  # buitensluiten
    ("We komen voor elkaar op", "zorg"),  # opkomen voor elkaar
])
def test_separable_verbs_are_joined(text, theme):
    assert read(text).theme == theme


def test_separable_verbs_offer_infinitives_for_each_earlier_word():
    found = separable_verbs(["niemand", "lacht", "uit"], frozenset({"uit"}))
    assert found[0][:2] == (1, 2) and "uitlachen" in found[0][2]


@pytest.mark.parametrize("text, theme", [
    ("We vertrouwen elkaar.", "vertrouwen"),
    ("We helpen elkaar.", "samenwerking"),
    ("We zorgen voor elkaar.", "zorg"),
    ("We zijn trots op je.", "trots"),
])
def test_a_sentence_is_about_its_value_word_not_its_subject(text, theme):
    assert read(text).theme == theme
