"""The privacy page states this server's own settings, and the headers keep pages to this server."""

import json

import pytest

from tests.conftest import add_value, mentor_in, set_phase, wait_for
from workshop.config import load_config
from workshop.web import create_app


def _directives(csp: str) -> dict[str, list[str]]:
    """'default-src 'self'; img-src 'self' data:' → {'default-src': ["'self'"], …}."""
    parts = [directive.split() for directive in csp.split(";") if directive.strip()]
    return {name: sources for name, *sources in parts}


@pytest.mark.parametrize("path", ["/healthz", "/", "/j", "/privacy", "/w/abc/facilitate"])
def test_connect_src_allows_only_this_server(client, path):
    """No page may open a socket or fetch to another host: 'self' alone, not `ws: wss:`."""
    directives = _directives(client.get(path).headers["Content-Security-Policy"])
    assert directives["connect-src"] == ["'self'"]
    assert directives["default-src"] == ["'self'"]


def test_the_privacy_page_is_dutch_and_names_this_servers_address_and_retention(client):
    page = client.get("/privacy")
    html = page.get_data(as_text=True)
    assert page.status_code == 200 and '<html lang="nl">' in html
    assert "Wat de server bewaart" in html and "Wie ziet wat" in html
    assert "http://192.0.2.10:5000" in html  # PUBLIC_URL of the test app
    assert "90 dagen na het aanmaken" in html
    assert "LEARN_FROM_WORKSHOPS=0" in html
    assert "geen eigen contact opgegeven" in html


def test_the_privacy_page_in_english(client):
    html = client.get("/privacy?lang=en").get_data(as_text=True)
    assert '<html lang="en">' in html
    assert "What the server keeps" in html and "Who sees what" in html
    assert "90 days after it was created" in html
    assert "Wat de server bewaart" not in html


def test_the_operator_sets_the_contact_line_and_the_retention(tmp_path):
    app = create_app({
        "TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'p.db'}",
        "ASYNC_MODE": "threading", "PUBLIC_URL": "https://mentorkompas.school.nl",
        "RETENTION_DAYS": 30, "PRIVACY_CONTACT": "privacy@school.nl <script>",
    })
    html = app.test_client().get("/privacy").get_data(as_text=True)
    app.extensions["store"].dispose()
    assert "https://mentorkompas.school.nl" in html
    assert "30 dagen na het aanmaken" in html
    assert "privacy@school.nl &lt;script&gt;" in html  # the operator's text, escaped
    assert "geen eigen contact opgegeven" not in html


def test_privacy_contact_comes_from_the_environment(tmp_path):
    environ = {"PRIVACY_CONTACT": "  Functionaris gegevensbescherming, fg@school.nl  "}
    assert load_config(environ, tmp_path)["PRIVACY_CONTACT"] == \
        "Functionaris gegevensbescherming, fg@school.nl"
    assert load_config({}, tmp_path)["PRIVACY_CONTACT"] == ""


@pytest.mark.parametrize("path", ["/", "/j", "/w/abc/facilitate"])
def test_the_three_screens_link_to_the_privacy_page(client, path):
    assert 'href="/privacy"' in client.get(path).get_data(as_text=True)


def test_the_reflection_screen_asks_once_for_no_names(client):
    html = client.get("/j").get_data(as_text=True)
    assert html.count("Schrijf geen namen van leerlingen of collega") == 1


def test_pages_set_no_cookie_unless_a_language_is_chosen(client):
    for path in ("/", "/j", "/privacy", "/w/abc/facilitate", "/w/abc/present"):
        assert "Set-Cookie" not in client.get(path).headers
    chosen = client.get("/privacy?lang=en").headers.getlist("Set-Cookie")
    assert len(chosen) == 1 and chosen[0].startswith("lang=en;")


def test_the_projector_hears_the_values_web_without_names_or_waarom(connect, workshop,
                                                                    facilitator):
    """The privacy page's promise for the themes phase, on what the projector receives."""
    set_phase(facilitator, "reflect")
    mentors = {name: mentor_in(connect, workshop, name) for name in ("Anna Jansen", "Bram")}
    add_value(mentors["Anna Jansen"], "Vertrouwen", why="mijn broer Joris")
    add_value(mentors["Bram"], "Geduld", why="omdat het telt")
    key = facilitator.emit("sync", {"since": 0}, callback=True)["state"]["presenter_key"]
    presenter = connect()
    presenter.emit("present", {"workshop_id": workshop["id"], "key": key}, callback=True)
    set_phase(facilitator, "themes")
    web = wait_for(presenter, "themes", lambda payload: len(payload["themes"]) == 2)
    state = presenter.emit("sync", {"since": 0}, callback=True)["state"]
    for heard in (json.dumps(web), json.dumps(state["themes"])):
        assert "Vertrouwen" in heard and "Geduld" in heard
        for private in ("Anna Jansen", "Bram", "Joris", "omdat het telt"):
            assert private not in heard
