"""The order of a workshop's phases and what each phase allows."""

from .errors import WorkshopError

PHASES = ("lobby", "reflect", "groups", "themes", "mission", "canvas", "closed")

# latecomers may still add values while the team looks at the groups and the themes
_VALUE_PHASES = frozenset({"reflect", "groups", "themes"})


def check_phase(phase: object) -> str:
    """Return `phase` when it is one of PHASES, else refuse it."""
    if not isinstance(phase, str) or phase not in PHASES:
        raise WorkshopError("invalid", "Onbekende fase.")
    return phase


def can_add_value(phase: str) -> bool:
    """Values are written during reflection and may still arrive while themes form."""
    return phase in _VALUE_PHASES


def next_phase(phase: str) -> str | None:
    """The phase after `phase`, or None after the last one."""
    index = PHASES.index(phase)
    return PHASES[index + 1] if index + 1 < len(PHASES) else None
