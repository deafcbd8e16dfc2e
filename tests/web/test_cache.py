"""The shared cache's backend: one Redis client per connection pool, and set_many's values each
written with its expiry. The round trip needs a Redis server: MARSAD_TEST_REDIS_URL names one
(a database of its own: the test writes keys of its own and deletes them)."""

from __future__ import annotations

import os

import pytest

from marsad.web.cache import RedisCache


def _cache(url: str = "redis://127.0.0.1:6379/0") -> RedisCache:
    return RedisCache(url, {"KEY_PREFIX": "marsad-test-cache"})


def test_every_operation_of_a_process_shares_one_client():
    cache = _cache()
    client = cache._cache.get_client()
    assert cache._cache.get_client(write=True) is client  # one server: one pool for both
    assert cache._cache.get_client("a key") is client


@pytest.mark.skipif(not os.environ.get("MARSAD_TEST_REDIS_URL"), reason="no MARSAD_TEST_REDIS_URL")
def test_values_set_together_are_read_back_and_expire():
    cache = _cache(os.environ["MARSAD_TEST_REDIS_URL"])
    keys = {f"k{i}": {"value": i} for i in range(5)}
    try:
        cache.set_many(keys, timeout=60)
        assert cache.get_many(list(keys)) == keys
        client = cache._cache.get_client()
        ttls = [client.ttl(cache.make_key(k)) for k in keys]
        assert all(0 < t <= 60 for t in ttls)
        cache.set_many({"k0": "gone"}, timeout=0)
        assert cache.get("k0") is None
        cache.set_many({"k1": "kept"}, timeout=None)
        assert cache.get("k1") == "kept" and client.ttl(cache.make_key("k1")) == -1
        cache.add("lock", 1, 60)
        cache.set_many_releasing({"k2": "stored"}, 60, release=["lock"])
        assert cache.get("k2") == "stored" and cache.get("lock") is None
        assert 0 < client.ttl(cache.make_key("k2")) <= 60
    finally:
        cache.delete_many([*keys, "lock"])
