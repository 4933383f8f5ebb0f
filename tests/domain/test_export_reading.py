"""Reading an uploaded export: depth and numbers are bounded before json.loads runs."""

import json

import pytest

from workshop.errors import WorkshopError
from workshop.export.reading import MAX_DEPTH, read_export


def _refused(raw: bytes) -> str:
    with pytest.raises(WorkshopError) as caught:
        read_export(raw)
    assert caught.value.code == "invalid"
    return caught.value.message


def test_a_plain_document_is_read():
    document = {"format": "mentorkompas-workshop", "list": [[1, "[{"], {"a": None}], "n": -12}
    assert read_export(json.dumps(document).encode()) == document


def test_a_byte_order_mark_is_allowed():
    assert read_export(b'\xef\xbb\xbf{"a": 1}') == {"a": 1}


@pytest.mark.parametrize("depth, ok", [(MAX_DEPTH, True), (MAX_DEPTH + 1, False)])
def test_nesting_is_allowed_up_to_the_limit(depth, ok):
    raw = ("[" * depth + "]" * depth).encode()
    if ok:
        assert read_export(raw) is not None
    else:
        assert "dieper genest" in _refused(raw)


@pytest.mark.parametrize("raw", [
    b'{"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    b"[" * 1_000_000,
    b'{"a": "' + b"[" * 1000 + b'"}' + b"{" * 50_000,
])
def test_deep_or_unbalanced_nesting_is_refused_without_recursion(raw):
    assert _refused(raw).startswith(("Het bestand is dieper", "Dit is geen export"))


def test_brackets_inside_strings_do_not_count_as_nesting():
    raw = json.dumps({"text": "[" * 5000 + '\\"{' * 100}).encode()
    assert read_export(raw)["text"].startswith("[[[")


@pytest.mark.parametrize("number", [10**10, -(10**10), 10**30, 2**63])
def test_integers_of_more_than_ten_digits_are_refused(number):
    assert "te groot" in _refused(f'{{"number": {number}}}'.encode())


def test_ten_digit_integers_are_read():
    assert read_export(b'{"n": 9999999999}') == {"n": 9999999999}


@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity"])
def test_non_numbers_are_refused(constant):
    assert constant in _refused(f'{{"n": {constant}}}'.encode())


@pytest.mark.parametrize("raw", [b'{"t": "a\\ud800b"}', b'{"\\udfff": 1}', b'["\\ud83d"]'])
def test_lone_surrogates_are_refused(raw):
    assert "surrogaat" in _refused(raw)


def test_a_surrogate_pair_spelled_as_escapes_is_one_character():
    assert read_export(b'["\\ud83d\\udca5"]') == ["💥"]


@pytest.mark.parametrize("raw", [b"\xff\xfe{", b'{"t": "\xed\xa0\x80"}', b"geen json", b""])
def test_bytes_that_are_not_utf8_json_are_refused(raw):
    assert _refused(raw).startswith(("Het bestand is geen UTF-8", "Dit is geen export"))
