"""Read one value text: its normalised form, value-bearing terms and lexicon theme.

Which theme a text with several value words is about (documented in docs/THEMES.md):
1. Sayings ("jij mag er zijn") match word for word first; phrases of value words next.
2. The text falls into parts at "en", "of" and prepositions ("voor", "van", "in", "met").
   The first part that names a value decides: "zorgzaam en rechtvaardig" is about care
   (the value the mentor led with), "respect voor verschillen" about respect, and "zin voor
   stiptheid" about punctuality because "zin" is only a weak word.
3. Inside a part the stronger total wins and a tie goes to the later word, the head of a
   Dutch noun phrase ("open communicatie"). Weak words decide only when nothing strong is named.
"""

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import WEAK, Lexicon, load_lexicon
from .morphology import separable_verbs
from .normalise import normalise, stem


@dataclass(frozen=True)
class Reading:
    """What grouping needs to know about one text; equal forms always read the same."""

    form: str  # normalised text: values with equal forms are the same value
    terms: tuple[str, ...]  # canonical stems of the value-bearing words, in order
    hits: tuple[str, ...]  # lexicon themes named anywhere in the text, in order
    theme: str | None  # the lexicon theme the text is about, None when the lexicon is silent
    content: str  # the value-bearing words as typed, for character n-gram similarity


@dataclass(frozen=True)
class _Match:
    position: int  # index of the first word it covers
    theme: str
    score: float  # weight per word times words covered
    strong: bool


def read(text: str, language: str = "nl") -> Reading:
    """Read a text with the language's lexicon (cached per normalised form)."""
    return read_form(normalise(text), language)


@lru_cache(maxsize=100_000)
def read_form(form: str, language: str = "nl") -> Reading:
    """Read an already normalised form; batches normalise once and call this."""
    lexicon = load_lexicon(language)
    words = form.split()
    matches, covered = _sayings(words, lexicon)
    joined, particles = _joined_verbs(words, covered, lexicon)
    terms = []  # (position, stem) of value-bearing words
    for position, word in enumerate(words):
        if position in particles or (word in lexicon.stopwords and position not in joined):
            continue
        term = joined.get(position) or canonical_word(word, language)
        if term not in lexicon.neutral:
            terms.append((position, term))
    matches += _phrases([t for t in terms if t[0] not in covered], lexicon)
    matches.sort(key=lambda m: m.position)
    stems = tuple(term for _, term in terms)
    return Reading(
        form=form,
        terms=stems,
        hits=tuple(dict.fromkeys(m.theme for m in matches)),
        theme=_winner(matches, _parts(words, lexicon)),
        content=" ".join(stems) or form,
    )


@lru_cache(maxsize=100_000)
def canonical_word(word: str, language: str = "nl") -> str:
    """The lexicon's stem for one word, cached per word as well as per text: distinct texts
    share most of their words ("veilig", "samen", a common typo), and a word the lexicon
    does not know pays for derivation, spelling and compound look-ups (most of a cold batch)."""
    return load_lexicon(language).canonical(word)


def _sayings(words: list[str], lexicon: Lexicon) -> tuple[list[_Match], set[int]]:
    """Greedy longest sayings over all words; the positions they cover."""
    if len(words) < 2:  # every saying has two or more words; most values have one
        return [], set()
    stems = [stem(w, lexicon.language) for w in words]
    matches, covered, i = [], set(), 0
    while i < len(words):
        for n in range(min(lexicon.max_saying, len(words) - i), 1, -1):
            hit = lexicon.sayings.get(tuple(stems[i:i + n]))
            if hit:
                matches.append(_Match(i, hit.theme, hit.weight * n, True))
                covered.update(range(i, i + n))
                i += n
                break
        else:
            i += 1
    return matches, covered


def _joined_verbs(words: list[str], covered: set[int],
                  lexicon: Lexicon) -> tuple[dict[int, str], set[int]]:
    """Separable verbs the lexicon knows, joined: verb position -> stem, particle positions."""
    joined, particles = {}, set()
    for verb, particle, spellings in separable_verbs(words, lexicon.particles):
        if {verb, particle} & covered or verb in joined or particle in particles:
            continue
        for spelling in spellings:
            joined_stem = stem(spelling, lexicon.language)
            if lexicon.knows(joined_stem):
                joined[verb] = joined_stem
                particles.add(particle)
                break
    return joined, particles


def _phrases(terms: list[tuple[int, str]], lexicon: Lexicon) -> list[_Match]:
    """Greedy longest-phrase matching; a phrase counts once per word it covers."""
    stems = tuple(term for _, term in terms)
    matches, i = [], 0
    while i < len(stems):
        for n in range(min(lexicon.max_phrase, len(stems) - i), 0, -1):
            hit = lexicon.phrases.get(stems[i:i + n])
            if hit:
                matches.append(_Match(terms[i][0], hit.theme, hit.weight * n, hit.weight > WEAK))
                i += n
                break
        else:
            i += 1
    return matches


def _parts(words: list[str], lexicon: Lexicon) -> list[int]:
    """The part each word belongs to: a new part starts at "en", "of" or a preposition."""
    part, parts = 0, []
    for word in words:
        if word in lexicon.coordinators or word in lexicon.prepositions:
            part += 1
        parts.append(part)
    return parts


def _winner(matches: list[_Match], parts: list[int]) -> str | None:
    """The first part with a strong match decides (else the first with a weak one); inside
    it the highest total wins, a tie going to the later word."""
    if not matches:
        return None
    deciding = [m for m in matches if m.strong] or matches
    first_part = parts[deciding[0].position]
    totals: dict[str, float] = defaultdict(float)
    last_seen: dict[str, int] = {}
    for match in deciding:
        if parts[match.position] == first_part:
            totals[match.theme] += match.score
            last_seen[match.theme] = match.position
    return max(totals, key=lambda theme: (totals[theme], last_seen[theme]))
