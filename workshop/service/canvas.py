"""The design canvas: target-group canvases, periods, the basis, and learning goals."""

from collections.abc import Callable

from .. import canvas, codes
from ..canvas import MAX_GOALS_PER_MENTOR, MAX_VISIONS_PER_CANVAS
from ..errors import WorkshopError
from ..model import Canvas, Goal, Period, Vision, check_client_id, check_flag, clean_text
from ..storage import Store, Tx
from . import lookups
from .changes import Change
from .theme_cache import current_engine

MAX_MERGED_GOALS = 10


def default_periods(tx: Tx, workshop_id: str) -> None:
    """A new workshop plans the year in four periods, which the facilitator may change."""
    for position, name in enumerate(canvas.DEFAULT_PERIODS):
        tx.add_period(workshop_id, Period(id=codes.new_id(), name=name, position=position))


def _open_workshop(tx: Tx, workshop_id: str):
    workshop = lookups.workshop(tx, workshop_id, lock=True)
    if workshop.phase == "closed":
        raise WorkshopError("wrong_phase", "De workshop is afgesloten.")
    return workshop


def _change(store: Store, workshop_id: str, apply: Callable[[Tx], dict | None]) -> Change:
    """Run one canvas edit under the workshop's lock and count it as a change."""
    with store.transaction() as tx:
        _open_workshop(tx, workshop_id)
        result = apply(tx) or {}
        version = tx.bump_version(workshop_id)
    return Change(workshop_id, version, result, canvas=True)


def _canvas_of(tx: Tx, workshop_id: str, canvas_id: object) -> Canvas:
    found = next((c for c in tx.canvases(workshop_id) if c.id == canvas_id), None)
    if found is None:
        raise WorkshopError("not_found", "Dit canvas bestaat niet (meer).")
    return found


def _goal_of(tx: Tx, workshop_id: str, goal_id: object) -> Goal:
    found = tx.goal(workshop_id, goal_id) if isinstance(goal_id, str) else None
    if found is None:
        raise WorkshopError("not_found", "Dit leerdoel bestaat niet (meer).")
    return found


def _theme_labels(tx: Tx, workshop_id: str) -> set[str]:
    """The labels of the themes in the values web that the room can see."""
    return {t["label"] for t in current_engine(tx, workshop_id)[1].themes() if not t["hidden"]}


def add_canvas(store: Store, workshop_id: str, client_id: object, name: object) -> Change:
    """The facilitator adds a canvas for a target group; the same client id adds nothing."""
    client_id = check_client_id(client_id)
    name = canvas.check_name(name, "De doelgroep")
    with store.transaction() as tx:
        _open_workshop(tx, workshop_id)
        earlier = tx.canvas_by_client_id(workshop_id, client_id)
        if earlier:
            return Change(workshop_id, None, {"canvas_id": earlier.id})
        if len(tx.canvases(workshop_id)) >= canvas.MAX_CANVASES:
            raise WorkshopError("limit_reached", "Er zijn al %(n)s canvassen.",
                                n=canvas.MAX_CANVASES)
        new = Canvas(id=codes.new_id(), client_id=client_id, name=name)
        tx.add_canvas(workshop_id, new)
        version = tx.bump_version(workshop_id)
    return Change(workshop_id, version, {"canvas_id": new.id}, canvas=True)


def show_canvas(store: Store, workshop_id: str, canvas_id: object) -> Change:
    """The facilitator puts one canvas on the projector."""
    return _change(store, workshop_id, lambda tx: tx.update_workshop(
        workshop_id, shown_canvas=_canvas_of(tx, workshop_id, canvas_id).id))


def set_doelgroep(store: Store, workshop_id: str, canvas_id: object, text: object) -> Change:
    """The facilitator writes who the students of a canvas are and what they need."""
    text = clean_text(text, "De doelgroep", canvas.MAX_DOELGROEP_CHARS, required=False)
    return _change(store, workshop_id, lambda tx: tx.update_canvas(
        _canvas_of(tx, workshop_id, canvas_id).id, doelgroep=text))


