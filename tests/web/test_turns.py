"""Turns (workshop/web/turns.py): state builds beyond a round's budget wait for the next round."""

import eventlet

from workshop.web.turns import Turns


def test_work_past_the_budget_waits_until_the_loop_had_its_look_at_the_sockets():
    order = []
    turns = Turns(eventlet.sleep, eventlet.spawn, budget=1e-9)  # every turn spends it all

    def build(name):
        with turns:
            order.append(name)

    def other_request():
        order.append("healthz")

    # three state builds ready at once, then another request arrives
    builders = [eventlet.spawn(build, name) for name in ("a", "b", "c")]
    eventlet.spawn(other_request)
    for builder in builders:
        builder.wait()
    # without turns the order is a, b, c, healthz: the request waits for the whole storm
    assert order.index("healthz") < order.index("c")
    assert sorted(order) == ["a", "b", "c", "healthz"]


def test_within_the_budget_nobody_waits():
    turns = Turns(lambda _s: (_ for _ in ()).throw(AssertionError("slept")), None, budget=60.0)
    for _ in range(3):
        with turns:
            pass
    assert 0 <= turns.used < 60.0
