"""Character n-gram similarity for the values the lexicon does not know."""

from functools import cache, lru_cache

import numpy as np
from scipy.sparse import csr_matrix, vstack
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer

from .lexicon import load_lexicon

# cosine similarity from which an unknown value counts as a look-alike of a lexicon term
# ("zelfontplooiend" ~ "zelfontplooiing") or of another unknown value
LEXICON_SIMILARITY = 0.75
NEIGHBOUR_SIMILARITY = 0.5


class NgramSpace:
    """TF-IDF over character 2-4-grams; hashing keeps it fixed, so vectors never go stale."""

    def __init__(self, corpus: list[str]):
        # no fit on the live values: a vector computed at arrival must equal one computed later
        self._hasher = HashingVectorizer(
            analyzer="char_wb", ngram_range=(2, 4), n_features=2**18,
            alternate_sign=False, norm=None, dtype=np.float32,
        )
        counts = self._hasher.transform(corpus)
        # n-grams the lexicon never uses get the highest weight, as rare ones should
        self._idf = TfidfTransformer(sublinear_tf=True).fit(counts)
        self.corpus_vectors = self._idf.transform(counts)  # hashed once, for an index over it

    def vectors(self, texts: list[str]) -> csr_matrix:
        """Unit-length rows, so a dot product is a cosine similarity."""
        return self._idf.transform(self._hasher.transform(texts))


class TermIndex:
    """The lexicon's terms as vectors, to find the theme of a look-alike."""

    def __init__(self, language: str):
        lexicon = load_lexicon(language)
        # terms are compared as the reader sees values: stems, so "-heid" and "-ing" do not count
        texts = [content for content, _ in lexicon.terms]
        self.space = NgramSpace(texts)
        self._themes = [theme for _, theme in lexicon.terms]
        self._matrix = self.space.corpus_vectors.T.tocsr()

    def nearest_themes(self, contents: list[str]) -> list[str | None]:
        """Per text, the theme of the most similar lexicon term if it is similar enough."""
        if not contents:
            return []
        similarities = (self.space.vectors(contents) @ self._matrix).toarray()
        best = similarities.argmax(axis=1)
        return [self._themes[b] if similarities[i, b] >= LEXICON_SIMILARITY else None
                for i, b in enumerate(best)]


@cache
def term_index(language: str = "nl") -> TermIndex:
    """One term index per language and process."""
    return TermIndex(language)


@lru_cache(maxsize=100_000)
def look_alike_theme(content: str, language: str = "nl") -> str | None:
    """The lexicon theme an unknown value resembles closely enough, if any."""
    return term_index(language).nearest_themes([content])[0]


class NeighbourIndex:
    """Vectors of the unknown forms seen so far, to place a new one next to its look-alike."""

    def __init__(self, language: str):
        self._space = term_index(language).space
        self._rows: dict[str, csr_matrix] = {}  # form -> its vector, in arrival order
        self._matrix: csr_matrix | None = None

    def add(self, form: str, content: str) -> None:
        """Remember an unknown form (once)."""
        if form not in self._rows:
            self._rows[form] = self._space.vectors([content])
            self._matrix = None  # stacked again on the next search, not on every arrival

    def similar(self, content: str) -> list[str]:
        """Known forms similar enough to `content`, most similar first (ties by form)."""
        if not self._rows:
            return []
        if self._matrix is None:
            self._matrix = vstack(list(self._rows.values())).T.tocsr()
        similarities = (self._space.vectors([content]) @ self._matrix).toarray()[0]
        close = [(-s, form) for s, form in zip(similarities, self._rows, strict=True)
                 if s >= NEIGHBOUR_SIMILARITY]
        return [form for _, form in sorted(close)]
