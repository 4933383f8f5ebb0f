"""Join codes people can read aloud and secrets nobody can guess."""

import base64
import hashlib
import hmac
import re
import secrets

# no 0/O, 1/I/L: a code read aloud in a staff room is typed right the first time
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
_NOT_CODE = re.compile(r"[\s\-_.]")


def new_code() -> str:
    """A random join code such as 'K7QM2X'."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(typed: str) -> str:
    """Accept what a phone user types: lower case, spaces and dashes ('k7q-m2x')."""
    return _NOT_CODE.sub("", typed).upper()


def new_token() -> str:
    """A 256-bit secret for a facilitator or a participant."""
    return secrets.token_urlsafe(32)


def new_id() -> str:
    """An unguessable id for rows that appear in URLs."""
    return secrets.token_hex(12)


def hash_token(token: str) -> str:
    """Tokens are stored hashed, so a copy of the database grants no access."""
    return hashlib.sha256(token.encode()).hexdigest()


def token_for_join_id(workshop_id: str, join_id: str) -> str:
    """The token of the mentor whom this phone's join id made in this workshop.

    A join retried after a lost ack must answer the same mentor with a token that works, but
    only token hashes are stored, so the token is derived from the id instead of drawn: the
    id (a random uuid the phone keeps beside its token) is then a secret of the same worth as
    the token, and the database holds neither, only the hash of this token. The workshop id
    is mixed in so one phone's id names unrelated mentors in two workshops.
    """
    digest = hashlib.sha256(f"mentorkompas join id\0{workshop_id}\0{join_id}".encode()).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode()


def token_matches(token: str, stored_hash: str) -> bool:
    """Compare in constant time so response timing reveals nothing."""
    return hmac.compare_digest(hash_token(token), stored_hash)
