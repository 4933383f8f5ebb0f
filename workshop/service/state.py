"""What each screen needs to draw itself, per role, and the views broadcasts carry."""

from collections import OrderedDict

from ..board_view import board_view, shared_theme_terms
from ..canvas_view import canvas_view
from ..model import Workshop
from ..phases import PHASES
from ..storage import Store, Tx
from ..views import (
    compact_web_view,
    group_view,
    groups_view,
    mentors_view,
    participants_view,
    progress_view,
    workshop_view,
)
from . import lookups
from .theme_cache import current_engine
from .web_views import web_view


def themes_public(phase: str) -> bool:
    """Values are private until the themes phase; from then on everyone sees the web."""
    return PHASES.index(phase) >= PHASES.index("themes")


# workshop id -> (the version the parts reflect, {part key: part}), most recently used last;
# a server keeps workshops for months, and only those being held now need their parts
_room_parts: OrderedDict[str, tuple[int, dict]] = OrderedDict()
KEPT_WORKSHOPS = 32
# a crowded workshop (this many mentors or more): phones get counts where a small one shows
# names, and the server bundles its broadcasts (web/broadcast.py)
CROWD = 100


def _at_version(workshop: Workshop, key: tuple, build):
    """The part `key` of the workshop as it is at its current version, built once per version.

    Every change bumps the version in the same transaction (docs/API.md, "Versions"), so a
    part read at one version stays right until the next. After a restart 1,000 phones rejoin
    and sync within seconds, all at the same version: building the room's share of the state
    (the participant list, the web, the canvas) for each of them was what kept the server from
    answering anyone else (docs/BENCHMARKS.md, "Reconnect storm"). Only the newest version of
    each workshop is kept. The parts are shared between callers: read them, never change them.
    """
    version, parts = _room_parts.get(workshop.id, (None, None))
    if version != workshop.version:
        parts = {}
        _room_parts[workshop.id] = (workshop.version, parts)
        while len(_room_parts) > KEPT_WORKSHOPS:
            _room_parts.popitem(last=False)
    _room_parts.move_to_end(workshop.id)
    if key not in parts:
        parts[key] = build()
    return parts[key]


def state(store: Store, workshop_id: str, role: str, public_url: str,
          participant_id: str | None = None) -> dict:
    """Everything a screen of `role` needs, with the version it reflects."""
    with store.transaction() as tx:
        workshop = lookups.workshop(tx, workshop_id)
        result = dict(_at_version(workshop, ("room", role, public_url),
                                  lambda: _room_state(tx, workshop, role, public_url)))
        if role == "mentor":
            me = lookups.participant(tx, participant_id)
            result["me"] = {
                "participant_id": me.id,
                "name": me.display_name(workshop.anonymous),
                "values": [{"id": v.id, "client_id": v.client_id, "text": v.text, "why": v.why}
                           for v in tx.live_values(workshop_id, [me.id])],
                "recognised": sorted(tx.recognised_by(workshop_id, me.id)),
                "votes": tx.votes_of(workshop_id, me.id),
                "liked": sorted(tx.liked_by(workshop_id, me.id)),
            }
            number = tx.group_of(me.id)
            result["group"] = _own_group(tx, workshop, number) if number else None
    return result


def _room_state(tx: Tx, workshop: Workshop, role: str, public_url: str) -> dict:
    """What every screen of `role` in the workshop gets alike: all of the state but `me` and
    `group`."""
    people = _people(tx, workshop)
    counts = tx.value_counts(workshop.id)
    result = {
        "version": workshop.version,
        "role": role,
        "workshop": workshop_view(workshop, public_url),
        "progress": progress_view(people, counts),
        "timer": {"ends_at": workshop.timer_ends_at},
    }
    if role != "mentor" or len(people) < CROWD:
        # a phone shows counts, not the room's names: at 1,000 mentors the list was 60 KB of
        # every phone's join, and of the server's memory while a thousand joins went out
        result["participants"] = participants_view(workshop, people)
    web = _at_version(workshop, ("web",), lambda: _web(tx, workshop.id))
    if PHASES.index(workshop.phase) >= PHASES.index("mission"):
        result["board"] = _board(tx, workshop, web, show_counts=role == "facilitator")
    result["canvas"] = _canvas(tx, workshop, with_dropped=role == "facilitator", people=people)
    if role in ("facilitator", "presenter"):
        result["groups"] = _groups(tx, workshop, people)
        if role == "facilitator" or themes_public(workshop.phase):
            result["themes"] = web
    if role == "facilitator":
        result["presenter_key"] = workshop.presenter_key
        result["mentors"] = mentors_view(workshop, people, counts)
    if role == "mentor" and themes_public(workshop.phase):
        result["themes"] = compact_web_view(web)
    return result


