"""The workshop's records and the rules for what people may type into them."""

import json
import re
import unicodedata
from dataclasses import dataclass

from .errors import WorkshopError

MIN_VALUES = 3
MAX_VALUE_CHARS = 60
MAX_WHY_CHARS = 200
MAX_NAME_CHARS = 40
MAX_TITLE_CHARS = 100
MAX_LABEL_CHARS = 60  # a theme's name
GROUP_SIZES = range(2, 9)
VALUES_PER_PERSON = range(MIN_VALUES, 6)

# control characters, zero-width characters and bidi overrides make text lie about itself;
# lone surrogates are not text at all (no database or XML file, so no Word export, takes them)
_INVISIBLE = {"Cc", "Cf", "Cs"}


@dataclass(frozen=True)
class Workshop:
    """One session of one mentor team."""

    id: str
    code: str
    title: str
    team: str
    values_per_person: int
    anonymous: bool
    group_size: int
    phase: str
    version: int
    presenter_key: str
    submissions_open: bool = True
    timer_ends_at: float | None = None  # unix seconds
    mission: str = ""
    voting_open: bool = False
    votes_per_person: int = 3
    hide_counts: bool = False
    locked: bool = False
    shown_canvas: str = ""  # the canvas the facilitator puts on the projector


@dataclass(frozen=True)
class Participant:
    """A mentor on a phone; `number` gives anonymous mentors a stable label."""

    id: str
    workshop_id: str
    name: str
    number: int

    def display_name(self, anonymous: bool) -> str:
        """What other screens show: the name, or 'Mentor 3' in an anonymous workshop."""
        return f"Mentor {self.number}" if anonymous or not self.name else self.name


@dataclass(frozen=True)
class Value:
    """A core value one mentor named, with the client's id that makes retries harmless."""

    id: str
    participant_id: str
    client_id: str
    text: str
    why: str
    marked: bool = False  # the mentor's small group marked it as shared


def clean_text(raw: object, field: str, max_chars: int, required: bool = True) -> str:
    """Trim, fold invisible characters and whitespace, and enforce the length of a text field."""
    if raw is None:
        raw = ""
    if not isinstance(raw, str):
        raise WorkshopError("invalid", "%(field)s moet tekst zijn.", field=field)
    text = unicodedata.normalize("NFC", raw)
    if not text.isprintable():  # printable text holds no Cc, Cf, Cs or noncharacter
        text = "".join(" " if _is_invisible(ch) else ch for ch in text)
    text = re.sub(r"\s+", " ", text).strip()
    if required and not text:
        raise WorkshopError("empty", "%(field)s is leeg.", field=field)
    if len(text) > max_chars:
        raise WorkshopError("too_long", "%(field)s is te lang (hoogstens %(max)s tekens).",
                            field=field, max=max_chars)
    return text


def _is_invisible(ch: str) -> bool:
    """Invisible or no character at all: the 66 noncharacters (U+FFFE…) break XML too."""
    point = ord(ch)
    return (unicodedata.category(ch) in _INVISIBLE or 0xFDD0 <= point <= 0xFDEF
            or point & 0xFFFE == 0xFFFE)


def has_lone_surrogate(data: object) -> bool:
    """Whether a string anywhere in parsed JSON (keys too) holds half of a UTF-16 pair.

    JSON may spell one as an escape (\\ud800); no database driver can store it, so the
    transports refuse such a message at the door. Encoding finds one at C speed; binary
    attachments of a Socket.IO message (bytes) hold no text and count as null.
    """
    try:
        json.dumps(data, ensure_ascii=False, check_circular=False,
                   default=lambda _binary: None).encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def check_choice(raw: object, field: str, allowed: range, default: int) -> int:
    """A whole number from `allowed`; booleans and strings are refused, not coerced."""
    if raw is None:
        return default
    if isinstance(raw, bool) or not isinstance(raw, int) or raw not in allowed:
        raise WorkshopError("invalid", "%(field)s moet een getal van %(low)s tot %(high)s zijn.",
                            field=field, low=allowed.start, high=allowed.stop - 1)
    return raw


def check_flag(raw: object, field: str) -> bool:
    """A true/false setting; absent means false."""
    if raw is None:
        return False
    if not isinstance(raw, bool):
        raise WorkshopError("invalid", "%(field)s moet waar of onwaar zijn.", field=field)
    return raw


def check_client_id(raw: object) -> str:
    """Client-generated ids (uuids) make writes idempotent; accept only sane ones."""
    if not isinstance(raw, str) or not re.fullmatch(r"[A-Za-z0-9\-_]{8,64}", raw):
        raise WorkshopError("invalid", "Ongeldig id van de telefoon.")
    return raw


def check_join_id(raw: object) -> str | None:
    """A phone's join id (docs/API.md) is a credential: long enough to be unguessable
    (a uuid, or at least 22 url-safe characters: 132 bits); None when the phone sent none."""
    if raw is None:
        return None
    if not isinstance(raw, str) or not re.fullmatch(r"[A-Za-z0-9\-_]{22,64}", raw):
        raise WorkshopError("invalid", "Ongeldig id van de telefoon.")
    return raw


@dataclass(frozen=True)
class Draft:
    """A draft mission sentence on the shared board."""

    id: str
    participant_id: str | None
    client_id: str
    text: str
    group_number: int | None = None
    merged_into: str | None = None


@dataclass(frozen=True)
class Period:
    """A period of the school year on the canvas (renamable, ordered)."""

    id: str
    name: str
    position: int


@dataclass(frozen=True)
class Canvas:
    """The design canvas of one target group, e.g. 'leerjaar 1 havo/vwo'."""

    id: str
    client_id: str
    name: str
    doelgroep: str = ""


@dataclass(frozen=True)
class Vision:
    """A short statement of the team's vision on guidance; the facilitator keeps or drops it."""

    id: str
    canvas_id: str
    participant_id: str | None
    client_id: str
    text: str
    kept: bool = True


@dataclass(frozen=True)
class Goal:
    """A learning goal in one domain × period cell of a canvas."""

    id: str
    canvas_id: str
    participant_id: str | None
    client_id: str
    text: str
    domain: str
    period_id: str
    theme: str = ""
    lesson: bool = False
