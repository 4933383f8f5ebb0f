"""The rules the live path enforces, applied to an import: what no workshop can hold.

The schema checks shapes. These checks come from the domain modules that guard each rule
live (settings, texts, limits per mentor, the dot budget), so an import and a live session
can never disagree; a refusal names where in the file it happened.
"""

from collections import Counter
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import NoReturn

from .. import board, canvas
from ..errors import WorkshopError
from ..model import (
    GROUP_SIZES,
    MAX_TITLE_CHARS,
    VALUES_PER_PERSON,
    check_choice,
    check_flag,
    clean_text,
)
from ..phases import check_phase

# an export made on a machine whose clock runs ahead still imports
CLOCK_SKEW = timedelta(days=1)


def _(text: str) -> str:
    """Mark a message for the catalog; translate() looks it up when the answer is sent."""
    return text


def at(where: str, check: Callable, *args, **kwargs):
    """Run a domain check; its refusal says where in the export it happened."""
    try:
        return check(*args, **kwargs)
    except WorkshopError as refused:
        raise _located(where, refused) from None


def refuse(where: str, message: str, **params) -> NoReturn:
    """Refuse the export with a problem of our own, in Dutch."""
    raise _located(where, WorkshopError("invalid", message, **params))


def _located(where: str, problem: WorkshopError) -> WorkshopError:
    return WorkshopError("invalid", "De export klopt niet (%(where)s): %(problem)s",
                         where=where, problem=problem)


def check_sizes(document: dict, max_participants: int) -> None:
    """Refuse more mentors and values than a workshop can have, before anything reads them all."""
    people = _length(document, "participants")
    if people > max_participants:
        refuse("participants", "%(n)s mentoren; een workshop heeft er hoogstens %(max)s.",
               n=people, max=max_participants)
    most = people * (VALUES_PER_PERSON.stop - 1)
    if _length(document, "values") > most:
        refuse("values", "meer waarden dan %(n)s mentoren kunnen invullen.", n=people)


def _length(document: dict, key: str) -> int:
    items = document.get(key)
    return len(items) if isinstance(items, list) else 0


def workshop_settings(saved: dict) -> dict:
    """The workshop's own fields, each checked by the helper that checks it live."""
    mission = at("workshop/mission", clean_text, saved["mission"], "De missie",
                 board.MAX_DRAFT_CHARS, required=False)
    return {
        "title": at("workshop/title", clean_text, saved["title"], "De titel", MAX_TITLE_CHARS),
        "team": at("workshop/team", clean_text, saved["team"], "De teamnaam", MAX_TITLE_CHARS,
                   required=False),
        "phase": at("workshop/phase", check_phase, saved["phase"]),
        "anonymous": at("workshop/anonymous", check_flag, saved["anonymous"], "Anoniem"),
        "values_per_person": at("workshop/values_per_person", check_choice,
                                saved["values_per_person"], "Waarden per mentor",
                                VALUES_PER_PERSON, None),
        "group_size": at("workshop/group_size", check_choice, saved["group_size"],
                         "Groepsgrootte", GROUP_SIZES, None),
        "mission": mission and at("workshop/mission", board.check_mission_text, mission),
        "votes_per_person": at("workshop/votes_per_person", check_choice,
                               saved["votes_per_person"], "Stemmen per mentor",
                               board.VOTES_PER_PERSON, None),
        "hide_counts": at("workshop/hide_counts", check_flag, saved["hide_counts"],
                          "Tellingen verbergen"),
    }


def created_at(raw: str, now: datetime) -> datetime:
    """When the workshop was held: a real moment, not after `now`."""
    try:
        moment = datetime.fromisoformat(raw).astimezone(UTC)
    except (ValueError, OverflowError):
        refuse("workshop/created_at", "%(value)s is geen bestaande datum en tijd.",
               value=raw[:40])
    if moment > now + CLOCK_SKEW:
        refuse("workshop/created_at", "de datum %(value)s ligt in de toekomst.", value=raw[:40])
    return moment


def check_numbers(document: dict, max_participants: int) -> None:
    """Mentor and group numbers stay within what a workshop hands out."""
    numbers = range(1, max_participants + 1)
    for i, person in enumerate(document["participants"]):
        at(f"participants/{i}/number", check_choice, person["number"], _("Het nummer"),
           numbers, None)
    for i, group in enumerate(document["groups"]):
        at(f"groups/{i}/number", check_choice, group["number"], _("Het groepsnummer"),
           numbers, None)
    for i, draft in enumerate(document["drafts"]):
        at(f"drafts/{i}/group", check_choice, draft["group"], _("Het groepsnummer"), numbers,
           1)


def check_limits(document: dict, values_per_person: int) -> None:
    """No mentor holds more values, drafts, goals or dots than the live path lets them add."""
    number = {p["id"]: p["number"] for p in document["participants"]}
    _most("values", Counter(v["participant"] for v in document["values"]), values_per_person,
          number, _("mentor %(number)s heeft %(n)s waarden; deze workshop staat er %(max)s toe."))
    _most("drafts", Counter(d["participant"] for d in document["drafts"] if d["participant"]),
          board.MAX_DRAFTS_PER_MENTOR, number,
          _("mentor %(number)s heeft %(n)s zinnen geplaatst; hoogstens %(max)s."))
    goals = [g for c in document["canvases"] for g in c["goals"]]
    _most("canvases", Counter(g["participant"] for g in goals if g["participant"]),
          canvas.MAX_GOALS_PER_MENTOR, number,
          _("mentor %(number)s heeft %(n)s leerdoelen; hoogstens %(max)s."))
    for i, saved in enumerate(document["canvases"]):
        if len(saved["visions"]) > canvas.MAX_VISIONS_PER_CANVAS:
            refuse(f"canvases/{i}/visions", "hoogstens %(max)s visie-uitspraken per canvas.",
                   max=canvas.MAX_VISIONS_PER_CANVAS)
    # dots on drafts still on the board; a combination gives the dots on its drafts back.
    # The bound is the most dots a workshop can hand out: a facilitator may lower the
    # number after mentors spent theirs, and such an export must still import.
    dots = Counter()
    for saved in document["drafts"]:
        if saved["merged_into"] is None:
            dots.update({vote["participant"]: vote["count"] for vote in saved["votes"]})
    _most("drafts", dots, board.VOTES_PER_PERSON.stop - 1, number,
          _("mentor %(number)s heeft %(n)s stemmen op het bord; hoogstens %(max)s."))


def _most(where: str, counts: Counter, limit: int, number: dict, message: str) -> None:
    for participant, n in counts.items():
        if n > limit:
            refuse(where, message, number=number.get(participant, "?"), n=n, max=limit)
