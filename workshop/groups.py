"""Small groups for sharing values: balanced, random, never a mentor alone."""

import math
import random

MAX_GROUP_NAME_CHARS = 60  # a group names its common theme


def form_groups(participant_ids: list[str], size: int, rng: random.Random) -> list[list[str]]:
    """Shuffle and deal mentors into groups whose sizes differ by at most one.

    The number of groups is what `size` asks for, minus one when that would leave someone
    alone (3 mentors in pairs become one group of 3).
    """
    people = list(participant_ids)
    if not people:
        return []
    rng.shuffle(people)
    count = math.ceil(len(people) / size)
    if count > 1 and len(people) // count < 2:
        count -= 1
    return [people[index::count] for index in range(count)]


def smallest_group(groups: dict[int, list[str]]) -> int:
    """Where a latecomer goes: the smallest group, the lowest number on a tie."""
    return min(groups, key=lambda number: (len(groups[number]), number))
