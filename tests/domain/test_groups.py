"""Forming small groups: balanced sizes, nobody alone, latecomers to the smallest group."""

import random

import pytest

from workshop.groups import form_groups, smallest_group


@pytest.mark.parametrize("people, size", [(n, s) for n in range(2, 41) for s in range(2, 9)])
def test_groups_are_balanced_and_nobody_is_alone(people, size):
    ids = [f"p{i}" for i in range(people)]
    groups = form_groups(ids, size, random.Random(people * 10 + size))
    sizes = [len(g) for g in groups]
    assert sorted(sum(groups, [])) == sorted(ids)  # everyone exactly once
    assert max(sizes) - min(sizes) <= 1
    assert min(sizes) >= 2
    assert max(sizes) <= size + 1  # at most one extra where a group of one was avoided


def test_groups_follow_the_chosen_size_when_it_divides():
    groups = form_groups([f"p{i}" for i in range(12)], 4, random.Random(1))
    assert [len(g) for g in groups] == [4, 4, 4]


def test_forming_is_random_but_repeatable_with_a_seed():
    ids = [f"p{i}" for i in range(12)]
    assert form_groups(ids, 4, random.Random(7)) == form_groups(ids, 4, random.Random(7))
    assert form_groups(ids, 4, random.Random(7)) != form_groups(ids, 4, random.Random(8))


def test_a_single_mentor_forms_one_group_and_nobody_none():
    assert form_groups(["p1"], 4, random.Random(1)) == [["p1"]]
    assert form_groups([], 4, random.Random(1)) == []


def test_latecomers_go_to_the_smallest_group():
    assert smallest_group({1: ["a", "b", "c"], 2: ["d", "e"], 3: ["f", "g"]}) == 2
