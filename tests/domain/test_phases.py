"""Phase order and what each phase allows."""

import pytest

from workshop.errors import WorkshopError
from workshop.phases import PHASES, can_add_value, check_phase, next_phase


def test_phases_run_from_lobby_to_closed():
    assert PHASES[0] == "lobby" and PHASES[-1] == "closed"
    assert next_phase("lobby") == "reflect"
    assert next_phase("canvas") == "closed"
    assert next_phase("closed") is None


def test_values_are_accepted_from_reflection_until_the_themes_are_done():
    assert [p for p in PHASES if can_add_value(p)] == ["reflect", "groups", "themes"]


@pytest.mark.parametrize("phase", ["", "Lobby", "voting", None, 3])
def test_unknown_phases_are_refused(phase):
    with pytest.raises(WorkshopError) as caught:
        check_phase(phase)
    assert caught.value.code == "invalid"
