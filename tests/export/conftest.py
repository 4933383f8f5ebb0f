"""A finished workshop built through the real use cases, and an app with the export routes."""

import uuid

import pytest

from workshop import service
from workshop.storage import Store
from workshop.web import create_app

PUBLIC = "http://192.0.2.10:5000"
MAX_PARTICIPANTS = 1000  # the default of the MAX_PARTICIPANTS setting
MISSION = ("Wij geven leerlingen vertrouwen en ruimte om te groeien, met ideeën van ouders. "
           "We staan ‘naast’ elk kind, als “coach”.")
XSS_VALUE = "Groei <script>alert(1)</script>"
XSS_DRAFT = 'Wij zijn er <img src=x onerror="alert(1)"> voor elke leerling.'
MENTORS = {
    "Anna": ["Vertrouwen", "Groei", "Respect", "Ruimte geven"],
    "Bram": ["vertrouwen", "Veiligheid", "Groei", XSS_VALUE],
    "Chloë": ["Respect", "Autonomie", "Zelfstandigheid", "Geduld"],
}


def _id() -> str:
    return uuid.uuid4().hex


@pytest.fixture
def store(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'export.db'}")
    yield store
    store.dispose()


def build_workshop(store, anonymous=False, team="Mentoren onderbouw", title="Missie 2026"):
    """A workshop taken through every phase: values, a correction, drafts, votes, a canvas."""
    created = service.create_workshop(store, {"title": title, "team": team,
                                              "anonymous": anonymous})
    wid = created.workshop.id
    people = {name: service.join(store, created.workshop.code, name, None, 100).participant.id
              for name in MENTORS}
    service.set_phase(store, wid, "reflect")
    for name, texts in MENTORS.items():
        for text in texts:
            service.add_value(store, people[name], _id(), text, "omdat het telt’s “echt”")
    service.set_phase(store, wid, "groups")
    service.name_group(store, people["Anna"], "Samen sterk")
    service.set_phase(store, wid, "themes")
    web = service.state(store, wid, "facilitator", PUBLIC)["themes"]
    trust = next(t for t in web if t["label"].casefold().startswith("vertrouw"))
    service.rename_theme(store, wid, trust["id"], "Vertrouwen geven")
    service.recognise_theme(store, people["Chloë"], trust["id"])
    service.set_phase(store, wid, "mission")
    first = service.add_draft(store, people["Anna"], _id(), "Wij geven vertrouwen.", False)
    xss = service.add_draft(store, people["Bram"], _id(), XSS_DRAFT, False)
    service.add_draft(store, people["Chloë"], _id(), "Respect voor iedereen, elke dag.", False)
    service.set_voting(store, wid, True, 3, False)
    service.cast_vote(store, people["Anna"], xss.result["draft_id"])
    service.cast_vote(store, people["Bram"], xss.result["draft_id"])
    service.cast_vote(store, people["Chloë"], first.result["draft_id"])
    service.adopt_mission(store, wid, MISSION)
    service.set_phase(store, wid, "canvas")
    canvas_id = service.add_canvas(store, wid, _id(), "Leerjaar 1 havo/vwo").result["canvas_id"]
    service.set_doelgroep(store, wid, canvas_id, "Brugklassers die net van groep 8 komen.")
    service.add_vision(store, wid, people["Anna"], canvas_id, _id(), "Elke leerling gezien.")
    periods = service.state(store, wid, "facilitator", PUBLIC)["canvas"]["periods"]
    goal = service.add_goal(store, wid, people["Bram"], {
        "id": _id(), "canvas_id": canvas_id, "text": "De leerling kan een weekplanning maken.",
        "domain": "studiebegeleiding", "period": periods[0]["id"], "theme": "Groei",
    }).result["goal_id"]
    service.add_goal(store, wid, None, {
        "id": _id(), "canvas_id": canvas_id, "text": "De leerling kan hulp vragen bij zorgen.",
        "domain": "persoonlijk_sociaal", "period": periods[1]["id"]})
    service.like_goal(store, people["Chloë"], goal)
    service.mark_lesson(store, wid, goal, True)
    service.set_phase(store, wid, "closed")
    return created


@pytest.fixture
def finished(store):
    return build_workshop(store)


@pytest.fixture
def app(tmp_path):
    app = create_app({
        "TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'app.db'}",
        "ASYNC_MODE": "threading", "PUBLIC_URL": PUBLIC, "SECRET_KEY": "test",
    })
    yield app
    app.extensions["store"].dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def app_workshop(app):
    """A finished workshop in the app's own database."""
    return build_workshop(app.extensions["store"])
