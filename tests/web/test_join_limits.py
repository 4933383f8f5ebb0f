"""Join limits with the configured defaults: guessing codes is limited, joining is not.

Real Socket.IO test clients; each gets its client address through the Flask test client's
environ, so phones behind one NAT share an address and a guesser has its own.
"""

import random

import pytest
from sqlalchemy import func, select

from tests.conftest import create_workshop
from workshop.codes import CODE_ALPHABET, CODE_LENGTH
from workshop.config import load_config
from workshop.storage.tables import participants
from workshop.web import socketio

HALL = "198.51.100.20"  # the school's one public address
GUESSER = "203.0.113.66"
PER_ADDRESS, PER_CONNECTION = 300, 10  # the defaults, checked in the first test


@pytest.fixture
def phone_at(app):
    """Open a phone's connection from a given address; all are closed after the test."""
    opened = []

    def _phone(address: str):
        client = app.test_client()
        client.environ_base["REMOTE_ADDR"] = address
        sock = socketio.test_client(app, flask_test_client=client)
        opened.append(sock)
        return sock

    yield _phone
    for sock in opened:
        if sock.is_connected():
            sock.disconnect()


def join(sock, code, name="Mentor", token=None):
    return sock.emit("join", {"code": code, "name": name, "token": token}, callback=True)


def outcome(ack) -> str:
    return "joined" if ack["ok"] else ack["error"]


def mentors_of(app, workshop_id) -> int:
    with app.extensions["store"].engine.connect() as connection:
        return connection.execute(select(func.count()).select_from(participants).where(
            participants.c.workshop_id == workshop_id)).scalar_one()


def wrong_code(rng, taken: set[str]) -> str:
    while (code := "".join(rng.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))) in taken:
        pass
    return code


def test_the_defaults_are_the_documented_ones(tmp_path):
    config = load_config({}, tmp_path)
    assert config["FAILED_JOIN_LIMIT"] == f"{PER_ADDRESS} per 10 minutes"
    assert config["FAILED_JOIN_LIMIT_PER_CONNECTION"] == f"{PER_CONNECTION} per 10 minutes"
    assert config["TRUSTED_PROXIES"] == 0


def test_sixty_phones_behind_one_address_get_in_although_forty_mistype_first(app, client,
                                                                            phone_at):
    workshop = create_workshop(client)
    typo = workshop["code"][:-1] + ("A" if workshop["code"][-1] != "A" else "B")
    phones = [phone_at(HALL) for _ in range(60)]
    mistakes = [join(phone, typo)["error"] for phone in phones[:40]]
    assert mistakes == ["unknown_code"] * 40
    answers = [join(phone, workshop["code"].lower(), name=f"Mentor {i}")
               for i, phone in enumerate(phones)]
    assert [a["ok"] for a in answers] == [True] * 60
    assert mentors_of(app, workshop["id"]) == 60


def test_a_prankster_behind_the_halls_address_cannot_shut_the_hall_out(app, client, phone_at):
    workshop, elsewhere = create_workshop(client), create_workshop(client)
    facilitator = phone_at(HALL)  # the facilitator's laptop opens its page from the hall
    assert facilitator.emit("facilitate", {"workshop_id": workshop["id"],
                                           "token": workshop["facilitator_token"]},
                            callback=True)["ok"]
    early = join(phone_at(HALL), workshop["code"], name="Vroeg")
    rng, taken = random.Random(3), {workshop["code"], elsewhere["code"]}
    prank = [join(phone_at(HALL), wrong_code(rng, taken))["error"]
             for _ in range(2 * PER_ADDRESS)]
    assert prank[:PER_ADDRESS] == ["unknown_code"] * PER_ADDRESS
    assert set(prank[PER_ADDRESS:]) == {"rate_limited"}
    # the hall still gets in: new phones, a phone back with its token, a phone that mistyped
    assert all(join(phone_at(HALL), workshop["code"], name=f"Laat {i}")["ok"]
               for i in range(20))
    back = join(phone_at(HALL), workshop["code"], name=None, token=early["token"])
    assert back["participant_id"] == early["participant_id"]
    sloppy = phone_at(HALL)
    refused = join(sloppy, wrong_code(rng, taken))
    assert refused["error"] == "rate_limited" and "code op het scherm" in refused["message"]
    assert join(sloppy, workshop["code"], name="Slordig")["ok"]
    # a workshop nobody at this address reached answers like a wrong code: no oracle
    assert join(phone_at(HALL), elsewhere["code"])["error"] == "rate_limited"
    assert mentors_of(app, workshop["id"]) == 22 and mentors_of(app, elsewhere["id"]) == 0


