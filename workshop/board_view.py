"""The public shape of the mission board, as the `board` event and the state carry it."""

from .board import coverage, readability, theme_terms
from .messages import N_
from .model import Draft, Participant, Workshop

# who wrote a draft or goal when it is no mentor alone (pages translate them, web/i18n.py)
FACILITATOR = N_("Begeleider")
GROUP = N_("Groep {number}")


def shared_theme_terms(web: list[dict]) -> list[tuple[str, set[str]]]:
    """(label, terms) of the visible shared themes, most mentors first: what drafts should cover."""
    shared = [t for t in web if t["shared"] and not t["hidden"]]
    shared.sort(key=lambda t: (-t["participants"], t["label"]))
    return [(t["label"], theme_terms(t["label"], (v["text"] for v in t["values"])))
            for t in shared]


def board_view(workshop: Workshop, drafts: list[Draft], counts: dict[str, int],
               themes: list[tuple[str, set[str]]], people: list[Participant],
               show_counts: bool) -> dict:
    """Drafts with votes (None while hidden), coverage and readability; combined ones as history."""
    names = {p.id: p.display_name(workshop.anonymous) for p in people}
    live, history, covered = [], [], set()
    for draft in drafts:
        votes = counts.get(draft.id, 0) if show_counts else None
        if draft.merged_into:
            history.append({"id": draft.id, "text": draft.text, "votes": votes,
                            "merged_into": draft.merged_into})
            continue
        covers = coverage(draft.text, themes)
        covered.update(covers)
        live.append({
            "id": draft.id, "text": draft.text, "votes": votes, "covers": covers,
            "author": _author(draft, names), "readability": readability(draft.text),
        })
    return {
        "drafts": live,
        "history": history,
        "uncovered": [label for label, _terms in themes if label not in covered],
        "mission": workshop.mission,
        "voting": {"open": workshop.voting_open, "votes_per_person": workshop.votes_per_person,
                   "hide_counts": workshop.hide_counts},
    }


def _author(draft: Draft, names: dict[str, str]) -> str:
    if draft.participant_id is None:
        return FACILITATOR
    if draft.group_number is not None:
        return GROUP.format(number=draft.group_number)
    return names.get(draft.participant_id, "")
