"""Small groups: forming them, moving a mentor, marking shared values, naming a common theme."""

import random

from ..errors import WorkshopError
from ..groups import MAX_GROUP_NAME_CHARS
from ..groups import form_groups as deal
from ..model import Workshop, check_flag, clean_text
from ..storage import Store, Tx
from . import lookups
from .changes import Change

_FORMING_PHASES = ("lobby", "reflect", "groups")


def deal_groups(tx: Tx, workshop: Workshop, rng: random.Random) -> tuple[int, ...]:
    """Deal every mentor into new groups; returns the group numbers."""
    people = [p.id for p in tx.participants(workshop.id)]
    groups = deal(people, workshop.group_size, rng)
    tx.replace_groups(workshop.id, groups)
    return tuple(range(1, len(groups) + 1))


def form_groups(store: Store, workshop_id: str, rng: random.Random) -> Change:
    """Form (or form again) balanced random groups; the old groups and their names go."""
    with store.transaction() as tx:
        workshop = lookups.workshop(tx, workshop_id, lock=True)
        if workshop.phase not in _FORMING_PHASES:
            raise WorkshopError("wrong_phase",
                                "Groepjes maken kan alleen tot en met de groepsfase.")
        numbers = deal_groups(tx, workshop, rng)
        version = tx.bump_version(workshop_id)
    return Change(workshop_id, version, {"groups": len(numbers)}, groups=numbers)


def move_member(store: Store, workshop_id: str, participant_id: object, group: object) -> Change:
    """Put a mentor in another (or a new) group, before or during the groups phase."""
    with store.transaction() as tx:
        lookups.workshop(tx, workshop_id, lock=True)
        person = tx.participant(participant_id) if isinstance(participant_id, str) else None
        if person is None or person.workshop_id != workshop_id:
            raise WorkshopError("not_found", "Deze mentor zit niet in de workshop.")
        groups = tx.groups(workshop_id)
        highest = max(groups, default=0)
        if isinstance(group, bool) or not isinstance(group, int) or not 1 <= group <= highest + 1:
            raise WorkshopError("invalid", "Kies groep 1 tot en met %(n)s.", n=highest + 1)
        before = tx.group_of(person.id)
        tx.set_group(workshop_id, person.id, group)
        version = tx.bump_version(workshop_id)
    touched = tuple(n for n in (before, group) if n is not None)
    return Change(workshop_id, version, {"group": group}, groups=touched)


def _own_group(tx: Tx, participant_id: str) -> tuple[Workshop, int]:
    """The mentor's workshop (locked) and group, during the groups phase."""
    person = lookups.participant(tx, participant_id)
    workshop = lookups.workshop(tx, person.workshop_id, lock=True)
    if workshop.phase != "groups":
        raise WorkshopError("wrong_phase", "Dit kan alleen in de fase Groepjes.")
    group = tx.group_of(person.id)
    if group is None:
        raise WorkshopError("no_group", "Je zit nog niet in een groepje.")
    return workshop, group


def mark_value(store: Store, participant_id: str, value_id: object, marked: object) -> Change:
    """A group member marks a value of their group as shared (or unmarks it)."""
    marked = check_flag(marked, "Gedeeld")
    with store.transaction() as tx:
        workshop, group = _own_group(tx, participant_id)
        value = tx.value(workshop.id, value_id) if isinstance(value_id, str) else None
        if value is None or tx.group_of(value.participant_id) != group:
            raise WorkshopError("not_found", "Deze waarde hoort niet bij jouw groepje.")
        if value.marked == marked:
            return Change(workshop.id, None)
        tx.mark_value(value.id, marked)
        version = tx.bump_version(workshop.id)
    return Change(workshop.id, version, themes=True, groups=(group,))


def name_group(store: Store, participant_id: str, name: object) -> Change:
    """A group names its common theme in its own words."""
    name = clean_text(name, "De naam van jullie thema", MAX_GROUP_NAME_CHARS)
    with store.transaction() as tx:
        workshop, group = _own_group(tx, participant_id)
        tx.name_group(workshop.id, group, name)
        version = tx.bump_version(workshop.id)
    return Change(workshop.id, version, {"name": name}, groups=(group,))
