"""The value words a phone suggests while a mentor types, in the language of the page.

The Dutch deck is the theme lexicon's own. The English one (data/value_deck_en.json) lists
only words the same lexicon knows, so a suggestion taken on an English phone joins the theme
of its Dutch twin on the values web ("Trust" with "Vertrouwen").
"""

import json
from functools import lru_cache
from pathlib import Path

from . import themes

_ENGLISH = Path(__file__).parent / "data" / "value_deck_en.json"


@lru_cache(maxsize=1)
def _english() -> tuple[str, ...]:
    return tuple(json.loads(_ENGLISH.read_text(encoding="utf-8"))["deck"])


def value_deck(language: str) -> list[str]:
    """Capitalised value words for a page in `language` ("nl", or "en"; anything else: Dutch)."""
    return list(_english()) if language == "en" else themes.value_deck("nl")
