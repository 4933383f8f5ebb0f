"""A mentor's own core values: add and take back, each placed in the theme web at once."""

from dataclasses import dataclass

from .. import codes
from ..errors import WorkshopError
from ..model import (
    MAX_VALUE_CHARS,
    MAX_WHY_CHARS,
    Participant,
    Value,
    Workshop,
    check_client_id,
    clean_text,
)
from ..phases import can_add_value
from ..storage import Store, Tx
from . import lookups
from .changes import Change
from .learning import learned_labels
from .theme_cache import changing_engine


@dataclass(frozen=True)
class NewValue:
    """One mentor's `value:add`, as it came in."""

    participant_id: str
    client_id: object
    text: object
    why: object = None


def add_value(store: Store, participant_id: str, client_id: object, text: object,
              why: object, learning: bool = False) -> Change:
    """Add one of a mentor's core values; the same client id again adds nothing.

    With `learning` on, a value whose form earlier workshops taught lands where they taught.
    """
    new = [NewValue(participant_id, client_id, text, why)]
    with store.transaction() as tx:
        workshop_id = lookups.participant(tx, participant_id).workshop_id
        outcome = _add_in(tx, workshop_id, new, learning)[0]
    if isinstance(outcome, WorkshopError):
        raise outcome
    return outcome


def add_values(store: Store, workshop_id: str, new: list[NewValue],
               learning: bool = False) -> list[Change | WorkshopError]:
    """Several mentors' values in one transaction, each answered as if added alone, in order.

    Every add takes the workshop's lock (the theme log and the version follow one order). On
    PostgreSQL a thousand phones queued on that lock one transaction each, so that the lock,
    the log entry, the version and the commit were paid per value (docs/BENCHMARKS.md); a
    batch pays them once. A refused value is that value's WorkshopError and costs the others
    nothing; a failing database fails the whole batch.
    """
    with store.transaction() as tx:
        return _add_in(tx, workshop_id, new, learning)


def _add_in(tx: Tx, workshop_id: str, new: list[NewValue],
            learning: bool) -> list[Change | WorkshopError]:
    """add_values inside the caller's transaction."""
    outcomes: list[Change | WorkshopError | None] = [None] * len(new)
    checked = []
    for index, request in enumerate(new):
        try:
            checked.append((index, request.participant_id, check_client_id(request.client_id),
                            clean_text(request.text, "De waarde", MAX_VALUE_CHARS),
                            clean_text(request.why, "Het waarom", MAX_WHY_CHARS,
                                       required=False)))
        except WorkshopError as refused:
            outcomes[index] = refused
    if not checked:
        return outcomes
    # the lessons are read before the workshop's lock: on PostgreSQL other writers wait on it
    learned = learned_labels(tx, workshop_id, [text for *_, text, _why in checked], learning)
    # counted as a change at once (one round trip less under the lock); taken back below
    # when nothing is added
    workshop = tx.lock_and_count(workshop_id)
    mentor_ids = list({participant_id for _, participant_id, *_ in checked})
    # a deleted workshop took its mentors along: each of them is told they are no longer in
    mentors, own = tx.mentors_and_values(workshop_id, mentor_ids) if workshop else ({}, {})
    accepted: list[tuple[int, Value]] = []
    for index, participant_id, client_id, text, why in checked:
        try:
            value, is_new = _accept(workshop, mentors.get(participant_id), own, client_id,
                                    text, why)
        except WorkshopError as refused:
            outcomes[index] = refused
            continue
        if not is_new:  # sent before: the same answer, nothing added
            outcomes[index] = Change(workshop.id, None, {"value_id": value.id})
            continue
        own[participant_id].append((value, False))
        accepted.append((index, value))
    if not accepted:
        if workshop:
            tx.uncount(workshop.id)
        return outcomes
    tx.add_values(workshop.id, [value for _, value in accepted])
    with changing_engine(tx, workshop.id) as engine:
        for _, value in accepted:
            label = learned.get(value.text)
            # the learned label goes into the engine's log, so a replay places it the same way
            engine.add(value.id, value.text, value.participant_id, *([label] if label else []))
    for index, value in accepted:
        outcomes[index] = Change(workshop.id, workshop.version, {"value_id": value.id},
                                 themes=True,
                                 groups=_shown_group(tx, workshop, value.participant_id))
    return outcomes


def _accept(workshop: Workshop, mentor: Participant | None, own: dict, client_id: str,
            text: str, why: str) -> tuple[Value, bool]:
    """The value this client id stands for, and whether it is new (else it was sent before)."""
    if mentor is None:
        raise WorkshopError("not_joined", "Je bent niet (meer) aangemeld bij deze workshop.")
    sent = own[mentor.id]
    earlier = next((value for value, _removed in sent if value.client_id == client_id), None)
    if earlier:
        return earlier, False
    if not can_add_value(workshop.phase):
        raise WorkshopError("wrong_phase", "Waarden invullen kan nu niet.")
    if not workshop.submissions_open:
        raise WorkshopError("closed", "De begeleider heeft het invullen gesloten.")
    mine = [value for value, removed in sent if not removed]
    if len(mine) >= workshop.values_per_person:
        raise WorkshopError("limit_reached", "Je hebt al %(n)s waarden ingevuld.",
                            n=workshop.values_per_person)
    if any(v.text.casefold() == text.casefold() for v in mine):
        raise WorkshopError("duplicate", "Deze waarde heb je al ingevuld.")
    return Value(id=codes.new_id(), participant_id=mentor.id, client_id=client_id, text=text,
                 why=why), True


def remove_value(store: Store, participant_id: str, value_id: object) -> Change:
    """Take back one of the mentor's own values; removing it twice changes nothing."""
    with store.transaction() as tx:
        participant = lookups.participant(tx, participant_id)
        mine = {v.id for v in tx.live_values(participant.workshop_id, [participant.id])}
        if not isinstance(value_id, str) or value_id not in mine:
            return Change(participant.workshop_id, None)
        workshop = lookups.workshop(tx, participant.workshop_id, lock=True)
        if not can_add_value(workshop.phase):
            raise WorkshopError("wrong_phase", "Waarden aanpassen kan nu niet.")
        tx.remove_value(value_id)
        with changing_engine(tx, workshop.id) as engine:
            engine.remove(value_id)
        version = tx.bump_version(workshop.id)
        groups = _shown_group(tx, workshop, participant.id)
    return Change(workshop.id, version, themes=True, groups=groups)


def _shown_group(tx: Tx, workshop: Workshop, participant_id: str) -> tuple[int, ...]:
    """The mentor's group, when its members' phones show it (the groups phase) and must hear
    of the change; in other phases entering the groups phase sends every group afresh."""
    group = tx.group_of(participant_id) if workshop.phase == "groups" else None
    return (group,) if group else ()
