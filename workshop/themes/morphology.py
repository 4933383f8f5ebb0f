"""Dutch word structure the lexicon cannot list: derivations, compounds, separable verbs.

Each function proposes candidate words; the lexicon decides which of them it knows, so
these rules never invent a theme on their own.
"""

# derivational endings, longest first: "zorgzaamheid" -> "zorgzaam" -> "zorg"
_SUFFIXES = (
    "baarheid", "zaamheid", "lijkheid", "igheid", "iteiten", "iteit", "heden", "heid",
    "schappen", "schap", "ingen", "ing", "baar", "zaam", "lijke", "lijk", "ige", "ig",
    "ende", "end", "ische", "isch", "ieve", "ief", "volle", "vol", "isme", "ist", "tje",
    "ste", "st", "ers", "er", "en", "e", "s", "t",
)
# the endings a word may carry, by its last letter, in the order above: a word is checked
# against the few that can match, not all of them (a cold batch reads a thousand new words)
_SUFFIXES_BY_LAST = {last: tuple(s for s in _SUFFIXES if s[-1] == last)
                     for last in {s[-1] for s in _SUFFIXES}}
_NEGATIONS = ("on",)  # "onveilig" names the same theme as "veilig"
# a compound's head must be this long to be trusted on its own ("vrij" in "gastvrij" is not)
TRUSTED_HEAD = 6
SHORTEST_PART = 3
# an inflection ("-e", "-er", "-s") comes off only a long base: "moeder" is not "moed" + "er"
_SHORTEST_INFLECTED_BASE = 5
_LINKS = ("s", "e", "en")  # "vertrouwensband", "kinderopvang", "mensenrechten"


def derivation_bases(word: str) -> list[str]:
    """Words `word` may be derived from, nearest first; each also as an infinitive."""
    bases = []
    for suffix in _SUFFIXES_BY_LAST.get(word[-1:], ()):
        shortest = SHORTEST_PART if len(suffix) > 2 else _SHORTEST_INFLECTED_BASE
        if word.endswith(suffix) and len(word) - len(suffix) >= shortest:
            base = word[:-len(suffix)]
            bases += [base, base + "en", _long_vowel(base)]
    for prefix in _NEGATIONS:
        if word.startswith(prefix) and len(word) - len(prefix) > SHORTEST_PART + 1:
            bases.append(word[len(prefix):])
    return list(dict.fromkeys(b for b in bases if b != word))


def _long_vowel(base: str) -> str:
    """A closed syllable writes its long vowel twice: "dankbare" minus "e" is "dankbaar"."""
    if len(base) >= 2 and base[-1] not in "aeiou" and base[-2] in "aeiou":
        return base[:-1] + base[-2] + base[-1]
    return base


def compound_splits(word: str) -> list[tuple[str, tuple[str, ...]]]:
    """(head, modifier spellings) for each way to cut a possible compound, longest head first.

    Dutch puts the head last: a "schoolklimaat" is a klimaat, "talentontwikkeling" an
    ontwikkeling. The modifier may end in a linking s, e or en, so it comes with and without.
    """
    splits = []
    for cut in range(SHORTEST_PART, len(word) - SHORTEST_PART):
        modifier, head = word[:cut], word[cut:]
        modifiers = [modifier] + [modifier[:-len(link)] for link in _LINKS
                                  if modifier.endswith(link)
                                  and len(modifier) - len(link) >= SHORTEST_PART]
        splits.append((head, tuple(modifiers)))
    return splits


def separable_verbs(words: list[str], particles: frozenset[str]) -> list[tuple[int, int, tuple]]:
    """(verb position, particle position, infinitive spellings) for each verb a particle
    after it may belong to, nearest verb first.

    "Niemand lacht uit" means "uitlachen", "We lossen ruzies samen op" "oplossen": the
    particle ends the clause, the verb comes earlier, and only together do they name a value.
    """
    return [(i, j, _infinitives(words[j], words[i]))
            for j in range(1, len(words)) if words[j] in particles
            for i in range(j - 1, -1, -1) if words[i] not in particles and len(words[i]) >= 3]


def _infinitives(particle: str, verb: str) -> tuple[str, ...]:
    """Infinitive spellings of particle + a finite verb: "lacht" -> "uitlachen",
    "sluit" -> "buitensluiten", "speelt" -> "uitspelen", "zet" -> "doorzetten"."""
    roots = [verb, verb[:-1]] if verb.endswith("t") else [verb]
    forms = [particle + verb] if verb.endswith("en") else []
    for root in roots:
        forms += [particle + root + "en", particle + _short_vowel(root) + "en",
                  particle + root + root[-1] + "en"]
    return tuple(dict.fromkeys(forms))


def _short_vowel(root: str) -> str:
    """An open syllable writes its long vowel once: "speel" + "en" is "spelen"."""
    if len(root) >= 3 and root[-1] not in "aeiou" and root[-2] == root[-3] and root[-2] in "aeiou":
        return root[:-2] + root[-1]
    return root
