"""The start-up check of the open-file limit against MAX_CONNECTIONS (workshop/web/serving.py)."""

import logging
import resource

import pytest

from workshop.web import serving


@pytest.fixture
def limits(monkeypatch):
    """A fake RLIMIT_NOFILE: [soft, hard], and whether raising it is refused."""
    state = {"limit": [1024, 4096], "refuse": False}

    def getrlimit(which):
        assert which == resource.RLIMIT_NOFILE
        return tuple(state["limit"])

    def setrlimit(which, value):
        if state["refuse"]:
            raise ValueError("not allowed")
        state["limit"] = list(value)

    monkeypatch.setattr(serving.resource, "getrlimit", getrlimit)
    monkeypatch.setattr(serving.resource, "setrlimit", setrlimit)
    return state


def test_the_soft_limit_is_raised_to_the_hard_limit(limits, caplog):
    assert serving.ensure_file_limit(2500) == 4096
    assert limits["limit"] == [4096, 4096]
    assert not caplog.records


def test_a_hard_limit_below_need_is_raised_as_far_as_it_goes_and_warned_about(limits, caplog):
    limits["limit"] = [256, 1024]
    with caplog.at_level(logging.WARNING):
        assert serving.ensure_file_limit(2500) == 1024
    assert limits["limit"] == [1024, 1024]
    assert "MAX_CONNECTIONS=2500" in caplog.text and "2564" in caplog.text


def test_a_refused_raise_is_warned_about(limits, caplog):
    limits["refuse"] = True
    with caplog.at_level(logging.WARNING):
        assert serving.ensure_file_limit(2500) == 1024
    assert "Could not raise" in caplog.text and "below the 2564" in caplog.text


def test_an_unlimited_hard_limit_raises_the_soft_limit_to_what_is_needed(limits, caplog):
    limits["limit"] = [1024, resource.RLIM_INFINITY]
    assert serving.ensure_file_limit(2500) == 2564
    assert not caplog.records
