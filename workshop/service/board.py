"""The mission board: drafts, dot voting, the facilitator's edits and the adopted mission."""

from .. import board, codes
from ..board import MAX_COMBINED, MAX_DRAFTS_PER_MENTOR
from ..errors import WorkshopError
from ..model import Draft, check_choice, check_client_id, check_flag
from ..storage import Store, Tx
from . import lookups
from .changes import Change

_ADOPT_PHASES = ("mission", "canvas", "closed")


def _in_mission_phase(tx: Tx, workshop_id: str):
    workshop = lookups.workshop(tx, workshop_id, lock=True)
    if workshop.phase != "mission":
        raise WorkshopError("wrong_phase", "Dit kan alleen in de fase Missie.")
    return workshop


def add_draft(store: Store, participant_id: str, client_id: object, text: object,
              as_group: object) -> Change:
    """Post a draft mission sentence (for oneself or one's group); the same id adds nothing."""
    client_id = check_client_id(client_id)
    text = board.check_draft_text(text)
    as_group = check_flag(as_group, "Namens de groep")
    with store.transaction() as tx:
        person = lookups.participant(tx, participant_id)
        earlier = tx.draft_by_client_id(person.id, client_id)
        if earlier:
            return Change(person.workshop_id, None, {"draft_id": earlier.id,
                                                     "hints": board.readability(earlier.text)})
        _in_mission_phase(tx, person.workshop_id)
        if tx.count_drafts_by(person.id) >= MAX_DRAFTS_PER_MENTOR:
            raise WorkshopError("limit_reached", "Je hebt al %(n)s zinnen geplaatst.",
                                n=MAX_DRAFTS_PER_MENTOR)
        group = tx.group_of(person.id) if as_group else None
        draft = Draft(id=codes.new_id(), participant_id=person.id, client_id=client_id,
                      text=text, group_number=group)
        tx.add_draft(person.workshop_id, draft)
        version = tx.bump_version(person.workshop_id)
    return Change(person.workshop_id, version,
                  {"draft_id": draft.id, "hints": board.readability(text)}, board=True)


def set_voting(store: Store, workshop_id: str, open_: object, votes_per_person: object,
               hide_counts: object) -> Change:
    """Open or close dot voting, with the number of dots and whether counts stay hidden."""
    open_ = check_flag(open_, "Open")
    with store.transaction() as tx:
        workshop = lookups.workshop(tx, workshop_id, lock=True)
        if open_ and workshop.phase != "mission":
            raise WorkshopError("wrong_phase", "Stemmen kan alleen in de fase Missie.")
        dots = check_choice(votes_per_person, "Stemmen per mentor", board.VOTES_PER_PERSON,
                            workshop.votes_per_person)
        hidden = workshop.hide_counts if hide_counts is None \
            else check_flag(hide_counts, "Tellingen verbergen")
        tx.update_workshop(workshop_id, voting_open=open_, votes_per_person=dots,
                           hide_counts=hidden)
        version = tx.bump_version(workshop_id)
    return Change(workshop_id, version, {"open": open_, "votes_per_person": dots,
                                         "hide_counts": hidden}, board=True)


def _vote(store: Store, participant_id: str, draft_id: object, step: int) -> Change:
    with store.transaction() as tx:
        person = lookups.participant(tx, participant_id)
        workshop = lookups.workshop(tx, person.workshop_id, lock=True)
        draft = tx.draft(workshop.id, draft_id) if isinstance(draft_id, str) else None
        if draft is None:
            raise WorkshopError("not_found", "Deze zin staat niet (meer) op het bord.")
        if workshop.phase != "mission":
            raise WorkshopError("voting_closed", "Stemmen kan alleen in de fase Missie.")
        mine = tx.votes_of(workshop.id, person.id)
        used = sum(mine.values())
        if step > 0:
            board.check_vote(workshop.voting_open, workshop.votes_per_person, used)
        else:
            board.check_retract(workshop.voting_open, mine.get(draft.id, 0))
        tx.set_vote(workshop.id, person.id, draft.id, mine.get(draft.id, 0) + step)
        version = tx.bump_version(workshop.id)
    left = board.votes_left(workshop.votes_per_person, used + step)
    return Change(workshop.id, version, {"votes_left": left}, board=True)


def cast_vote(store: Store, participant_id: str, draft_id: object) -> Change:
    """Put one of the mentor's dots on a draft (several on one draft is fine)."""
    return _vote(store, participant_id, draft_id, +1)


def retract_vote(store: Store, participant_id: str, draft_id: object) -> Change:
    """Take one dot back from a draft, while voting is open."""
    return _vote(store, participant_id, draft_id, -1)


def edit_draft(store: Store, workshop_id: str, draft_id: object, text: object) -> Change:
    """The facilitator rewords a draft."""
    text = board.check_draft_text(text)
    with store.transaction() as tx:
        lookups.workshop(tx, workshop_id, lock=True)
        draft = tx.draft(workshop_id, draft_id) if isinstance(draft_id, str) else None
        if draft is None:
            raise WorkshopError("not_found", "Deze zin staat niet (meer) op het bord.")
        tx.edit_draft(draft.id, text)
        version = tx.bump_version(workshop_id)
    return Change(workshop_id, version, {"draft_id": draft.id}, board=True)


def combine_drafts(store: Store, workshop_id: str, draft_ids: object, text: object) -> Change:
    """The facilitator combines drafts into a new one; the old ones stay, with their votes,
    as history, and mentors get the dots they had on them back."""
    if (not isinstance(draft_ids, list) or not all(isinstance(d, str) for d in draft_ids)
            or not 2 <= len(set(draft_ids)) <= MAX_COMBINED):
        raise WorkshopError("invalid", "Kies twee of meer zinnen om samen te voegen.")
    text = board.check_draft_text(text)
    with store.transaction() as tx:
        lookups.workshop(tx, workshop_id, lock=True)
        if any(tx.draft(workshop_id, d) is None for d in draft_ids):
            raise WorkshopError("not_found", "Een van deze zinnen staat niet (meer) op het bord.")
        combined = Draft(id=codes.new_id(), participant_id=None, client_id=codes.new_id(),
                         text=text)
        tx.add_draft(workshop_id, combined)
        tx.merge_drafts(list(set(draft_ids)), combined.id)
        version = tx.bump_version(workshop_id)
    return Change(workshop_id, version, {"draft_id": combined.id}, board=True)


def adopt_mission(store: Store, workshop_id: str, text: object) -> Change:
    """The facilitator adopts the team's mission: one or two sentences, on every screen."""
    text = board.check_mission_text(text)
    with store.transaction() as tx:
        workshop = lookups.workshop(tx, workshop_id, lock=True)
        if workshop.phase not in _ADOPT_PHASES:
            raise WorkshopError("wrong_phase", "De missie vaststellen kan vanaf de fase Missie.")
        tx.update_workshop(workshop_id, mission=text, voting_open=False)
        version = tx.bump_version(workshop_id)
    return Change(workshop_id, version, {"mission": text}, board=True)
