"""Loading what a use case starts from, with the Dutch refusal when it is not there."""

from ..errors import WorkshopError
from ..model import Participant, Workshop
from ..storage import Tx


def participant(tx: Tx, participant_id: str) -> Participant:
    """The mentor this connection joined as."""
    found = tx.participant(participant_id)
    if found is None:
        raise WorkshopError("not_joined", "Je bent niet (meer) aangemeld bij deze workshop.")
    return found


def workshop(tx: Tx, workshop_id: str, lock: bool = False) -> Workshop:
    """The workshop a connection is bound to; `lock` serialises writers of one workshop."""
    found = tx.workshop(workshop_id, lock=lock)
    if found is None:
        raise WorkshopError("not_found", "Deze workshop bestaat niet (meer).")
    return found
