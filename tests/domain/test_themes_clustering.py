"""cluster_texts on small hand-made cases."""

from workshop.themes import cluster_texts


def _groups(texts):
    labels = cluster_texts(texts)
    assert len(labels) == len(texts)
    return labels


def test_synonyms_typos_and_english_share_one_theme():
    labels = _groups(["Vertrouwen", "vertrouwd", "betrouwbaar", "trust", "Vertrouwn", "TRUST!"])
    assert set(labels) == {"Vertrouwen"}


def test_unrelated_values_stay_apart():
    labels = _groups(["Vertrouwen", "Plezier", "Structuur", "Respect", "Groei"])
    assert len(set(labels)) == 5


def test_phrases_join_the_theme_of_their_value_word():
    labels = _groups(["Veiligheid", "een veilige haven", "Je veilig voelen", "Humor"])
    assert labels[:3] == ["Veiligheid"] * 3
    assert labels[3] != "Veiligheid"


def test_unknown_look_alikes_group_together_under_their_most_used_form():
    labels = _groups(["vuurtoren", "Vuurtorens", "vuurtorens", "Zeilboot"])
    assert labels[:3] == ["Vuurtorens"] * 3
    assert labels[3] == "Zeilboot"


def test_a_new_theme_takes_its_canonical_name():
    labels = _groups(["burgerzin", "wereldburgerschap", "Participatie", "duurzaam"])
    assert labels[:3] == ["Burgerschap"] * 3
    assert labels[3] == "Duurzaamheid"


def test_unknown_words_that_share_letters_with_the_lexicon_stay_apart():
    # "schoolplein" shares n-grams with "plezier", "schoolreis" with "schoolregels"
    labels = _groups(["schoolplein", "schoolreis", "Plezier", "Regels"])
    assert len(set(labels)) == 4
    assert labels[:2] == ["Schoolplein", "Schoolreis"]


def test_equal_texts_always_get_equal_labels():
    texts = ["Moed", "Vertrouwen", "moed!", "MOED"]
    labels = _groups(texts)
    assert labels[0] == labels[2] == labels[3]


def test_empty_and_emoji_only_texts_do_not_break_grouping():
    labels = _groups(["", "❤️", "Respect"])
    assert labels[2] == "Respect"
    assert labels[1] == "❤️"


def test_no_texts_give_no_labels():
    assert cluster_texts([]) == []
