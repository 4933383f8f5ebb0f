"""A mentor's own core values: add and take back, each placed in the theme web at once."""

from .. import codes
from ..errors import WorkshopError
from ..model import MAX_VALUE_CHARS, MAX_WHY_CHARS, Value, Workshop, check_client_id, clean_text
from ..phases import can_add_value
from ..storage import Store, Tx
from . import lookups
from .changes import Change
from .learning import learned_label
from .theme_cache import changing_engine


def add_value(store: Store, participant_id: str, client_id: object, text: object,
              why: object, learning: bool = False) -> Change:
    """Add one of a mentor's core values; the same client id again adds nothing.

    With `learning` on, a value whose form earlier workshops taught lands where they taught.
    """
    client_id = check_client_id(client_id)
    text = clean_text(text, "De waarde", MAX_VALUE_CHARS)
    why = clean_text(why, "Het waarom", MAX_WHY_CHARS, required=False)
    with store.transaction() as tx:
        participant = lookups.participant(tx, participant_id)
        workshop = lookups.workshop(tx, participant.workshop_id, lock=True)
        own = tx.own_values(participant.id)
        earlier = next((value for value, _removed in own if value.client_id == client_id), None)
        if earlier:
            return Change(workshop.id, None, {"value_id": earlier.id})
        if not can_add_value(workshop.phase):
            raise WorkshopError("wrong_phase", "Waarden invullen kan nu niet.")
        if not workshop.submissions_open:
            raise WorkshopError("closed", "De begeleider heeft het invullen gesloten.")
        mine = [value for value, removed in own if not removed]
        if len(mine) >= workshop.values_per_person:
            raise WorkshopError("limit_reached", "Je hebt al %(n)s waarden ingevuld.",
                                n=workshop.values_per_person)
        if any(v.text.casefold() == text.casefold() for v in mine):
            raise WorkshopError("duplicate", "Deze waarde heb je al ingevuld.")
        value = Value(id=codes.new_id(), participant_id=participant.id, client_id=client_id,
                      text=text, why=why)
        tx.add_value(workshop.id, value)
        learned = learned_label(tx, workshop.id, value.text, learning)
        with changing_engine(tx, workshop.id) as engine:
            # the learned label goes into the engine's log, so a replay places it the same way
            engine.add(value.id, value.text, participant.id, *([learned] if learned else []))
        version = tx.bump_version(workshop.id)
        groups = _shown_group(tx, workshop, participant.id)
    return Change(workshop.id, version, {"value_id": value.id}, themes=True, groups=groups)


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
