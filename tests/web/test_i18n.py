"""English next to Dutch: the language choice, the compiled catalog and the catalog's source."""

import re
from collections import Counter
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from workshop.errors import WorkshopError
from workshop.model import clean_text
from workshop.web.i18n import translate

CATALOG = Path(__file__).resolve().parents[2] / "translations" / "en" / "LC_MESSAGES"
# {name} is filled in by the pages' JavaScript, %(name)s by Python and Jinja; a lone % would
# break that formatting, so it counts too (a literal one is written %%)
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\(\w+\)s|%%|%")


@pytest.fixture
def compiled():
    mo = CATALOG / "messages.mo"
    assert mo.is_file(), (f"{mo} is missing: compile the catalog with `make install` "
                          "(or `.venv/bin/pybabel compile -d translations`)")
    return mo


def test_the_start_page_is_dutch_by_default(client):
    page = client.get("/").get_data(as_text=True)
    assert '<html lang="nl">' in page
    assert "Nieuwe workshop" in page
    assert "New workshop" not in page


def test_lang_en_shows_the_start_page_in_english(compiled, client):
    page = client.get("/?lang=en").get_data(as_text=True)
    assert '<html lang="en">' in page
    assert "New workshop" in page
    assert "Create workshop" in page
    # the strings the page's JavaScript shows are translated too
    assert "Give the workshop a title." in page
    assert "Workshops and everything in them are deleted after 90 days (GDPR)." in page
    assert "Nieuwe workshop" not in page


def test_the_cookie_keeps_english_on_the_next_request(compiled, client):
    client.get("/?lang=en")
    page = client.get("/j").get_data(as_text=True)
    assert '<html lang="en">' in page
    assert "Workshop code" in page
    page = client.get("/?lang=nl").get_data(as_text=True)
    assert '<html lang="nl">' in page
    assert "Nieuwe workshop" in page


@pytest.mark.parametrize("path, status, english", [
    ("/j", 200, "Which core values do you find essential in guiding students?"),
    ("/w/abc/facilitate", 200, "Keep this secret link: it is your only key"),
    ("/w/abc/present", 200, "Join on your phone"),
    ("/w/abc/compare/def", 200, "Two workshops compared"),
    ("/w/abc/summary", 403, "This link to the result is not valid."),
    ("/no-such-page", 404, "This page does not exist"),
])
def test_every_page_renders_in_english(compiled, client, path, status, english):
    response = client.get(path, query_string={"lang": "en"})
    assert response.status_code == status
    assert english in response.get_data(as_text=True)


def test_a_workshop_error_is_sent_in_the_pages_language(compiled, app):
    with pytest.raises(WorkshopError) as caught:
        clean_text("x" * 61, "De waarde", 60)
    with app.test_request_context("/?lang=en"):
        assert translate(caught.value) == "The value is too long (at most 60 characters)."
    with app.test_request_context("/"):
        assert translate(caught.value) == "De waarde is te lang (hoogstens 60 tekens)."


def test_an_http_api_error_follows_the_language(compiled, client):
    response = client.post("/api/workshops?lang=en", json={"title": "  "})
    assert response.status_code == 400
    assert response.get_json()["message"] == "The title is empty."


def test_every_message_has_an_english_translation_with_the_same_placeholders():
    with open(CATALOG / "messages.po", "rb") as source:
        catalog = read_po(source)
    messages = [message for message in catalog if message.id]
    assert len(messages) > 400
    problems = []
    for message in messages:
        if not message.string or not message.string.strip():
            problems.append(f"untranslated: {message.id!r}")
        elif message.fuzzy:
            problems.append(f"fuzzy (ignored when compiled): {message.id!r}")
        elif placeholders(message.id) != placeholders(message.string):
            problems.append(f"placeholders differ: {message.id!r} -> {message.string!r}")
    assert not problems, "\n".join(problems)


def placeholders(text: str) -> Counter:
    return Counter(PLACEHOLDER.findall(text))
