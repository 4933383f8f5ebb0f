"""Join codes people can read aloud and secrets nobody can guess."""

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


def token_matches(token: str, stored_hash: str) -> bool:
    """Compare in constant time so response timing reveals nothing."""
    return hmac.compare_digest(hash_token(token), stored_hash)
