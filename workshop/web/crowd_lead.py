"""Which of several processes sends a crowded workshop's room-wide broadcasts.

Behind a message queue every process used to build and send the values web, the phones'
compact web and the counts for each value it took in, and every process parsed the others'
copies again from Redis: at 1,000 phones on two processes each screen got each of these
twice, and the two servers spent about a third of their CPU on it (docs/BENCHMARKS.md, "fifth
round"). Now one process per crowded workshop sends them: the one holding the workshop's lease
in Redis. The others tell it what changed, in a notice through the message queue
(fanout.SlicedRedisManager.notify), and send nothing room-wide themselves.

A lease nobody renews (its process stopped, or the workshop went quiet) runs out after
LEASE_SECONDS. The next process with a change takes it and sends everything once, so what the
last holder missed goes out too. Where in doubt (Redis not answering, another green thread of
this process still asking) a process sends itself: a screen drops a duplicate, and cannot
notice a silence.
"""

import enum
import logging
import secrets
import time

import redis
from redis.exceptions import LockError, RedisError

log = logging.getLogger(__name__)

LEASE_SECONDS = 3.0
RENEW_SECONDS = 1.0  # the holder renews at most this often, while the workshop changes
FOLLOW_SECONDS = 1.0  # a process that found another holder asks again after this long


class Claim(enum.Enum):
    HELD = "held"  # this process sends, as it did
    TAKEN = "taken"  # this process sends from now on: everything once, then what changes
    OTHER = "other"  # another process sends: tell it what changed


class CrowdLead:
    """This process's side of the leases: asks Redis at most once a second per workshop."""

    def __init__(self, url: str, notify, clock=time.monotonic,
                 lease: float = LEASE_SECONDS, follow: float = FOLLOW_SECONDS):
        self.redis = redis.Redis.from_url(url)
        self.notify = notify  # hands a notice to the other processes
        self.clock = clock
        self.lease, self.follow = lease, follow
        self._token = secrets.token_hex(16)
        self._locks: dict[str, redis.lock.Lock] = {}
        self._renewed: dict[str, float] = {}  # workshop id -> when this process took or renewed
        self._others_until: dict[str, float] = {}  # workshop id -> when to ask again
        self._asking: set[str] = set()

    def claim(self, workshop_id: str) -> Claim:
        """Whether this process sends the workshop's room-wide broadcasts now."""
        now = self.clock()
        renewed = self._renewed.get(workshop_id)
        if renewed is not None and now - renewed < RENEW_SECONDS:
            return Claim.HELD
        if renewed is None and now < self._others_until.get(workshop_id, 0.0):
            return Claim.OTHER
        if workshop_id in self._asking:
            # another green thread waits for Redis: go by what it knew, and send if nothing
            return Claim.OTHER if workshop_id in self._others_until else Claim.HELD
        self._asking.add(workshop_id)
        try:
            return self._ask(workshop_id, renewed is not None, now)
        except RedisError as error:
            log.warning("crowd lease for a workshop unknown (%s): sending from here", error)
            return Claim.HELD
        finally:
            self._asking.discard(workshop_id)

    def _ask(self, workshop_id: str, holding: bool, now: float) -> Claim:
        lock = self._locks.get(workshop_id)
        if lock is None:
            lock = self._locks[workshop_id] = self.redis.lock(
                f"mentorkompas:crowd-lead:{workshop_id}", timeout=self.lease, blocking=False,
                thread_local=False)
        if holding:
            try:
                lock.reacquire()
                self._renewed[workshop_id] = now
                return Claim.HELD
            except LockError:  # it ran out, and perhaps another process took it
                del self._renewed[workshop_id]
        if lock.acquire(token=self._token):
            self._renewed[workshop_id] = now
            self._others_until.pop(workshop_id, None)
            log.info("this process now sends a crowded workshop's room-wide broadcasts")
            return Claim.TAKEN
        self._others_until[workshop_id] = now + self.follow
        return Claim.OTHER

    def tell(self, workshop_id: str, kinds: tuple[str, ...]) -> None:
        """Let the holder know that this process committed a change of these kinds."""
        self.notify({"workshop_id": workshop_id, "kinds": list(kinds)})
