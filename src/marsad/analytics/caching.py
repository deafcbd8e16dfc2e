"""Computed figures in the cache, each computed once: the one way the analytics service and the
pages keep what they computed.

Keys carry the data versions the value was computed from, so a write is seen on the next
request (a new version is a new key) and nothing is ever invalidated. What this module adds is
*once*: when many requests miss the same key together (fifty users opening the same dashboard
after a write, or after a server start), one of them computes it and the others wait for its
result, instead of each computing it. The lock is a cache entry added only if absent
(``cache.add``: SET NX in Redis, atomic within a process for the local memory cache), so it
works across server processes when the cache is shared (MARSAD_CACHE_URL) and within one when
it is not. A lock whose holder died expires after ``LOCK_SECONDS``; a waiter that outlasts
``WAIT_SECONDS`` computes the value itself rather than fail the request.
"""

from __future__ import annotations

import gc
import hashlib
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

from django.core.cache import cache

CACHE_SECONDS = 600
# Longer than the slowest computation: every province's figures at 12 M rows take ~24 s of CPU,
# which at a fifth of a core (a machine at load 20) is about two minutes of wall time; a waiter
# that gave up sooner would compute the same figures again.
LOCK_SECONDS = 300
WAIT_SECONDS = 280
_MISSING = object()
# The layout of the cached objects, as the cache's key version: a new number when a cached class
# changes shape (2: Route and ChildLevel became named tuples; 3: Figure and Fact pickle as their
# fields, a FactBase as its catalogue and facts), so that a server never unpickles objects
# another version of the code stored under the same data versions.
FORMAT = 3


_pause = threading.Lock()
_computing = 0  # computations under way in this process (threads, nested calls)
_resume = False  # whether the last one to end turns the collector on again


@contextmanager
def collection_paused() -> Iterator[None]:
    """Python's cycle collector paused while figures are computed. A computation makes objects
    by the hundred thousand that live on (facts, figures, their routes), and each time the
    number of live objects grows by a quarter the collector walks every object of the process
    again: about 45% of the CPU of every province's figures. They form no cycles that would
    need it; it runs again when the last computation of the process ends."""
    global _computing, _resume
    with _pause:
        if _computing == 0:
            _resume = gc.isenabled()  # off already (a test, a caller's choice): left off
            gc.disable()
        _computing += 1
    try:
        yield
    finally:
        with _pause:
            _computing -= 1
            if _computing == 0 and _resume:
                gc.enable()


def _lock_key(keys: Iterable[str]) -> str:
    joined = "\n".join(sorted(keys))
    return "marsad:computing:" + hashlib.blake2b(joined.encode(), digest_size=16).hexdigest()


def cached(key: str, compute: Callable[[], Any], timeout: int = CACHE_SECONDS) -> Any:
    """The value under ``key``, else ``compute()``'s, computed once however many ask at once."""
    return cached_many([key], lambda _missing: {key: compute()}, timeout)[key]


def cached_many(
    keys: list[str], compute_missing: Callable[[list[str]], dict[str, Any]], timeout: int = CACHE_SECONDS
) -> dict[str, Any]:
    """The values of ``keys``: those in the cache, and the missing ones from
    ``compute_missing(missing_keys) -> {key: value}``, computed by one caller at a time (the
    others wait for the values it stores)."""
    found = cache.get_many(keys, version=FORMAT)
    missing = [k for k in keys if k not in found]
    if not missing:
        return found
    lock = _lock_key(missing)
    held = cache.add(lock, 1, LOCK_SECONDS, version=FORMAT)
    if not held:
        found.update(_wait_for(missing, lock))
        missing = [k for k in keys if k not in found]
        if not missing:
            return found
        held = cache.add(lock, 1, LOCK_SECONDS, version=FORMAT)  # the other failed or is too slow: compute
    stored = False
    try:
        with collection_paused():
            computed = compute_missing(missing)
        values = {k: computed[k] for k in missing}
        # the shared cache stores them and releases the lock in one round trip (web/cache.py)
        store_releasing = getattr(cache, "set_many_releasing", None)
        if held and store_releasing is not None:
            store_releasing(values, timeout, version=FORMAT, release=[lock])
            stored = True
        else:
            cache.set_many(values, timeout, version=FORMAT)
    finally:
        if held and not stored:
            cache.delete(lock, version=FORMAT)
    found.update(computed)
    return found


def _wait_for(keys: list[str], lock: str) -> dict[str, Any]:
    """Poll until the lock's holder has stored ``keys`` (or released the lock without them)."""
    deadline = time.monotonic() + WAIT_SECONDS
    pause = 0.02
    while time.monotonic() < deadline:
        time.sleep(pause)
        pause = min(pause * 1.5, 0.25)
        found = cache.get_many(keys, version=FORMAT)
        if len(found) == len(keys):
            return found
        if cache.get(lock, _MISSING, version=FORMAT) is _MISSING:  # released: stored, or failed
            return cache.get_many(keys, version=FORMAT)
    return {}


class Recent:
    """The last few values this process computed or read back, by their full keys: a page asks
    for one area's figures several times (its cards, its targets ...) and the next page often
    for the same year's, and each read from a shared cache was a copy unpickled again (a
    commune's figures, ~20 ms). A key carries the versions the value was computed from, so an
    entry is never stale; the oldest go first (a province's figures are some megabytes)."""

    SIZE = 8

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._values: OrderedDict[str, Any] = OrderedDict()

    def get_many(self, keys) -> dict[str, Any]:
        with self._lock:
            found = {k: self._values[k] for k in keys if k in self._values}
            for k in found:
                self._values.move_to_end(k)
        return found

    def put(self, values: dict[str, Any]) -> None:
        if len(values) > self.SIZE:  # many areas at once (every province): their own entries
            return
        with self._lock:
            self._values.update(values)
            for k in values:
                self._values.move_to_end(k)
            while len(self._values) > self.SIZE:
                self._values.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._values.clear()


recent = Recent()


def clear() -> None:
    """Empty the cache and this process's recent values (a test, a cold measurement)."""
    cache.clear()
    recent.clear()
