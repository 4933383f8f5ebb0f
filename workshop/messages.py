"""Dutch text that the domain writes for people, marked for the translation catalog.

The domain stays Dutch and free of Flask: `make translations` extracts every `N_("…")` (a
keyword in the Makefile's list), and whoever shows the text translates it for the reader:
the server for an answer to one connection, the page for a broadcast that a room of Dutch and
English screens shares (workshop/web/i18n.py). Stored data and exports keep the Dutch.
"""


def N_(text: str) -> str:  # noqa: N802  (gettext's customary name for its no-op marker)
    """Mark `text` for the catalog and return it unchanged."""
    return text
