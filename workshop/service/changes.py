"""What a use case hands back to the transport: enough to acknowledge and to broadcast."""

from dataclasses import dataclass, field

from ..model import Participant, Workshop


@dataclass(frozen=True)
class Created:
    """A new workshop and the facilitator's only key to it."""

    workshop: Workshop
    facilitator_token: str


@dataclass(frozen=True)
class Joined:
    """A mentor in a workshop; `token` brings the same mentor back after a reload."""

    workshop: Workshop
    participant: Participant
    token: str
    version: int | None = None  # set when the join added someone new
    group: int | None = None  # the group a latecomer was put in


@dataclass(frozen=True)
class Change:
    """What a write changed, for the broadcast that follows it.

    `version` is None when nothing changed (a replay), so nothing needs broadcasting.
    `themes`, `board` and `canvas` say which shared picture changed; `groups` lists the
    group numbers whose members need a fresh view of their group.
    """

    workshop_id: str
    version: int | None
    result: dict = field(default_factory=dict)
    themes: bool = False
    groups: tuple[int, ...] = ()
    board: bool = False
    canvas: bool = False
