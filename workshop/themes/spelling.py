"""Spelling tolerance: find the known word a phone typo was meant to be."""

import numpy as np

# shorter words get no tolerance ("rust" vs "lust"); long ones survive two slips
_ONE_SLIP_FROM = 5
_TWO_SLIPS_FROM = 10
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


# Dutch spelling by ear: "respekt", "vertrouwt", "sosiaal", "stabiliteid"
_SOUND_ALIKES = ("ck", "cs", "sz", "fv", "dt", "iy", "ij", "ao", "ou")


def _slip_neighbours() -> dict[str, set[str]]:
    """Letters typed for one another: neighbouring keys of a phone's (staggered) QWERTY rows,
    and letters that sound alike."""
    position = {key: (r, c) for r, row in enumerate(_ROWS) for c, key in enumerate(row)}
    near = {(0, -1), (0, 1), (-1, 0), (-1, 1), (1, -1), (1, 0)}
    at = {rc: key for key, rc in position.items()}
    neighbours = {key: {at[(r + dr, c + dc)] for dr, dc in near if (r + dr, c + dc) in at}
                  for key, (r, c) in position.items()}
    for a, b in _SOUND_ALIKES:
        neighbours[a].add(b)
        neighbours[b].add(a)
    return neighbours


_NEIGHBOURS = _slip_neighbours()


def allowed_slips(word: str) -> int:
    """How many typing slips a word of this length may carry and still be recognised."""
    if len(word) >= _TWO_SLIPS_FROM:
        return 2
    return 1 if len(word) >= _ONE_SLIP_FROM else 0


def slips(a: str, b: str, limit: int) -> int:
    """Edit distance: a missing, extra or swapped letter is one slip, and so is a wrong one
    if its key neighbours the right one or sounds alike; any other wrong letter ("moedig" for
    "mondig") is two. Counting stops early: any result above `limit` is just `limit + 1`.
    """
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    # a slip is local: only the part between the common start and end needs the full count
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    a, b = a[start:len(a) - end], b[start:len(b) - end]
    previous2, previous = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1 if cb in _NEIGHBOURS.get(ca, ()) else 2
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return min(previous[-1], limit + 1)


def _deletions(word: str, depth: int) -> set[str]:
    """Every string left after deleting up to `depth` (1 or 2) letters (symmetric-delete lookup)."""
    n = len(word)
    found = {word}
    found.update(word[:i] + word[i + 1:] for i in range(n))
    if depth >= 2:
        found.update(word[:i] + word[i + 1:j] + word[j + 1:]
                     for i in range(n) for j in range(i + 1, n))
    return found


class SpellingIndex:
    """Symmetric-delete index over a vocabulary: candidates in a few look-ups, not a scan."""

    def __init__(self, vocabulary: set[str]):
        # Each deletion variant of each word (over 100,000 of them) is kept as its hash in one
        # sorted array, next to the number of the word it comes from: as a dict of strings the
        # index held 10 MB of a server's memory, as arrays it holds 1.3 MB. A hash that two
        # variants share only adds a candidate, and every candidate is measured by `slips`.
        # (hash() of a str is salted per process; the index never leaves the process.)
        self._words = sorted(w for w in vocabulary if len(w) >= _ONE_SLIP_FROM - 1)
        hashes, owners = [], []
        for number, word in enumerate(self._words):
            # a known word can only be the target of a word at most two letters longer
            variants = _deletions(word, 2 if len(word) >= _TWO_SLIPS_FROM - 2 else 1)
            hashes.extend(map(hash, variants))
            owners.extend([number] * len(variants))
        hashes = np.array(hashes, dtype=np.int64)
        order = np.argsort(hashes, kind="stable")
        self._hashes = hashes[order]
        self._owners = np.array(owners, dtype=np.int32)[order]

    def correct(self, word: str) -> str | None:
        """The known word closest to `word` within its allowed slips, or None."""
        # the word may be a known one with a letter missing: "grei" for "groei"
        depth = allowed_slips(word + "?")
        # most typos are one slip, and every word one slip away shares a one-letter deletion
        # with it: when such a word is found, the two-letter deletions of a long word (dozens
        # of strings) cannot offer a closer one, so they are only made when it is not
        if depth == 2:
            found = self._closest(word, _deletions(word, 1))
            if found is not None and found[0] <= 1:
                return found[1]
        found = self._closest(word, _deletions(word, depth))
        return None if found is None else found[1]

    def _closest(self, word: str, variants: set[str]) -> tuple[int, str] | None:
        """(slips, known word) of the closest known word sharing a variant, within its
        allowed slips; ties go to the alphabetically first word, so a typo always lands the
        same way."""
        wanted = np.fromiter(map(hash, variants), dtype=np.int64, count=len(variants))
        starts = np.searchsorted(self._hashes, wanted, side="left")
        ends = np.searchsorted(self._hashes, wanted, side="right")
        candidates = {self._words[owner] for start, end in zip(starts, ends, strict=True)
                      for owner in self._owners[start:end]}
        limits = {c: allowed_slips(max(word, c, key=len)) for c in candidates}
        scored = sorted((slips(word, c, limits[c]), c) for c in candidates)
        return next(((d, c) for d, c in scored if d <= limits[c]), None)
