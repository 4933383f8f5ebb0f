"""A reconnect storm (issue 14): 200 phones that joined and named values, a SIGKILL, a restart,
and every phone back at once, while another user's `/healthz` keeps being answered.

The two time bounds are the issue's own acceptance criteria (all back within 30 s, `/healthz`
within 1 s throughout); they are generous for 200 phones, and the worst figures are printed
(`pytest -s`) for the report. bench/reconnect_storm.py runs the same storm at 1,000 phones.
"""

import asyncio
import gc
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from tests.server import storm

pytestmark = [
    pytest.mark.server,
    # the killed server's sockets are left to the collector (see test_faults.py)
    pytest.mark.filterwarnings("ignore::ResourceWarning"),
    pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning"),
]

PHONES = 200
ALL_BACK_WITHIN_S = 30.0
HEALTHZ_WITHIN_S = 1.0


def _run(coroutine):
    """asyncio.run in a thread of its own: in the whole suite Playwright's sync API keeps an
    event loop running in the main thread (its session fixtures outlive the browser tests),
    and asyncio.run refuses to start inside a running loop."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def test_two_hundred_phones_come_back_at_once_and_the_server_keeps_answering(server):
    workshop = requests.post(f"{server.url}/api/workshops", json={"title": "Regiodag"},
                             timeout=5).json()
    facilitate = {"workshop_id": workshop["id"], "token": workshop["facilitator_token"]}

    async def before():
        facilitator = await storm.connect(server.url)
        assert (await facilitator.call("facilitate", facilitate))["ok"]
        phones = await storm.join_phones(server.url, workshop["code"], PHONES, facilitator)
        return facilitator, phones

    _facilitator, phones = _run(before())
    server.restart()  # SIGKILL, then a fresh process on the same port and SQLite file

    async def come_back():
        with storm.HealthProbe(server.url) as probe:
            await asyncio.sleep(0.5)  # the probe's first answers: the server at rest
            result = await storm.reconnect_all(server.url, workshop["code"], phones,
                                               ALL_BACK_WITHIN_S)
            healthz = probe.stop()
        leader = await storm.connect(server.url)
        assert (await leader.call("facilitate", facilitate))["ok"]
        heard = await storm.everyone_hears(leader, phones)
        await storm.hang_up([leader] + [phone.client for phone in phones])
        return result, healthz, heard

    result, healthz, heard = _run(come_back())
    gc.collect()
    print(f"\nstorm of {PHONES}: all back in {max(result.back_s):.2f} s, worst /healthz "
          f"{max(healthz):.3f} s over {len(healthz)} probes, {result.connect_retries} retried "
          "connections")
    assert result.failures == []
    assert len(result.back_s) == PHONES
    assert result.wrong_values == 0  # every phone got exactly its acknowledged values back
    assert heard == PHONES  # and all of them are connected at once afterwards
    assert max(result.back_s) < ALL_BACK_WITHIN_S
    assert max(healthz) < HEALTHZ_WITHIN_S