def add_period(store: Store, workshop_id: str, name: object) -> Change:
    """Add a period at the end of the school year's list."""
    name = canvas.check_name(name, "De periode")

    def apply(tx: Tx) -> dict:
        existing = tx.periods(workshop_id)
        if len(existing) >= canvas.MAX_PERIODS:
            raise WorkshopError("limit_reached", "Hoogstens %(n)s perioden.",
                                n=canvas.MAX_PERIODS)
        period = Period(id=codes.new_id(), name=name,
                        position=max((p.position for p in existing), default=-1) + 1)
        tx.add_period(workshop_id, period)
        return {"period_id": period.id}

    return _change(store, workshop_id, apply)


def _period_of(tx: Tx, workshop_id: str, period_id: object) -> Period:
    found = next((p for p in tx.periods(workshop_id) if p.id == period_id), None)
    if found is None:
        raise WorkshopError("not_found", "Deze periode bestaat niet (meer).")
    return found


def rename_period(store: Store, workshop_id: str, period_id: object, name: object) -> Change:
    """Rename a period ('Periode 1' → 'September–oktober')."""
    name = canvas.check_name(name, "De periode")
    return _change(store, workshop_id, lambda tx: tx.rename_period(
        _period_of(tx, workshop_id, period_id).id, name))


def remove_period(store: Store, workshop_id: str, period_id: object) -> Change:
    """Remove an empty period; a period with goals must be emptied first, so nothing is lost."""
    def apply(tx: Tx) -> None:
        period = _period_of(tx, workshop_id, period_id)
        if tx.goals_in_period(period.id):
            raise WorkshopError("in_use", "Er staan nog leerdoelen in deze periode. "
                                          "Verplaats ze eerst.")
        if len(tx.periods(workshop_id)) == 1:
            raise WorkshopError("in_use", "Er moet minstens één periode blijven.")
        tx.remove_period(period.id)

    return _change(store, workshop_id, apply)


def add_vision(store: Store, workshop_id: str, participant_id: str | None, canvas_id: object,
               client_id: object, text: object) -> Change:
    """A short vision statement on a canvas's basis, by a mentor or the facilitator."""
    client_id = check_client_id(client_id)
    text = clean_text(text, "De visie", canvas.MAX_VISION_CHARS)
    with store.transaction() as tx:
        workshop = _open_workshop(tx, workshop_id)
        target = _canvas_of(tx, workshop_id, canvas_id)
        earlier = tx.vision_by_client_id(target.id, client_id)
        if earlier:
            return Change(workshop_id, None, {"vision_id": earlier.id})
        if participant_id and workshop.phase != "canvas":
            raise WorkshopError("wrong_phase", "Dit kan alleen in de fase Canvas.")
        if sum(v.canvas_id == target.id for v in tx.visions(workshop_id)) \
                >= MAX_VISIONS_PER_CANVAS:
            raise WorkshopError("limit_reached", "Dit canvas heeft genoeg visie-uitspraken.")
        vision = Vision(id=codes.new_id(), canvas_id=target.id, participant_id=participant_id,
                        client_id=client_id, text=text)
        tx.add_vision(vision)
        version = tx.bump_version(workshop_id)
    return Change(workshop_id, version, {"vision_id": vision.id}, canvas=True)


def keep_vision(store: Store, workshop_id: str, vision_id: object, kept: object) -> Change:
    """The facilitator keeps or drops a vision statement."""
    kept = check_flag(kept, "Bewaren")

    def apply(tx: Tx) -> None:
        known = {v.id for v in tx.visions(workshop_id)}
        if not isinstance(vision_id, str) or vision_id not in known:
            raise WorkshopError("not_found", "Deze uitspraak bestaat niet (meer).")
        tx.keep_vision(vision_id, kept)

    return _change(store, workshop_id, apply)


