"""Two workshops of one team side by side: which themes grew, shrank, appeared, disappeared.

Themes match by their label (case and spacing aside). Growth is measured in the share of
mentors who named a theme, so a team that doubled in size does not make every theme 'grow'.
"""

from .report import dutch_date, theme_lines


def _key(label: str) -> str:
    return " ".join(label.casefold().split())


def _side(document: dict) -> dict:
    workshop = document["workshop"]
    return {"title": workshop["title"], "team": workshop["team"],
            "date": dutch_date(workshop["created_at"]), "created_at": workshop["created_at"],
            "mentors": len(document["participants"]), "mission": workshop["mission"]}


def compare(before: dict, after: dict) -> dict:
    """The comparison of snapshot `before` (e.g. 2025) with `after` (2026), as plain data."""
    then = {_key(t.label): t for t in theme_lines(before)}
    now = {_key(t.label): t for t in theme_lines(after)}
    mentors_then = max(len(before["participants"]), 1)
    mentors_now = max(len(after["participants"]), 1)
    themes = []
    for key in list(then) + [k for k in now if k not in then]:
        old, new = then.get(key), now.get(key)
        share_then = round(100 * old.mentors / mentors_then) if old else 0
        share_now = round(100 * new.mentors / mentors_now) if new else 0
        if old is None:
            change = "appeared"
        elif new is None:
            change = "disappeared"
        else:
            change = "grew" if share_now > share_then else \
                "shrank" if share_now < share_then else "same"
        themes.append({"label": (new or old).label, "change": change,
                       "then": {"mentors": old.mentors if old else 0, "share": share_then},
                       "now": {"mentors": new.mentors if new else 0, "share": share_now}})
    order = {"grew": 0, "appeared": 1, "same": 2, "shrank": 3, "disappeared": 4}
    themes.sort(key=lambda t: (order[t["change"]], -t["now"]["share"], -t["then"]["share"],
                               t["label"].casefold()))
    return {"then": _side(before), "now": _side(after),
            "same_team": _key(before["workshop"]["team"]) == _key(after["workshop"]["team"]),
            "themes": themes}
