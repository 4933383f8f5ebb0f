"""The values web as the screens get it, kept per process and rebuilt only where it changed.

Values arrive one at a time and each lands in one theme, so between two snapshots most themes
are unchanged. The engine hands out the same entry for an unchanged theme (ThemeEngine.themes),
so its view here is reused while its marks and recognitions are the same too. Building the
whole web of 5,000 values afresh for every snapshot, several a second, was most of the cost
of a broadcast at a regional training day (docs/BENCHMARKS.md, "Load").
"""

from ..views import theme_view

# workshop id -> theme id -> (the engine's entry, marked, recognised, the view)
_views: dict[str, dict[str, tuple[dict, int, int, dict]]] = {}


def web_view(workshop_id: str, themes: list[dict], marked: set[str],
             recognised: dict[str, int]) -> list[dict]:
    """The whole web in the engine's order; unchanged themes keep their view object."""
    kept = _views.get(workshop_id, {})
    fresh: dict[str, tuple[dict, int, int, dict]] = {}
    web = []
    for theme in themes:
        marks = sum(1 for value in theme["values"] if value["id"] in marked) if marked else 0
        counted = recognised.get(theme["id"], 0)
        earlier = kept.get(theme["id"])
        if earlier and earlier[0] is theme and earlier[1:3] == (marks, counted):
            view = earlier[3]
        else:
            view = theme_view(theme, marks, counted)
        fresh[theme["id"]] = (theme, marks, counted, view)
        web.append(view)
    _views[workshop_id] = fresh
    return web
