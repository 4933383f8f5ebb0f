"""Opening a workshop, letting people in, and the facilitator's controls of the session."""

import random
from datetime import datetime, timedelta

from .. import codes
from ..errors import WorkshopError
from ..groups import smallest_group
from ..model import (
    GROUP_SIZES,
    MAX_NAME_CHARS,
    MAX_TITLE_CHARS,
    VALUES_PER_PERSON,
    Participant,
    Workshop,
    check_choice,
    check_flag,
    check_join_id,
    clean_text,
)
from ..phases import PHASES, check_phase
from ..storage import Store, Tx
from . import lookups
from .canvas import default_periods
from .changes import Change, Created, Joined
from .groups import deal_groups

MAX_TIMER_SECONDS = 60 * 60


def create_workshop(store: Store, settings: object) -> Created:
    """Open a workshop in the lobby with a fresh join code and facilitator token."""
    if not isinstance(settings, dict):
        raise WorkshopError("invalid", "Stuur de instellingen als JSON-object.")
    title = clean_text(settings.get("title"), "De titel", MAX_TITLE_CHARS)
    team = clean_text(settings.get("team"), "De teamnaam", MAX_TITLE_CHARS, required=False)
    per_person = check_choice(settings.get("values_per_person"), "Waarden per mentor",
                              VALUES_PER_PERSON, VALUES_PER_PERSON.stop - 1)
    anonymous = check_flag(settings.get("anonymous"), "Anoniem")
    group_size = check_choice(settings.get("group_size"), "Groepsgrootte", GROUP_SIZES, 4)
    # learning is on unless the facilitator opts out ("learn": false)
    learn = check_flag(settings.get("learn", True), "Leren van eerdere workshops")
    token = codes.new_token()
    with store.transaction() as tx:
        workshop = Workshop(
            id=codes.new_id(), code=_free_code(tx), title=title, team=team,
            values_per_person=per_person, anonymous=anonymous, group_size=group_size,
            phase="lobby", version=1, presenter_key=codes.new_token(),
        )
        tx.add_workshop(workshop, codes.hash_token(token))
        default_periods(tx, workshop.id)
        if not learn:
            tx.opt_out_of_learning(workshop.id)
    return Created(workshop, token)


def _free_code(tx: Tx) -> str:
    """A join code no other workshop uses."""
    for _ in range(20):
        code = codes.new_code()
        if not tx.code_taken(code):
            return code
    raise WorkshopError("internal", "Er kon geen vrije code worden gemaakt. Probeer het opnieuw.")


def code_exists(store: Store, code: str) -> bool:
    """Whether a workshop uses this join code."""
    with store.transaction() as tx:
        return tx.code_taken(code)


def join_target(store: Store, code: object, token: object,
                join_id: object = None) -> tuple[str | None, bool]:
    """The workshop a join code opens (None: no workshop), and whether `token` or `join_id`
    belongs to one of its mentors."""
    if not isinstance(code, str):
        return None, False
    with store.transaction() as tx:
        workshop = tx.workshop_by_code(codes.normalise_code(code))
        if workshop is None:
            return None, False
        known = _known_mentor(tx, workshop.id, _credentials(workshop.id, token, join_id))
    return workshop.id, known is not None


def _credentials(workshop_id: str, token: object, join_id: object) -> list[str]:
    """The tokens a join brings: its token, then the one its join id stands for."""
    tokens = [token] if isinstance(token, str) and token else []
    if isinstance(join_id, str):
        tokens.append(codes.token_for_join_id(workshop_id, join_id))
    return tokens


def _known_mentor(tx: Tx, workshop_id: str,
                  tokens: list[str]) -> tuple[Participant, str] | None:
    """The mentor the first of these tokens belongs to, with that token."""
    for token in tokens:
        known = tx.participant_by_token(workshop_id, codes.hash_token(token))
        if known:
            return known, token
    return None


def authorise_facilitator(store: Store, workshop_id: object, token: object) -> Workshop:
    """The workshop, when `token` is its facilitator token; one answer for every failure."""
    with store.transaction() as tx:
        workshop = tx.workshop(workshop_id) if isinstance(workshop_id, str) else None
        stored = tx.facilitator_hash(workshop.id) if workshop else None
    if not (stored and isinstance(token, str) and codes.token_matches(token, stored)):
        raise WorkshopError("forbidden", "Deze link geeft geen toegang tot de workshop.")
    return workshop


def authorise_presenter(store: Store, workshop_id: object, key: object) -> Workshop:
    """The workshop, when `key` is its read-only presenter key."""
    with store.transaction() as tx:
        workshop = tx.workshop(workshop_id) if isinstance(workshop_id, str) else None
    if not (workshop and isinstance(key, str)
            and codes.token_matches(key, codes.hash_token(workshop.presenter_key))):
        raise WorkshopError("forbidden", "Deze presentatielink klopt niet.")
    return workshop


