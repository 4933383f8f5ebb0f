"""Phone input to comparable words: Unicode, case, accents, punctuation, emoji, stems."""

import re
import unicodedata
from functools import cache, lru_cache

import stopwordsiso
from nltk.stem.snowball import SnowballStemmer

_STEMMERS = {"nl": "dutch"}
# mentors mix in English values ("trust", "safe space"), so English function words go too
_EXTRA_STOPWORD_LANGUAGES = ("en",)
_TRIPLED = re.compile(r"(\w)\1{2,}")
_ASCII_SEPARATORS = re.compile(r"[^a-z0-9]+")
# apostrophes and hyphens join ("collega's", "wij-gevoel"); other non-letters separate words
_JOINERS = str.maketrans("", "", "'’`´-‐‑")


def check_language(language: str) -> None:
    """Fail early and clearly on a language the package has no stemmer or lexicon for."""
    if language not in _STEMMERS:
        raise ValueError(f"unsupported language {language!r}; known: {sorted(_STEMMERS)}")


def normalise(text: str) -> str:
    """Return the lower-case, accent-free, letters-and-digits form that equal values share."""
    if text.isascii():  # most phone input: skip the Unicode passes
        text = _ASCII_SEPARATORS.sub(" ", text.lower().translate(_JOINERS))
    else:
        text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKC", text).casefold())
        text = "".join(" " if not c.isalnum() else c for c in text.translate(_JOINERS)
                       if not unicodedata.combining(c))
    # a held-down key ("Maaatwerk", "Dialooog"); Dutch spells at most two of a letter
    return " ".join(_TRIPLED.sub(r"\1\1", text).split())


@lru_cache(maxsize=100_000)
def stem(word: str, language: str = "nl") -> str:
    """Snowball stem of one normalised word, so inflections share a key."""
    return _stemmer(language).stem(word)


@cache
def stopwords(language: str) -> frozenset[str]:
    """Function words that never name a value, in the language and in English."""
    check_language(language)
    found = set(stopwordsiso.stopwords(language))
    for extra in _EXTRA_STOPWORD_LANGUAGES:
        found |= stopwordsiso.stopwords(extra)
    return frozenset(normalise(w) for w in found)


@cache
def _stemmer(language: str) -> SnowballStemmer:
    check_language(language)
    return SnowballStemmer(_STEMMERS[language])


def readable(form: str) -> str:
    """A normalised form as a label: first letter capitalised ("eigen regie" -> "Eigen regie")."""
    return form[:1].upper() + form[1:]
