"""Reading an uploaded export: JSON whose shape cannot cost more than its size.

`json.loads` recurses once per level of nesting (a thousand levels raise RecursionError) and
turns any run of digits into an integer; both are bounded before and while parsing.
"""

import json
import re

from ..errors import WorkshopError
from ..model import has_lone_surrogate

MAX_DEPTH = 8  # a valid export nests 6 deep: document → canvases → canvas → goals → goal → likes
MAX_DIGITS = 10  # every number of a valid export is below 10^10; SQLite stops at 2^63

_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_INNERMOST = re.compile(r"\[\]|\{\}")
_OPENERS = re.compile(r"[\[{]" * (MAX_DEPTH + 1))
# strictly decoded UTF-8 holds no surrogates: only a \uD800–\uDFFF escape can make one
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def read_export(raw: bytes) -> object:
    """The JSON in an uploaded file; a file that is not plain, shallow JSON text is refused."""
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise WorkshopError("invalid", "Het bestand is geen UTF-8-tekst.") from None
    _check_nesting(text)
    try:
        document = json.loads(text, parse_int=_integer, parse_constant=_no_constant)
    except ValueError:
        raise WorkshopError("invalid", "Dit is geen export van Mentorkompas (JSON).") from None
    if _SURROGATE_ESCAPE.search(text) and has_lone_surrogate(document):
        raise lone_surrogate()
    return document


def lone_surrogate() -> WorkshopError:
    """The refusal of a file with half of a UTF-16 pair in it (no database stores one)."""
    return WorkshopError("invalid", "Het bestand bevat een teken dat geen tekst is "
                                    "(een losse surrogaat).")


def _check_nesting(text: str) -> None:
    """Refuse more than MAX_DEPTH levels without recursing: peel innermost pairs off in turn.

    Strings are taken out first (brackets inside them do not nest); each pass removes every
    empty [] and {}, so a document MAX_DEPTH deep is gone after MAX_DEPTH passes.
    """
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    for _ in range(MAX_DEPTH):
        if _OPENERS.search(brackets):  # that many openers in a row nest too deep at once
            break
        brackets, peeled = _INNERMOST.subn("", brackets)
        if not brackets:
            return
        if not peeled:
            raise WorkshopError("invalid", "Dit is geen export van Mentorkompas (JSON).")
    raise WorkshopError("invalid", "Het bestand is dieper genest dan een export "
                                   "(hoogstens %(depth)s niveaus).", depth=MAX_DEPTH)


def _integer(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise WorkshopError("invalid", "Het bestand bevat een getal dat te groot is voor "
                                       "een export (%(digits)s cijfers).",
                            digits=len(digits.lstrip("-")))
    return int(digits)


def _no_constant(name: str) -> None:
    raise WorkshopError("invalid", "Het bestand bevat %(name)s; een export bevat alleen "
                                   "gewone getallen.", name=name)