def _people(tx: Tx, workshop: Workshop) -> list:
    """The workshop's mentors, read once per version."""
    return _at_version(workshop, ("people",), lambda: tx.participants(workshop.id))


def _own_group(tx: Tx, workshop: Workshop, number: int) -> dict:
    """A group's detail as its members' states carry it, built once per version for them all."""
    def build():
        groups = _at_version(workshop, ("groups",), lambda: tx.groups(workshop.id))
        return group_detail(tx, workshop, number, groups, _people(tx, workshop))
    return _at_version(workshop, ("group", number), build)


def theme_web(store: Store, workshop_id: str) -> tuple[int, str, list[dict]]:
    """The workshop's version, phase and whole values web, for a broadcast."""
    with store.transaction() as tx:
        workshop = lookups.workshop(tx, workshop_id)
        return workshop.version, workshop.phase, _at_version(workshop, ("web",),
                                                             lambda: _web(tx, workshop_id))


def _web(tx: Tx, workshop_id: str) -> list:
    _revision, engine = current_engine(tx, workshop_id)
    return web_view(workshop_id, engine.themes(), tx.marked_value_ids(workshop_id),
                    tx.recognition_counts(workshop_id))


def _board(tx: Tx, workshop: Workshop, web: list, show_counts: bool) -> dict:
    """The board; counts are hidden from the room while the facilitator hides them."""
    visible = show_counts or not (workshop.voting_open and workshop.hide_counts)
    return board_view(workshop, tx.drafts(workshop.id), tx.vote_counts(workshop.id),
                      shared_theme_terms(web), tx.participants(workshop.id), visible)


def board_update(store: Store, workshop_id: str) -> tuple[int, dict, dict]:
    """The workshop's version, the facilitator's board and the room's board."""
    with store.transaction() as tx:
        workshop = lookups.workshop(tx, workshop_id)
        web = _web(tx, workshop_id)
        return (workshop.version, _board(tx, workshop, web, show_counts=True),
                _board(tx, workshop, web, show_counts=False))


def _canvas(tx: Tx, workshop: Workshop, with_dropped: bool, people: list | None = None) -> dict:
    return canvas_view(workshop, tx.canvases(workshop.id), tx.visions(workshop.id),
                       tx.goals(workshop.id), tx.like_counts(workshop.id), tx.periods(workshop.id),
                       tx.participants(workshop.id) if people is None else people, with_dropped)


def canvas_update(store: Store, workshop_id: str) -> tuple[int, dict, dict]:
    """The workshop's version, the facilitator's canvas and the room's canvas."""
    with store.transaction() as tx:
        workshop = lookups.workshop(tx, workshop_id)
        return (workshop.version, _canvas(tx, workshop, with_dropped=True),
                _canvas(tx, workshop, with_dropped=False))


def _groups(tx: Tx, workshop: Workshop, people) -> list:
    return groups_view(workshop, people, tx.groups(workshop.id), tx.group_names(workshop.id),
                       tx.value_counts(workshop.id, marked_only=True))


def group_detail(tx: Tx, workshop: Workshop, number: int, groups: dict | None = None,
                 people: list | None = None) -> dict:
    """One group with its members' values, for those members' phones.

    `groups` and `people` may be passed when already loaded: a broadcast touching many groups
    of a large workshop would otherwise read every participant once per group.
    """
    member_ids = (tx.groups(workshop.id) if groups is None else groups).get(number, [])
    people = [p for p in (tx.participants(workshop.id) if people is None else people)
              if p.id in member_ids]
    by_owner: dict = {}
    for value in tx.live_values(workshop.id, member_ids):
        by_owner.setdefault(value.participant_id, []).append(value)
    return group_view(workshop, number, people, tx.group_names(workshop.id).get(number, ""),
                      by_owner)


def room_progress(store: Store, workshop_id: str) -> tuple[int, dict, list, list]:
    """The version they were read at, the counts for the room, the participant list, and
    per-mentor counts for the facilitator."""
    with store.transaction() as tx:
        workshop = lookups.workshop(tx, workshop_id)
        people = tx.participants(workshop_id)
        counts = tx.value_counts(workshop_id)
    return (workshop.version, progress_view(people, counts), participants_view(workshop, people),
            mentors_view(workshop, people, counts))


def groups_update(store: Store, workshop_id: str, numbers: tuple[int, ...]) -> tuple:
    """The overview of all groups, and per touched group its members and detail view."""
    with store.transaction() as tx:
        workshop = lookups.workshop(tx, workshop_id)
        people = tx.participants(workshop_id)
        groups = tx.groups(workshop_id)
        details = [(groups.get(n, []), group_detail(tx, workshop, n, groups, people))
                   for n in numbers]
        return _groups(tx, workshop, people), details