@pytest.mark.timeout(600)  # 10,000 joins through the test client on a shared machine
def test_one_address_guessing_ten_thousand_codes_gets_nowhere(app, client, phone_at):
    """The guesser opens a new connection every ten guesses, as the per-connection limit
    makes it; the real code, tried after the limit, is refused like any other."""
    target = create_workshop(client)
    owner = phone_at(HALL)
    assert join(owner, target["code"], name="Anna")["ok"]
    rng = random.Random(17)
    guesses = [wrong_code(rng, {target["code"]}) for _ in range(10_000)]
    guesses[5_000] = guesses[9_999] = target["code"]
    answers = []
    for start in range(0, len(guesses), PER_CONNECTION):
        sock = phone_at(GUESSER)
        answers += [outcome(join(sock, code)) for code in guesses[start:start + PER_CONNECTION]]
        sock.disconnect()
    answered = answers.count("unknown_code")
    print(f"\n10,000 guesses from one address: {answered} answered unknown_code, "
          f"{answers.count('rate_limited')} rate_limited, {answers.count('joined')} joined")
    assert answered == PER_ADDRESS
    assert answers[:PER_ADDRESS] == ["unknown_code"] * PER_ADDRESS
    assert set(answers[PER_ADDRESS:]) == {"rate_limited"}
    assert answers[5_000] == answers[9_999] == "rate_limited"
    assert mentors_of(app, target["id"]) == 1
    # one connection that keeps guessing is stopped sooner, at its own limit
    lone = phone_at("192.0.2.77")
    alone = [join(lone, code)["error"] for code in guesses[:100]]
    print(f"one connection, 100 guesses: {alone.count('unknown_code')} answered")
    assert alone == ["unknown_code"] * PER_CONNECTION + ["rate_limited"] * 90


def test_a_valid_token_gets_its_mentor_back_from_a_guessing_address(app, client, phone_at):
    """A phone that joined on the Wi-Fi comes back over 4G, from an address that guesses."""
    workshop = create_workshop(client)
    anna = join(phone_at(HALL), workshop["code"], name="Anna")
    rng = random.Random(5)
    for _ in range(PER_ADDRESS // PER_CONNECTION):
        sock = phone_at(GUESSER)
        for _ in range(PER_CONNECTION):
            join(sock, wrong_code(rng, {workshop["code"]}))
    assert join(phone_at(GUESSER), workshop["code"], name="Nieuw")["error"] == "rate_limited"
    forged = join(phone_at(GUESSER), workshop["code"], name="X", token="geraden-token")
    assert forged["error"] == "rate_limited"
    back = join(phone_at(GUESSER), workshop["code"], name=None, token=anna["token"])
    assert back["ok"] and back["participant_id"] == anna["participant_id"]
    assert mentors_of(app, workshop["id"]) == 1


def test_a_join_retried_with_its_join_id_gets_in_from_a_guessing_address(app, client,
                                                                         phone_at):
    """A phone whose first answer was lost retries over 4G, from an address that guesses."""
    workshop = create_workshop(client)
    join_id = "4f1c2a9e-8b7d-4c3e-9a1f-0d2b3c4e5f60"
    anna = phone_at(HALL).emit("join", {"code": workshop["code"], "name": "Anna",
                                        "id": join_id}, callback=True)
    rng = random.Random(6)
    for _ in range(PER_ADDRESS // PER_CONNECTION):
        sock = phone_at(GUESSER)
        for _ in range(PER_CONNECTION):
            join(sock, wrong_code(rng, {workshop["code"]}))
    guessed = phone_at(GUESSER).emit("join", {"code": workshop["code"], "name": "X",
                                              "id": "4f1c2a9e-8b7d-4c3e-9a1f-000000000000"},
                                     callback=True)
    assert guessed["error"] == "rate_limited"
    back = phone_at(GUESSER).emit("join", {"code": workshop["code"], "name": "Anna",
                                           "id": join_id}, callback=True)
    assert back["ok"] and back["participant_id"] == anna["participant_id"]
    assert mentors_of(app, workshop["id"]) == 1


def test_one_connection_that_keeps_mistyping_is_limited_on_its_own(app, client, phone_at):
    workshop = create_workshop(client)
    stubborn = phone_at(HALL)
    rng = random.Random(9)
    assert [join(stubborn, wrong_code(rng, {workshop["code"]}))["error"]
            for _ in range(PER_CONNECTION)] == ["unknown_code"] * PER_CONNECTION
    # nobody from the hall is in yet, so even the right code is refused on this connection
    assert join(stubborn, workshop["code"])["error"] == "rate_limited"
    # the page reloaded (a new connection) gets in: the address is far from its limit
    assert join(phone_at(HALL), workshop["code"])["ok"]
    # and now that the hall reached the workshop, the stubborn connection gets in too
    assert join(stubborn, workshop["code"], name="Eindelijk")["ok"]
