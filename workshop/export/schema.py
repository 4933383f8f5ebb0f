"""Checking a document against the JSON schema of the export, with a Dutch answer."""

import json
from functools import lru_cache
from pathlib import Path

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

from ..errors import WorkshopError
from .snapshot import FORMAT, SCHEMA_VERSION

SCHEMA_PATH = Path(__file__).with_name("schema_v1.json")


@lru_cache(maxsize=1)
def schema() -> dict:
    """The schema of version 1, as published in docs/EXPORT.md."""
    return json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    return Draft202012Validator(schema())


def check_document(document: object) -> dict:
    """The document when it is a version-1 export; else the first problem, in Dutch."""
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise WorkshopError("invalid", "Dit is geen export van Mentorkompas (JSON).")
    if document.get("schema_version") != SCHEMA_VERSION:
        raise WorkshopError("invalid", "Deze versie van de export kennen we niet (%(found)s); "
                                       "wij lezen versie %(known)s.",
                            found=repr(document.get("schema_version")), known=SCHEMA_VERSION)
    error = best_match(_validator().iter_errors(document))
    if error is not None:
        where = "/".join(str(step) for step in error.absolute_path)
        if not where:
            raise WorkshopError("invalid", "De export klopt niet: %(problem)s",
                                problem=error.message)
        raise WorkshopError("invalid", "De export klopt niet bij %(where)s: %(problem)s",
                            where=where, problem=error.message)
    return document
