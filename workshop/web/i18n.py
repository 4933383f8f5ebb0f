"""Messages for people go through Flask-Babel: Dutch is the source, other catalogs follow."""

from flask_babel import gettext

from ..errors import WorkshopError


def translate(error: WorkshopError) -> str:
    """The error's message in the page's language, its placeholders filled in after.

    A placeholder may hold another error (an import names where a domain check refused).
    """
    params = {name: translate(value) if isinstance(value, WorkshopError)
              else gettext(value) if isinstance(value, str) else value
              for name, value in error.params.items()}
    return gettext(error.template, **params)
