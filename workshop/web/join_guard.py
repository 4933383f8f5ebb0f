"""Limit guessing, not joining: which join attempts count as guesses, and what a guesser gets.

A join code is 6 characters from an alphabet of 31 (codes.py): 31^6 = 887,503,681 codes. A
wrong code is a guess; guesses are counted per connection and per address (FAILED_JOIN_*
settings). Past either count, the answer must not tell a right code from a wrong one, or
the limit would only slow the guessing down. But a school's phones share one address (NAT
on the school Wi-Fi), so a blunt limit would shut a whole hall out, and one prankster could
do it on purpose. So past the count a code is still let in for a workshop that someone at
this address already reached (a mentor who joined, the facilitator's or projector's page):
the room the hall is in. Every other code, right or wrong, is answered `rate_limited`. A
valid token always gets its mentor back in: it is a 256-bit secret, not a guess; so does the
join id of a mentor who joined with one (a secret of the same worth, codes.token_for_join_id).
"""

from collections.abc import Callable

from flask import current_app, request

from .. import service
from ..errors import WorkshopError
from ..service import Joined
from .connection import address, store


def guarded_join(data: dict, join: Callable[[], Joined]) -> Joined:
    """Run `join` (the service call for this payload) unless this connection is guessing."""
    limits = current_app.extensions["socket_limits"]
    if limits.guessing(request.sid, address()):
        reached, token, join_id = limits.reached(address()), data.get("token"), data.get("id")
        workshop_id, known = None, False
        # an address that reached nothing and brings no credential is refused without a
        # query, so a flood of guesses costs the database nothing
        if reached or token or join_id:
            workshop_id, known = service.join_target(store(), data.get("code"), token, join_id)
        if not (known or workshop_id in reached):
            limits.count_failed_code(request.sid, address())
            raise WorkshopError("rate_limited", "Te veel verkeerde codes geprobeerd. Kijk goed "
                                                "naar de code op het scherm en probeer het over "
                                                "een paar minuten opnieuw.")
    try:
        return join()
    except WorkshopError as refused:
        if refused.code == "unknown_code":
            limits.count_failed_code(request.sid, address())
        raise
