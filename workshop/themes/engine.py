"""The live values web of one workshop: values arrive one by one, the facilitator corrects.

Stability by construction: an arrival is placed next to what is already there and never
moves a placed value, so the projector never reshuffles. Only the facilitator moves values;
routes (lexicon theme -> theme id) and the values' own forms carry those corrections over to
later arrivals, and both are in the saved state.

Earlier workshops teach through `add(..., learned=label)`: the caller looks up what the
server learned for the value's form and passes it in, so replaying the same calls always
rebuilds the same web, even after the teaching workshop is gone.
"""

from collections import Counter
from dataclasses import dataclass, field

from ..errors import WorkshopError
from .lexicon import load_lexicon
from .normalise import check_language, readable
from .reading import Reading, read
from .similarity import NeighbourIndex, look_alike_theme

STATE_VERSION = 1


@dataclass
class _Value:
    text: str
    participant: str
    theme: str
    reading: Reading
    learned: bool = False  # placed by what an earlier workshop taught, not moved since


@dataclass
class _Theme:
    label: str
    hidden: bool = False
    values: list[str] = field(default_factory=list)
    view: dict | None = field(default=None, repr=False, compare=False)  # themes()' entry, kept


class ThemeEngine:
    """Themes of one workshop, kept stable under live arrival and facilitator corrections."""

    def __init__(self, language: str = "nl"):
        check_language(language)
        self.language = language
        self._next_id = 1
        self._values: dict[str, _Value] = {}
        self._themes: dict[str, _Theme] = {}
        self._routes: dict[str, str] = {}  # lexicon theme key -> theme id
        self._retired: dict[str, str] = {}  # emptied theme id still routed to -> its label
        # derived from the values, rebuilt on restore
        self._form_themes: dict[str, Counter] = {}
        self._neighbours = NeighbourIndex(language)

    # ---- arrivals -------------------------------------------------------------------------

    def add(self, value_id: str, text: str, participant_id: str,
            learned: str | None = None) -> str:
        """Place a new value in a theme and return the theme id; a known id changes nothing.

        `learned` is the theme label earlier workshops taught for this value's form: it
        wins over the lexicon, but a form already placed in this workshop (where this
        facilitator's corrections live) follows its own earlier placement.
        """
        if value_id in self._values:
            return self._values[value_id].theme
        reading = read(text, self.language)
        if learned and not self._form_themes.get(reading.form):
            theme_id, by_learning = self._learned_theme(_valid_label(learned)), True
        else:
            theme_id, by_learning = self._place(reading, text), False
        self._attach(value_id, _Value(text, participant_id, theme_id, reading, by_learning))
        return theme_id

    def remove(self, value_id: str) -> None:
        """Take a value out; a theme left empty disappears."""
        value = self._values.pop(value_id, None)
        if value is not None:
            self._detach(value_id, value)

    def _place(self, reading: Reading, text: str) -> str:
        """Same form as a placed value, then lexicon theme, then nearest look-alike, else new."""
        if self._form_themes.get(reading.form):
            return _majority(self._form_themes[reading.form])
        key = self._lexicon_key(reading)
        if key:
            return self._route(key)
        for form in self._neighbours.similar(reading.content):
            if self._form_themes.get(form):
                return _majority(self._form_themes[form])
        return self._new_theme(readable(reading.form) or text.strip() or "…")

    def _learned_theme(self, label: str) -> str:
        """The theme a taught label names: the lexicon theme of that name, else a theme of
        this workshop with that label, else a new one."""
        key = load_lexicon(self.language).key_of_label(label)
        if key:
            return self._route(key)
        wanted = label.casefold()
        for theme_id, theme in self._themes.items():
            if theme.label.casefold() == wanted:
                return theme_id
        return self._new_theme(label)

    def _lexicon_key(self, reading: Reading) -> str | None:
        if reading.theme or not reading.form:
            return reading.theme
        return look_alike_theme(reading.content, self.language)

    def _route(self, key: str) -> str:
        """The theme a lexicon key lives in; an emptied one comes back under a fresh id."""
        theme_id = self._routes.get(key)
        if theme_id in self._themes:
            return theme_id
        label = self._retired.pop(theme_id, None) or load_lexicon(self.language).labels[key]
        revived = self._new_theme(label)
        # keys merged into the emptied theme stay together in the revived one
        for other, target in self._routes.items():
            if target == theme_id:
                self._routes[other] = revived
        self._routes[key] = revived
        return revived

    def _new_theme(self, label: str) -> str:
        theme_id = f"t{self._next_id}"
        self._next_id += 1
        self._themes[theme_id] = _Theme(label)
        return theme_id

    def _attach(self, value_id: str, value: _Value) -> None:
        self._values[value_id] = value
        theme = self._themes[value.theme]
        theme.values.append(value_id)
        theme.view = None
        self._form_themes.setdefault(value.reading.form, Counter())[value.theme] += 1
        if value.reading.form and not self._lexicon_key(value.reading):
            self._neighbours.add(value.reading.form, value.reading.content)

    def _detach(self, value_id: str, value: _Value) -> None:
        theme = self._themes[value.theme]
        theme.values.remove(value_id)
        theme.view = None
        counts = self._form_themes[value.reading.form]
        counts[value.theme] -= 1
        if not counts[value.theme]:
            del counts[value.theme]
        if not theme.values:
            del self._themes[value.theme]
            if value.theme in self._routes.values():
                self._retired[value.theme] = theme.label

    # ---- facilitator corrections ------------------------------------------------------------

    def merge(self, theme_id: str, into_theme_id: str) -> None:
        """Put all values of one theme into another; later arrivals for either go there too."""
        self._theme(theme_id)
        self._theme(into_theme_id)
        if theme_id == into_theme_id:
            return
        for key, target in self._routes.items():
            if target == theme_id:
                self._routes[key] = into_theme_id
        for value_id in list(self._themes[theme_id].values):
            self._relocate(value_id, into_theme_id)

    def move(self, value_id: str, theme_id: str) -> None:
        """Move one value; it stays there, and later values with its form follow the majority."""
        self._value(value_id)
        self._theme(theme_id)
        self._relocate(value_id, theme_id)

    def rename(self, theme_id: str, label: str) -> None:
        """Give a theme the facilitator's name; arrivals never change it."""
        theme = self._theme(theme_id)
        theme.label, theme.view = _valid_label(label), None

    def split(self, value_ids: list[str], label: str | None = None) -> str:
        """Move the given values into a new theme and return its id."""
        if not value_ids:
            raise WorkshopError("invalid", "Kies minstens één waarde om af te splitsen.")
        values = [self._value(value_id) for value_id in value_ids]
        if label is None:
            forms = Counter(value.reading.form for value in values)
            label = readable(forms.most_common(1)[0][0]) or values[0].text.strip()
        theme_id = self._new_theme(_valid_label(label))
        for value_id in value_ids:
            self._relocate(value_id, theme_id)
        return theme_id

    def hide(self, theme_id: str, hidden: bool = True) -> None:
        """Hide a theme from the web (or show it again); its values stay in it."""
        theme = self._theme(theme_id)
        theme.hidden, theme.view = hidden, None

    def _relocate(self, value_id: str, theme_id: str) -> None:
        value = self._values[value_id]
        if value.theme == theme_id:
            return
        self._detach(value_id, value)
        value.theme = theme_id
        value.learned = False  # the facilitator placed it now
        self._attach(value_id, value)

    def _theme(self, theme_id: str) -> _Theme:
        if theme_id not in self._themes:
            raise WorkshopError("not_found", "Dit thema bestaat niet (meer).")
        return self._themes[theme_id]

    def _value(self, value_id: str) -> _Value:
        if value_id not in self._values:
            raise WorkshopError("not_found", "Deze waarde bestaat niet (meer).")
        return self._values[value_id]

    # ---- reading the web ------------------------------------------------------------------------

    def themes(self) -> list[dict]:
        """The web for the projector: most-named themes first, then by label.

        A theme's entry is built again only after the theme changed, and is the same object
        until then, so callers may keep what they derive from it: read it, never change it.
        Rebuilding every theme of 5,000 values for each snapshot was most of a broadcast.
        """
        web = []
        for theme_id, theme in self._themes.items():
            if theme.view is None:
                participants = len({self._values[v].participant for v in theme.values})
                theme.view = {
                    "id": theme_id, "label": theme.label, "participants": participants,
                    "shared": participants >= 2, "hidden": theme.hidden,
                    "values": [self._value_view(v) for v in theme.values],
                }
            web.append(theme.view)
        return sorted(web, key=lambda t: (-t["participants"], t["label"].casefold(), t["id"]))

    def value_ids(self, theme_id: str) -> list[str]:
        """The values in a theme, in the order they arrived there."""
        return list(self._theme(theme_id).values)

    def form_of(self, value_id: str) -> str:
        """The normalised form of a placed value: what a correction of it teaches about."""
        return self._value(value_id).reading.form

    def taught_label(self, theme_id: str) -> str:
        """What a placement in this theme teaches later workshops: a lexicon theme's canonical
        name (even when renamed here, so it finds that theme again), else the theme's label."""
        theme, names = self._theme(theme_id), load_lexicon(self.language).labels
        keys = [key for key, target in self._routes.items() if target == theme_id]
        same = [names[key] for key in keys if names[key].casefold() == theme.label.casefold()]
        return (same or [names[key] for key in keys] or [theme.label])[0]

    def _value_view(self, value_id: str) -> dict:
        value = self._values[value_id]
        return {"id": value_id, "text": value.text} | ({"learned": True} if value.learned else {})

    def theme_of(self, value_id: str) -> str | None:
        """The theme a value is in, None for an unknown value."""
        value = self._values.get(value_id)
        return value.theme if value else None

    # ---- persistence ---------------------------------------------------------------------------

    def to_state(self) -> dict:
        """Everything needed to rebuild this engine exactly, as JSON-ready data."""
        return {
            "version": STATE_VERSION,
            "language": self.language,
            "next_id": self._next_id,
            "themes": [{"id": theme_id, "label": t.label, "hidden": t.hidden, "values": t.values}
                       for theme_id, t in self._themes.items()],
            "values": [{"id": value_id, "text": v.text, "participant": v.participant}
                       | ({"learned": True} if v.learned else {})
                       for value_id, v in self._values.items()],
            "routes": dict(self._routes),
            "retired": dict(self._retired),
        }

    @classmethod
    def from_state(cls, state: dict) -> "ThemeEngine":
        """Rebuild an engine saved with to_state (after a server restart)."""
        if state.get("version") != STATE_VERSION:
            raise ValueError(f"unknown theme state version {state.get('version')!r}")
        engine = cls(state["language"])
        engine._next_id = state["next_id"]
        engine._routes = dict(state["routes"])
        engine._retired = dict(state["retired"])
        theme_of = {}
        for saved in state["themes"]:
            engine._themes[saved["id"]] = _Theme(saved["label"], saved["hidden"])
            theme_of.update((value_id, saved["id"]) for value_id in saved["values"])
        values = {saved["id"]: saved for saved in state["values"]}
        # values re-enter in arrival order, so derived indexes match the live engine's
        for value_id, saved in values.items():
            reading = read(saved["text"], engine.language)
            value = _Value(saved["text"], saved["participant"], theme_of[value_id], reading,
                           saved.get("learned", False))
            engine._values[value_id] = value
            engine._form_themes.setdefault(reading.form, Counter())[value.theme] += 1
            if reading.form and not engine._lexicon_key(reading):
                engine._neighbours.add(reading.form, reading.content)
        for saved in state["themes"]:
            engine._themes[saved["id"]].values = list(saved["values"])
        return engine


def _majority(themes: Counter) -> str:
    """The theme holding most values of a form; on a tie the oldest, whatever the history."""
    return max(themes, key=lambda theme_id: (themes[theme_id], -int(theme_id[1:])))


def _valid_label(label: str) -> str:
    label = " ".join(label.split())
    if not label:
        raise WorkshopError("invalid", "Een thema heeft een naam nodig.")
    return label
