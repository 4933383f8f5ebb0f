"""The team's values web: the facilitator's corrections and the mentors' 'dit herken ik'."""

from collections.abc import Callable

from ..errors import WorkshopError
from ..model import MAX_LABEL_CHARS, check_flag, clean_text
from ..phases import PHASES
from ..storage import Store
from ..themes import ThemeEngine
from . import lookups
from .changes import Change
from .learning import teach_correction
from .theme_cache import changing_engine, current_engine

MAX_SPLIT_VALUES = 200


def _theme_id(raw: object) -> str:
    if not isinstance(raw, str) or not raw:
        raise WorkshopError("invalid", "Kies een thema.")
    return raw


def _correct(store: Store, workshop_id: str, apply: Callable[[ThemeEngine], object],
             placed: Callable[[ThemeEngine], list[str]] = lambda _engine: [],
             learning: bool = False) -> Change:
    """Apply one correction under the workshop's lock and save it with the engine; the
    values it `placed` (read before it applies) teach later workshops where they belong."""
    with store.transaction() as tx:
        lookups.workshop(tx, workshop_id, lock=True)
        with changing_engine(tx, workshop_id) as engine:
            value_ids = placed(engine)
            result = apply(engine)
            teach_correction(tx, workshop_id, engine, value_ids, learning)
        version = tx.bump_version(workshop_id)
    return Change(workshop_id, version, result if isinstance(result, dict) else {}, themes=True)


def merge_themes(store: Store, workshop_id: str, theme_id: object, into_id: object,
                 learning: bool = False) -> Change:
    """Merge one theme into another; later values that fit either land in the merged one."""
    theme_id, into_id = _theme_id(theme_id), _theme_id(into_id)
    if theme_id == into_id:
        raise WorkshopError("invalid", "Kies twee verschillende thema's.")
    return _correct(store, workshop_id, lambda engine: engine.merge(theme_id, into_id),
                    lambda engine: engine.value_ids(theme_id), learning)


def move_value(store: Store, workshop_id: str, value_id: object, theme_id: object,
               learning: bool = False) -> Change:
    """Move one value to another theme, where it stays."""
    value_id, theme_id = _theme_id(value_id), _theme_id(theme_id)
    return _correct(store, workshop_id, lambda engine: engine.move(value_id, theme_id),
                    lambda _engine: [value_id], learning)


def rename_theme(store: Store, workshop_id: str, theme_id: object, label: object) -> Change:
    """Give a theme the team's own name, which new values do not change."""
    theme_id = _theme_id(theme_id)
    label = clean_text(label, "De naam van het thema", MAX_LABEL_CHARS)
    return _correct(store, workshop_id, lambda engine: engine.rename(theme_id, label))


def split_theme(store: Store, workshop_id: str, value_ids: object, label: object,
                learning: bool = False) -> Change:
    """Split values off into a new theme of their own (under a label it teaches)."""
    if (not isinstance(value_ids, list) or not value_ids or len(value_ids) > MAX_SPLIT_VALUES
            or not all(isinstance(v, str) for v in value_ids)):
        raise WorkshopError("invalid", "Kies de waarden die een eigen thema worden.")
    label = clean_text(label, "De naam van het thema", MAX_LABEL_CHARS, required=False) or None
    return _correct(store, workshop_id,
                    lambda engine: {"theme_id": engine.split(value_ids, label)},
                    lambda _engine: value_ids, learning)


def hide_theme(store: Store, workshop_id: str, theme_id: object, hidden: object) -> Change:
    """Hide a theme from the projector and phones (or show it again)."""
    theme_id, hidden = _theme_id(theme_id), check_flag(hidden, "Verborgen")
    return _correct(store, workshop_id, lambda engine: engine.hide(theme_id, hidden))


def recognise_theme(store: Store, participant_id: str, theme_id: object) -> Change:
    """A mentor says 'dit herken ik' of a theme; counted once per mentor."""
    theme_id = _theme_id(theme_id)
    with store.transaction() as tx:
        person = lookups.participant(tx, participant_id)
        workshop = lookups.workshop(tx, person.workshop_id, lock=True)
        if PHASES.index(workshop.phase) < PHASES.index("themes"):
            raise WorkshopError("wrong_phase", "De thema's zijn nog niet zichtbaar.")
        _revision, engine = current_engine(tx, workshop.id)
        if not any(t["id"] == theme_id and not t["hidden"] for t in engine.themes()):
            raise WorkshopError("not_found", "Dit thema bestaat niet (meer).")
        if not tx.recognise(workshop.id, theme_id, person.id):
            return Change(workshop.id, None)
        version = tx.bump_version(workshop.id)
    return Change(workshop.id, version, themes=True)
