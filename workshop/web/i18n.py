"""Messages for people go through Flask-Babel: Dutch is the source, other catalogs follow.

Two ways out, by who hears the text. An answer to one connection (an error, a goal's hints)
is translated here, in the connection's language. A broadcast serves a room of Dutch and
English screens at once, so the domain's Dutch in it (a mentor task, "Periode 2", a
readability warning) stays Dutch, as in the stored data and the exports, and each page shows
it in its own language from `domain_texts`, which the page carries (base.html, page.js);
a page rendered here does the same with `shown`.
"""

import re

from flask_babel import gettext

from ..board import LONG_SENTENCE, TOO_MANY_SENTENCES
from ..board_view import FACILITATOR, GROUP
from ..canvas import DOMAINS, PERIOD_NAME
from ..errors import WorkshopError


def translate(error: WorkshopError) -> str:
    """The error's message in the page's language, its placeholders filled in after.

    A placeholder may hold another error (an import names where a domain check refused).
    """
    params = {name: translate(value) if isinstance(value, WorkshopError)
              else gettext(value) if isinstance(value, str) else value
              for name, value in error.params.items()}
    return gettext(error.template, **params)


def translate_all(texts: list[str]) -> list[str]:
    """Fixed Dutch texts of the domain (a goal's hints) in the connection's language."""
    return [gettext(text) for text in texts]


def domain_texts() -> dict[str, list[list[str]]]:
    """[Dutch template, its translation] pairs, by the field of a broadcast they appear in.

    Every placeholder in them stands for a number, which is how the pages find them in a text.

    A default period keeps its Dutch name in the database ("Periode 1", also in exports); an
    English page shows a period whose name still matches the template as "Period 1".
    """
    def pairs(templates):
        return [[template, gettext(template)] for template in templates]

    return {
        "domains": pairs(name for _key, name in DOMAINS),
        "periods": pairs([PERIOD_NAME]),
        "authors": pairs([FACILITATOR, GROUP]),
        "warnings": pairs([TOO_MANY_SENTENCES, LONG_SENTENCE]),
    }


def shown(text: str, field: str) -> str:
    """`text` in the request's language if it is one of the domain's Dutch texts for `field`
    (a Jinja filter: what page.js's localText does for a broadcast, for a rendered page)."""
    for dutch, translated in domain_texts()[field]:
        parts = re.split(r"\{(\w+)\}", dutch)
        pattern = "".join(f"(?P<{part}>\\d+)" if index % 2 else re.escape(part)
                          for index, part in enumerate(parts))
        found = re.fullmatch(pattern, text)
        if found:
            return translated.format(**found.groupdict())
    return text
