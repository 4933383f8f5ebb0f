"""English next to Dutch for the text the domain writes: mentor tasks, default periods,
authors, readability warnings and goal hints, and the value deck a phone suggests."""

import json
import re
import uuid

from flask_babel import gettext

from tests.conftest import mentor_in, set_phase
from workshop.canvas import DEFAULT_PERIODS, DOMAINS
from workshop.web import socketio
from workshop.web.i18n import domain_texts, shown

PLACEHOLDER = re.compile(r"\{\w+\}")


def test_every_domain_text_has_an_english_translation_with_its_placeholders(app):
    with app.test_request_context("/?lang=en"):
        groups = domain_texts()
    assert set(groups) == {"domains", "periods", "authors", "warnings"}
    assert [dutch for dutch, _english in groups["domains"]] == [name for _key, name in DOMAINS]
    for pairs in groups.values():
        for dutch, english in pairs:
            assert english != dutch, f"untranslated: {dutch!r}"
            assert PLACEHOLDER.findall(english) == PLACEHOLDER.findall(dutch), (dutch, english)
    assert dict(groups["periods"]) == {"Periode {number}": "Period {number}"}
    assert dict(groups["domains"])["Contact met ouders"] == "Contact with parents"


def test_default_periods_are_stored_in_dutch_from_the_translated_template(app):
    # stored data stays Dutch whatever the page's language; pages translate when they show it
    assert DEFAULT_PERIODS == ("Periode 1", "Periode 2", "Periode 3", "Periode 4")
    with app.test_request_context("/?lang=en"):
        assert gettext("Periode {number}").format(number=2) == "Period 2"


def test_only_a_page_in_another_language_carries_the_domain_texts(client):
    english = client.get("/w/abc/facilitate?lang=en").get_data(as_text=True)
    block = re.search(r'<script type="application/json" id="domain-texts">(.*?)</script>',
                      english, re.S)
    assert block, "the English page has no domain-texts block"
    assert ["Introductie", "Introduction"] in json.loads(block.group(1))["domains"]
    dutch = client.get("/w/abc/facilitate?lang=nl").get_data(as_text=True)
    assert 'id="domain-texts"' not in dutch


def _deck(page: str) -> list[str]:
    block = re.search(r'<script type="application/json" id="deck">(.*?)</script>', page, re.S)
    return json.loads(block.group(1))


def test_the_phone_suggests_values_in_the_pages_language(client):
    english = _deck(client.get("/j?lang=en").get_data(as_text=True))
    assert "Trust" in english and "Vertrouwen" not in english
    dutch = _deck(client.get("/j?lang=nl").get_data(as_text=True))
    assert "Vertrouwen" in dutch and "Trust" not in dutch


def test_goal_hints_answer_in_the_language_of_the_connection(app, workshop, facilitator):
    set_phase(facilitator, "canvas")
    canvas = facilitator.emit("canvas:add", {"id": str(uuid.uuid4()), "name": "Leerjaar 1"},
                              callback=True)["canvas_id"]
    period = facilitator.emit("sync", {"since": 0}, callback=True)["state"]["canvas"][
        "periods"][0]["id"]
    hints = {}
    for lang in ("en", "nl"):
        phone = socketio.test_client(app, flask_test_client=app.test_client(),
                                     query_string=f"lang={lang}")
        mentor_in(lambda phone=phone: phone, workshop, f"Mentor {lang}")
        ack = phone.emit("goal:add", {"id": str(uuid.uuid4()), "canvas_id": canvas,
                                      "text": "De mentor bespreekt de planner.",
                                      "domain": "studiebegeleiding", "period": period},
                         callback=True)
        assert ack["ok"], ack
        hints[lang] = ack["hints"]
        phone.disconnect()
    assert hints["nl"][0].startswith("Dit beschrijft wat de mentor doet")
    assert hints["en"][0] == ("This describes what the mentor does. "
                              "Write what the student can do or knows.")
    assert len(hints["en"]) == len(hints["nl"])


def test_a_rendered_page_shows_the_domains_dutch_in_its_language(app):
    with app.test_request_context("/?lang=en"):
        assert shown("Periode 3", "periods") == "Period 3"
        assert shown("Dossiervorming", "domains") == "Student records"
        assert shown("Groep 12", "authors") == "Group 12"
        assert shown("Een zin van 31 woorden: kan het korter?", "warnings") == (
            "A sentence of 31 words: can it be shorter?")
        # a name someone typed is theirs, even one that is a domain text of another field
        assert shown("Periode 3 en 4", "periods") == "Periode 3 en 4"
        assert shown("Dossiervorming", "periods") == "Dossiervorming"
    with app.test_request_context("/"):
        assert shown("Periode 3", "periods") == "Periode 3"
