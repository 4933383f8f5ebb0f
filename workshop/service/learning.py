"""Learning across workshops: what corrections and imports teach, and what arrivals learn.

`learning` is the server's switch (LEARN_FROM_WORKSHOPS); a workshop that opted out at
creation takes no part either way. See workshop/themes/learning.py for the rules.
"""

from ..storage import Store, Tx
from ..themes.learning import lessons_of_correction, lessons_of_import, prevailing_label
from ..themes.normalise import normalise
from . import lookups
from .theme_cache import current_engine


def learned_labels(tx: Tx, workshop_id: str, texts: list[str],
                   learning: bool) -> dict[str, str | None]:
    """Per text, the theme label earlier workshops taught for its form, if any (none for a
    workshop that opted out), in one query. Reads only, so a writer asks before it takes the
    workshop's lock."""
    if not learning or not texts:
        return {}
    forms = {text: normalise(text) for text in set(texts)}
    taught = tx.taught_placements(list(set(forms.values())), workshop_id)
    return {text: prevailing_label(taught.get(form, [])) for text, form in forms.items()}


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