def join(store: Store, code: object, name: object, token: object, max_participants: int,
         join_id: object = None) -> Joined:
    """Let a mentor in by join code; a known token returns the same mentor, and so does the
    join id of an earlier join (a retry whose first answer was lost), however often it comes.

    A latecomer who arrives after the groups were formed goes to the smallest group.
    """
    if not isinstance(code, str):
        raise WorkshopError("invalid", "Vul de code van de workshop in.")
    join_id = check_join_id(join_id)
    with store.transaction() as tx:
        workshop = tx.workshop_by_code(codes.normalise_code(code))
        if workshop is None:
            raise WorkshopError("unknown_code",
                                "Deze code kennen we niet. Kijk nog eens op het scherm.")
        tokens = _credentials(workshop.id, token, join_id)
        known = _known_mentor(tx, workshop.id, tokens)
        if known:
            return Joined(workshop, *known)
        # a new mentor gets the next number: serialise joins of this workshop (PostgreSQL
        # would otherwise let two processes hand out the same number)
        workshop = lookups.workshop(tx, workshop.id, lock=True)
        # the same join id may have come in on another connection while this one waited
        known = _known_mentor(tx, workshop.id, tokens[-1:]) if join_id else None
        if known:
            return Joined(workshop, *known)
        if workshop.locked:
            raise WorkshopError("locked", "Deze workshop is gesloten voor nieuwe deelnemers.")
        display = "" if workshop.anonymous else clean_text(name, "Je naam", MAX_NAME_CHARS)
        if tx.count_participants(workshop.id) >= max_participants:
            raise WorkshopError("full", "Deze workshop zit vol.")
        new_token = tokens[-1] if join_id else codes.new_token()
        participant = Participant(id=codes.new_id(), workshop_id=workshop.id, name=display,
                                  number=tx.next_participant_number(workshop.id))
        tx.add_participant(participant, codes.hash_token(new_token))
        groups = tx.groups(workshop.id)
        group = smallest_group(groups) if groups else None
        if group is not None:
            tx.set_group(workshop.id, participant.id, group)
        version = tx.bump_version(workshop.id)
    return Joined(workshop, participant, new_token, version, group)


def set_phase(store: Store, workshop_id: str, phase: object) -> Change:
    """Move the workshop to another phase; entering 'groups' forms groups if there are none."""
    phase = check_phase(phase)
    with store.transaction() as tx:
        workshop = lookups.workshop(tx, workshop_id, lock=True)
        if workshop.phase == phase:
            return Change(workshop_id, None, {"phase": phase})
        # dots count only on the mission board: leaving it closes the voting (counts show)
        tx.update_workshop(workshop_id, phase=phase,
                           voting_open=workshop.voting_open and phase == "mission")
        shown = ()
        if phase == "groups":  # every phone needs its group as it is now
            shown = tuple(tx.groups(workshop_id)) or deal_groups(tx, workshop, random.Random())
        version = tx.bump_version(workshop_id)
    # the themes become public from the themes phase on: everyone needs a fresh picture
    public_now = PHASES.index(phase) >= PHASES.index("themes")
    return Change(workshop_id, version, {"phase": phase}, themes=public_now, groups=shown,
                  board=workshop.voting_open and phase != "mission")


def lock_workshop(store: Store, workshop_id: str, locked: object) -> Change:
    """Close (or open) the workshop to new mentors; a known token still gets back in."""
    return _set_switch(store, workshop_id, "locked", check_flag(locked, "Gesloten"), "locked")


def delete_workshop(store: Store, workshop_id: str) -> None:
    """Delete the workshop and everything in it (AVG): values, names, drafts, canvases."""
    with store.transaction() as tx:
        lookups.workshop(tx, workshop_id, lock=True)
        tx.delete_workshop(workshop_id)


def purge_expired(store: Store, now: datetime, retention_days: int) -> int:
    """Delete workshops on this server for more than `retention_days`; returns how many.

    An imported workshop counts from its import, not from the date it was held.
    """
    with store.transaction() as tx:
        expired = tx.workshops_kept_since_before(now - timedelta(days=retention_days))
        for workshop_id in expired:
            tx.delete_workshop(workshop_id)
    return len(expired)


def set_submissions(store: Store, workshop_id: str, open_: object) -> Change:
    """Open or close the adding of values (latecomers may add while themes form)."""
    return _set_switch(store, workshop_id, "submissions_open", check_flag(open_, "Open"), "open")


def _set_switch(store: Store, workshop_id: str, column: str, on: bool, answer: str) -> Change:
    """Flip one on/off setting of the workshop; setting it to what it is changes nothing."""
    with store.transaction() as tx:
        workshop = lookups.workshop(tx, workshop_id, lock=True)
        if getattr(workshop, column) == on:
            return Change(workshop_id, None, {answer: on})
        tx.update_workshop(workshop_id, **{column: on})
        version = tx.bump_version(workshop_id)
    return Change(workshop_id, version, {answer: on})


def set_timer(store: Store, workshop_id: str, seconds: object, now: float) -> Change:
    """Start a countdown of `seconds` from `now` (unix time) on every screen; 0 stops it."""
    seconds = check_choice(seconds, "Seconden", range(0, MAX_TIMER_SECONDS + 1), 0)
    ends_at = now + seconds if seconds else None
    with store.transaction() as tx:
        lookups.workshop(tx, workshop_id, lock=True)
        tx.update_workshop(workshop_id, timer_ends_at=ends_at)
        version = tx.bump_version(workshop_id)
    return Change(workshop_id, version, {"ends_at": ends_at})


def healthy(store: Store) -> bool:
    """Whether the database answers."""
    return store.healthy()
