"""Learning across workshops: what corrections and imports teach, and what arrivals learn.

`learning` is the server's switch (LEARN_FROM_WORKSHOPS); a workshop that opted out at
creation takes no part either way. See workshop/themes/learning.py for the rules.
"""

import threading
from collections import OrderedDict

from ..storage import Store, Tx
from ..themes.learning import lessons_of_correction, lessons_of_import, prevailing_label
from ..themes.normalise import normalise
from . import lookups
from .theme_cache import current_engine

# per workshop, the forms known to have no lesson for it, for good (Taught.settled), for the
# workshops most recently asked about, in this process. A batch of values used to ask for
# the lessons of its forms every time, one of its 8 round trips on PostgreSQL and 5-7 % of
# a server's samples at 1,000 phones on two processes, nearly always to hear of none; at a
# regional day mentors pick from the same words, so most forms are asked about only once
# (docs/BENCHMARKS.md, "eighth round")
UNTAUGHT_WORKSHOPS = 64
_untaught: OrderedDict[str, set[str]] = OrderedDict()
_untaught_lock = threading.Lock()  # the threading mode's handlers run at once


def learned_labels(tx: Tx, workshop_id: str, texts: list[str],
                   learning: bool) -> dict[str, str | None]:
    """Per text, the theme label earlier workshops taught for its form, if any (none for a
    workshop that opted out), in one query, or none when every form is known to have none.
    Reads only, so a writer asks before it takes the workshop's lock."""
    if not learning or not texts:
        return {}
    forms = {text: normalise(text) for text in set(texts)}
    with _untaught_lock:
        asked = set(forms.values()) - _untaught.get(workshop_id, set())
        if not asked:
            _untaught.move_to_end(workshop_id)
            return dict.fromkeys(forms)
    taught = tx.taught_placements(sorted(asked), workshop_id)
    if taught.settled:
        with _untaught_lock:
            _untaught.setdefault(workshop_id, set()).update(asked - taught.placements.keys())
            _untaught.move_to_end(workshop_id)
            while len(_untaught) > UNTAUGHT_WORKSHOPS:
                _untaught.popitem(last=False)
    return {text: prevailing_label(taught.placements.get(form, []))
            for text, form in forms.items()}


def teach_correction(tx: Tx, workshop_id: str, engine, value_ids: list[str],
                     learning: bool) -> None:
    """Let later workshops learn where the facilitator just put these values."""
    if learning and value_ids and tx.takes_part_in_learning(workshop_id):
        tx.teach(workshop_id, lessons_of_correction(engine, value_ids))


def learn_from_import(store: Store, workshop_id: str, learning: bool) -> None:
    """Let an imported web's final grouping teach the workshops created after it."""
    if not learning:
        return
    with store.transaction() as tx:
        lookups.workshop(tx, workshop_id, lock=True)
        _revision, engine = current_engine(tx, workshop_id)
        tx.teach(workshop_id, lessons_of_import(engine))
