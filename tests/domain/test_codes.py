"""Join codes people can read aloud; tokens nobody can guess."""

from workshop.codes import (
    CODE_ALPHABET,
    CODE_LENGTH,
    hash_token,
    new_code,
    new_token,
    normalise_code,
    token_matches,
)


def test_codes_avoid_characters_that_look_alike():
    for confusable in "0O1IL":
        assert confusable not in CODE_ALPHABET
    codes = {new_code() for _ in range(300)}
    assert all(len(code) == CODE_LENGTH and set(code) <= set(CODE_ALPHABET) for code in codes)
    assert len(codes) > 290  # random, not a sequence


def test_typed_codes_are_normalised():
    assert normalise_code(" k7q-m2x ") == "K7QM2X"
    assert normalise_code("k7q m2x") == "K7QM2X"


def test_tokens_carry_at_least_128_bits_and_differ():
    tokens = {new_token() for _ in range(50)}
    assert len(tokens) == 50
    assert all(len(token) >= 22 for token in tokens)  # 22 urlsafe base64 chars = 132 bits


def test_token_matches_only_its_own_hash():
    token = new_token()
    assert token_matches(token, hash_token(token))
    assert not token_matches(token + "x", hash_token(token))
    assert hash_token(token) != token
