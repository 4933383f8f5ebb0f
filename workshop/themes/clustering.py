"""Group a batch of value texts into themes in one pass (the projector's full web, exports)."""

from collections import Counter

import numpy as np
from scipy.cluster.hierarchy import fcluster, linkage
from scipy.spatial.distance import squareform

from .lexicon import load_lexicon
from .normalise import normalise, readable
from .reading import Reading, read_form
from .similarity import NEIGHBOUR_SIMILARITY, NgramSpace, term_index


def cluster_texts(texts: list[str], language: str = "nl") -> list[str]:
    """One readable theme label per text; equal labels mean the same theme."""
    # phones repeat themselves: 5,000 values hold about 1,800 distinct texts and fewer forms
    normalised = {text: normalise(text) for text in dict.fromkeys(texts)}
    forms = [normalised[text] for text in texts]
    readings = {form: read_form(form, language) for form in dict.fromkeys(forms)}
    group_of = _assign_groups(list(readings.values()), language)
    counts = Counter(forms)
    labels = _label_groups(group_of, counts, language)
    return [labels[group_of[form]] if form else text.strip()
            for form, text in zip(forms, texts, strict=True)]


def _assign_groups(readings: list[Reading], language: str) -> dict[str, str]:
    """Map each distinct form to a group key: a lexicon theme, or a cluster of look-alikes."""
    index = term_index(language)
    group_of = {r.form: r.theme for r in readings if r.theme}
    unknown = [r for r in readings if not r.theme and r.form]
    look_alikes = index.nearest_themes([r.content for r in unknown])
    for reading, theme in zip(unknown, look_alikes, strict=True):
        if theme:
            group_of[reading.form] = theme
    rest = [r for r in unknown if r.form not in group_of]
    clusters = _agglomerate([r.content for r in rest], index.space)
    for reading, cluster in zip(rest, clusters, strict=True):
        group_of[reading.form] = f"~{cluster}"  # "~" keeps cluster keys apart from theme keys
    return group_of


def _agglomerate(contents: list[str], space: NgramSpace) -> list[int]:
    """Average-linkage clustering cut at a distance: the data decide how many themes.

    SciPy's own linkage, which scikit-learn's AgglomerativeClustering wraps: that wrapper
    imports it on its first fit (about 40 ms the first batch of a server paid) and checks
    its input each time. Look-alikes closer than the threshold join; a pair exactly at it
    stays apart, as in scikit-learn's cut.
    """
    if len(contents) < 2:
        return [0] * len(contents)
    vectors = space.vectors(contents)
    distances = np.clip(1.0 - (vectors @ vectors.T).toarray(), 0.0, 2.0)
    tree = linkage(squareform(distances, checks=False), method="average")
    below = np.nextafter(1.0 - NEIGHBOUR_SIMILARITY, 0.0)
    return fcluster(tree, below, criterion="distance").tolist()


def _label_groups(group_of: dict[str, str], counts: Counter, language: str) -> dict[str, str]:
    """Lexicon themes get their canonical name, other groups their most used form."""
    names = load_lexicon(language).labels
    members: dict[str, list[str]] = {}
    for form, group in group_of.items():
        members.setdefault(group, []).append(form)
    labels, used = {}, set(names.values())
    for group, forms in members.items():
        if group in names:
            labels[group] = names[group]
            continue
        label = readable(max(forms, key=lambda form: counts[form]))
        # an unknown value may look like a canonical name; labels must stay one per theme
        while label in used:
            label += "*"
        labels[group] = label
        used.add(label)
    return labels
