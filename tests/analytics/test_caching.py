"""Computed once: many callers missing the same key together wait for one computation."""

from __future__ import annotations

import threading
import time

import pytest


@pytest.fixture(autouse=True)
def empty_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


def test_callers_missing_the_same_key_together_compute_it_once():
    from marsad.analytics.caching import cached

    calls = []
    start = threading.Barrier(8)

    def compute():
        calls.append(1)
        time.sleep(0.3)  # long enough for every other caller to miss the key meanwhile
        return {"value": 42}

    results = []

    def ask():
        start.wait()
        results.append(cached("test:once", compute))

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1
    assert results == [{"value": 42}] * 8


def test_the_missing_keys_of_a_batch_are_computed_and_the_found_ones_kept():
    from django.core.cache import cache

    from marsad.analytics.caching import FORMAT, cached_many

    cache.set("test:a", "kept", version=FORMAT)
    asked = []

    def compute(missing):
        asked.append(sorted(missing))
        return {k: k.upper() for k in missing}

    assert cached_many(["test:a", "test:b", "test:c"], compute) == {
        "test:a": "kept",
        "test:b": "TEST:B",
        "test:c": "TEST:C",
    }
    assert asked == [["test:b", "test:c"]]
    assert cached_many(["test:b", "test:c"], compute) == {"test:b": "TEST:B", "test:c": "TEST:C"}
    assert len(asked) == 1


def test_a_failed_computation_releases_its_lock_so_the_next_caller_computes():
    from django.core.cache import cache

    from marsad.analytics.caching import FORMAT, _lock_key, cached

    def fail():
        raise RuntimeError("database gone")

    with pytest.raises(RuntimeError):
        cached("test:fails", fail)
    assert cache.get(_lock_key(["test:fails"]), version=FORMAT) is None  # nobody is left waiting for it
    assert cached("test:fails", lambda: "fine") == "fine"


def test_a_value_of_none_is_cached_too():
    from marsad.analytics.caching import cached

    calls = []

    def compute():
        calls.append(1)

    assert cached("test:none", compute) is None
    assert cached("test:none", compute) is None
    assert len(calls) == 1


def test_objects_another_layout_stored_are_not_read():
    from django.core.cache import cache

    from marsad.analytics.caching import FORMAT, cached

    cache.set("test:layout", "stored by older code", version=FORMAT - 1)
    assert cached("test:layout", lambda: "computed") == "computed"


def test_the_cycle_collector_is_paused_while_computing_and_only_then():
    import gc

    from marsad.analytics.caching import cached, collection_paused

    seen = []

    def compute():
        seen.append(gc.isenabled())
        return cached("test:inner", lambda: seen.append(gc.isenabled()) or 1)

    assert gc.isenabled()
    assert cached("test:outer", compute) == 1
    assert seen == [False, False] and gc.isenabled()  # nested: on again when the outer ends
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()  # off before: left off
    finally:
        gc.enable()
