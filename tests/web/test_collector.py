"""The collector policy of a server process (web/collector.py), on this test process's own
collector: automatic passes are off meanwhile, so only the passes a test asks for happen."""

import gc
import weakref

import pytest

from workshop.web.collector import FreezeSurvivors


class Node:
    """Half of a reference cycle: only the cyclic collector can free it."""


def _cycle() -> Node:
    first, second = Node(), Node()
    first.other, second.other = second, first
    return first


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock():
    return Clock()


@pytest.fixture
def collector(clock):
    policy = FreezeSurvivors(clock=clock, rescan=600)
    was_enabled = gc.isenabled()
    gc.disable()
    policy.start()
    yield policy
    policy.stop()
    gc.unfreeze()
    if was_enabled:
        gc.enable()


def _frozen(obj) -> bool:
    """Whether the collector left `obj` out of its passes (gc.freeze): tracked, yet in none of
    its generations. Asked of the object itself, not of gc.get_freeze_count(), which drops
    whenever any frozen object anywhere in this test process is freed by its reference count."""
    return gc.is_tracked(obj) and not any(
        tracked is obj for generation in range(3) for tracked in gc.get_objects(generation)
    )


def test_only_a_full_pass_lets_its_survivors_be_frozen(collector):
    kept = _cycle()
    collector.tick()
    assert not _frozen(kept)  # no pass yet: nothing new is frozen
    gc.collect(generation=1)
    collector.tick()
    assert not _frozen(kept)  # a young pass is not a full one
    gc.collect()
    collector.tick()
    assert _frozen(kept)


def test_a_frozen_cycle_is_freed_at_the_next_rescan(collector, clock):
    node = _cycle()
    gone = weakref.ref(node)
    gc.collect()
    collector.tick()  # the cycle survived a full pass: frozen
    del node
    gc.collect()
    assert gone() is not None  # left out of the passes while frozen
    clock.now += 599
    collector.tick()
    gc.collect()
    assert gone() is not None
    clock.now += 1
    collector.tick()  # everything unfrozen and collected once
    assert gone() is None


def test_what_survives_a_rescan_is_frozen_again(collector, clock):
    clock.now += 600
    collector.tick()
    assert gc.get_freeze_count() > 0
    node = _cycle()
    gone = weakref.ref(node)
    del node
    gc.collect()  # new garbage after the rescan is collected as usual
    assert gone() is None
