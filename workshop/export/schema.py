"""Checking a document against the JSON schema of the export, with a Dutch answer.

jsonschema-rs (Rust) checks a 5 MB export in a tenth of a second; the pure-Python jsonschema
took 13 s for the same file under load, all of it on the server's one event loop.
"""

import json
from functools import lru_cache
from pathlib import Path

import jsonschema_rs

from ..errors import WorkshopError
from .reading import lone_surrogate
from .rules import _, check_sizes, refuse
from .snapshot import FORMAT, SCHEMA_VERSION

SCHEMA_PATH = Path(__file__).with_name("schema_v1.json")
_SHOWN = 40  # characters of a name or value quoted in a message: enough to recognise it

_KINDS = {"string": _("tekst"), "integer": _("een geheel getal"),
          "boolean": _("waar of onwaar"), "array": _("een lijst"), "object": _("een object")}
_LIMITS = {
    "minLength": _("de tekst is leeg."),
    "maxLength": _("de tekst is langer dan %(limit)s tekens."),
    "minimum": _("het getal is kleiner dan %(limit)s."),
    "maximum": _("het getal is groter dan %(limit)s."),
    "minItems": _("de lijst heeft minder dan %(limit)s onderdelen."),
    "maxItems": _("de lijst heeft meer dan %(limit)s onderdelen."),
}


@lru_cache(maxsize=1)
def schema() -> dict:
    """The schema of version 1, as published in docs/EXPORT.md."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _validator() -> jsonschema_rs.Draft202012Validator:
    return jsonschema_rs.Draft202012Validator(schema())


def check_document(document: object, max_participants: int) -> dict:
    """The document when it is a version-1 export; else the first problem, in Dutch."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise WorkshopError("invalid", "Dit is geen export van Mentorkompas (JSON).")
    if document.get("schema_version") != SCHEMA_VERSION:
        raise WorkshopError("invalid", "Deze versie van de export kennen we niet (%(found)s); "
                                       "wij lezen versie %(known)s.",
                            found=_quote(document.get("schema_version")), known=SCHEMA_VERSION)
    check_sizes(document, max_participants)
    try:
        error = next(_validator().iter_errors(document), None)
    except UnicodeEncodeError:  # a caller's own dict: the file reader refuses these earlier
        raise lone_surrogate() from None
    if error is not None:
        _explain(error)
    return document


def _explain(error: jsonschema_rs.ValidationError) -> None:
    """Say in Dutch what the schema found; its own messages quote whole (huge) values."""
    where = "/".join(str(step)[:_SHOWN] for step in error.instance_path) or _("bovenaan")
    rule, detail = error.kind.name, error.kind.as_dict()
    if rule == "propertyNames":  # a key of `retired` that is not a theme id
        error = detail["error"]
        rule, detail = error.kind.name, error.kind.as_dict()
    if rule == "required":
        refuse(where, "%(name)s ontbreekt.", name=detail["property"])
    if rule == "additionalProperties":
        refuse(where, "het veld %(name)s hoort niet in een export.",
               name=_quote(detail["unexpected"][0]))
    if rule == "type":
        kinds = [kind for kind in detail["types"] if kind != "null"]
        if "null" in detail["types"]:
            refuse(where, "hier hoort %(kind)s of null.", kind=_KINDS[kinds[0]])
        refuse(where, "hier hoort %(kind)s.", kind=_KINDS[kinds[0]])
    if rule in ("enum", "const"):
        choices = detail.get("options") or [detail.get("expected_value")]
        refuse(where, "kies uit %(choices)s.", choices=", ".join(_quote(c) for c in choices))
    if rule in _LIMITS:
        refuse(where, _LIMITS[rule], limit=detail["limit"])
    if rule == "pattern":
        refuse(where, "%(value)s heeft niet de juiste vorm.", value=_quote(error.instance))
    refuse(where, "dit klopt niet met het schema (%(rule)s).", rule=rule)


def _quote(value: object) -> str:
    """A short, printable rendering of part of a document."""
    shown = json.dumps(value, ensure_ascii=False) if isinstance(value, (str, int, float,
                                                                       bool, type(None))) \
        else type(value).__name__
    return shown if len(shown) <= _SHOWN else shown[:_SHOWN] + "…"