def add_goal(store: Store, workshop_id: str, participant_id: str | None, data: dict) -> Change:
    """A learning goal into a domain × period cell; the answer carries the writing aid's hints."""
    client_id = check_client_id(data.get("id"))
    text = canvas.check_goal_text(data.get("text"))
    domain = canvas.check_domain(data.get("domain"))
    theme = clean_text(data.get("theme"), "Het thema", canvas.MAX_NAME_CHARS, required=False)
    with store.transaction() as tx:
        workshop = _open_workshop(tx, workshop_id)
        target = _canvas_of(tx, workshop_id, data.get("canvas_id"))
        earlier = tx.goal_by_client_id(target.id, client_id)
        if earlier:
            return Change(workshop_id, None, {"goal_id": earlier.id,
                                              "hints": canvas.goal_hints(earlier.text)})
        period = canvas.check_period(data.get("period"), [p.id for p in tx.periods(workshop_id)])
        if theme and theme not in _theme_labels(tx, workshop_id):
            raise WorkshopError("invalid", "Kies een thema uit het waardenweb, of geen.")
        if participant_id:
            if workshop.phase != "canvas":
                raise WorkshopError("wrong_phase", "Leerdoelen toevoegen kan in de fase Canvas.")
            if tx.count_goals_by(participant_id) >= MAX_GOALS_PER_MENTOR:
                raise WorkshopError("limit_reached", "Je hebt al %(n)s leerdoelen toegevoegd.",
                                    n=MAX_GOALS_PER_MENTOR)
        goal = Goal(id=codes.new_id(), canvas_id=target.id, participant_id=participant_id,
                    client_id=client_id, text=text, domain=domain, period_id=period, theme=theme)
        tx.add_goal(workshop_id, goal)
        version = tx.bump_version(workshop_id)
    return Change(workshop_id, version, {"goal_id": goal.id, "hints": canvas.goal_hints(text)},
                  canvas=True)


def move_goal(store: Store, workshop_id: str, goal_id: object, domain: object,
              period: object) -> Change:
    """The facilitator drags a goal to another cell."""
    domain = canvas.check_domain(domain)

    def apply(tx: Tx) -> None:
        goal = _goal_of(tx, workshop_id, goal_id)
        tx.update_goal(goal.id, domain=domain, period_id=canvas.check_period(
            period, [p.id for p in tx.periods(workshop_id)]))

    return _change(store, workshop_id, apply)


def edit_goal(store: Store, workshop_id: str, goal_id: object, text: object) -> Change:
    """The facilitator rewords a goal."""
    text = canvas.check_goal_text(text)
    return _change(store, workshop_id, lambda tx: tx.update_goal(
        _goal_of(tx, workshop_id, goal_id).id, text=text))


def delete_goal(store: Store, workshop_id: str, goal_id: object) -> Change:
    """The facilitator removes a goal from the canvas."""
    return _change(store, workshop_id, lambda tx: tx.update_goal(
        _goal_of(tx, workshop_id, goal_id).id, removed=True))


def mark_lesson(store: Store, workshop_id: str, goal_id: object, lesson: object) -> Change:
    """The facilitator marks a goal as a mentor lesson of its period (or unmarks it)."""
    lesson = check_flag(lesson, "Mentorles")
    return _change(store, workshop_id, lambda tx: tx.update_goal(
        _goal_of(tx, workshop_id, goal_id).id, lesson=lesson))


def merge_goals(store: Store, workshop_id: str, goal_ids: object, text: object) -> Change:
    """The facilitator merges goals into one new goal in the first goal's cell; likes carry over."""
    if (not isinstance(goal_ids, list) or not all(isinstance(g, str) for g in goal_ids)
            or not 2 <= len(set(goal_ids)) <= MAX_MERGED_GOALS):
        raise WorkshopError("invalid", "Kies twee of meer leerdoelen om samen te voegen.")
    text = canvas.check_goal_text(text)

    def apply(tx: Tx) -> dict:
        old = [_goal_of(tx, workshop_id, g) for g in dict.fromkeys(goal_ids)]
        first = old[0]
        merged = Goal(id=codes.new_id(), canvas_id=first.canvas_id, participant_id=None,
                      client_id=codes.new_id(), text=text, domain=first.domain,
                      period_id=first.period_id, theme=first.theme,
                      lesson=any(g.lesson for g in old))
        tx.add_goal(workshop_id, merged)
        for liker in tx.likers([g.id for g in old]):
            tx.like_goal(workshop_id, merged.id, liker)
        for goal in old:
            tx.update_goal(goal.id, removed=True)
        return {"goal_id": merged.id}

    return _change(store, workshop_id, apply)


def like_goal(store: Store, participant_id: str, goal_id: object) -> Change:
    """A mentor likes a goal, once."""
    with store.transaction() as tx:
        person = lookups.participant(tx, participant_id)
        _open_workshop(tx, person.workshop_id)
        goal = _goal_of(tx, person.workshop_id, goal_id)
        if not tx.like_goal(person.workshop_id, goal.id, person.id):
            return Change(person.workshop_id, None)
        version = tx.bump_version(person.workshop_id)
    return Change(person.workshop_id, version, canvas=True)
