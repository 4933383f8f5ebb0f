"""Checking a document against the JSON schema of the export, with a Dutch answer."""

import json
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from ..errors import WorkshopError
from .rules import _, check_sizes, refuse
from .snapshot import FORMAT, SCHEMA_VERSION

SCHEMA_PATH = Path(__file__).with_name("schema_v1.json")
_SHOWN = 40  # characters of a name or value quoted in a message: enough to recognise it


_KINDS = {"string": _("tekst"), "integer": _("een geheel getal"),
          "boolean": _("waar of onwaar"), "array": _("een lijst"), "object": _("een object")}


@lru_cache(maxsize=1)
def schema() -> dict:
    """The schema of version 1, as published in docs/EXPORT.md."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    return Draft202012Validator(schema())


def check_document(document: object, max_participants: int) -> dict:
    """The document when it is a version-1 export; else the first problem, in Dutch."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise WorkshopError("invalid", "Dit is geen export van Mentorkompas (JSON).")
    if document.get("schema_version") != SCHEMA_VERSION:
        raise WorkshopError("invalid", "Deze versie van de export kennen we niet (%(found)s); "
                                       "wij lezen versie %(known)s.",
                            found=_quote(document.get("schema_version")), known=SCHEMA_VERSION)
    check_sizes(document, max_participants)
    error = best_match(_validator().iter_errors(document))
    if error is not None:
        _explain(error)
    return document


def _explain(error: ValidationError) -> None:
    """Say in Dutch what jsonschema found; its own messages quote whole (huge) values."""
    where = "/".join(str(step)[:_SHOWN] for step in error.absolute_path) or _("bovenaan")
    rule, limit, instance = error.validator, error.validator_value, error.instance
    if rule == "required":
        refuse(where, "%(name)s ontbreekt.", name=next(k for k in limit if k not in instance))
    if rule == "additionalProperties":
        known = error.schema.get("properties", {})
        refuse(where, "het veld %(name)s hoort niet in een export.",
               name=_quote(next(k for k in instance if k not in known)))
    if rule == "type":
        kinds = [limit] if isinstance(limit, str) else limit
        kind = _KINDS[next(k for k in kinds if k != "null")]
        if "null" in kinds:
            refuse(where, "hier hoort %(kind)s of null.", kind=kind)
        refuse(where, "hier hoort %(kind)s.", kind=kind)
    if rule in ("enum", "const"):
        choices = limit if rule == "enum" else [limit]
        refuse(where, "kies uit %(choices)s.", choices=", ".join(_quote(c) for c in choices))
    messages = {
        "minLength": _("de tekst is leeg."),
        "maxLength": _("de tekst is langer dan %(limit)s tekens."),
        "minimum": _("het getal is kleiner dan %(limit)s."),
        "maximum": _("het getal is groter dan %(limit)s."),
        "minItems": _("de lijst heeft minder dan %(limit)s onderdelen."),
        "maxItems": _("de lijst heeft meer dan %(limit)s onderdelen."),
        "pattern": _("%(value)s heeft niet de juiste vorm."),
    }
    if rule in messages:
        refuse(where, messages[rule], limit=limit, value=_quote(instance))
    refuse(where, "dit klopt niet met het schema (%(rule)s).", rule=rule)


def _quote(value: object) -> str:
    """A short, printable rendering of part of a document."""
    shown = json.dumps(value, ensure_ascii=False) if isinstance(value, (str, int, float,
                                                                       bool, type(None))) \
        else type(value).__name__
    return shown if len(shown) <= _SHOWN else shown[:_SHOWN] + "…"
