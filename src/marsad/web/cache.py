"""The shared cache (MARSAD_CACHE_URL): Django's Redis backend, with one client per connection
pool and the values of ``set_many`` written without a transaction.

Django's client makes a new ``redis.Redis`` for every operation, and each copies the library's
170 response callbacks into a new dictionary: a cold national rollup makes eight operations
(about 0.3 ms of CPU apiece on a busy server, as much as its Redis round trips), a page a few
more. A ``redis.Redis`` is safe to share between threads (each command takes a connection from
the pool) and across a fork (the pool starts anew in the child), so one per pool serves every
operation of a process.

``set_many`` was MSET then one EXPIRE per key inside MULTI/EXEC: 35 commands for a cold national
rollup (its 34 provinces' levels and the nation's figures), which redis-py packs one by one
(about 70 us of CPU apiece at load 5). It is one command: a script that sets each key with its
expiry (SET EX), given the keys and values as its arguments.
"""

from __future__ import annotations

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class _Client(RedisCacheClient):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}
        self._set_many: dict[int, object] = {}  # the script of set_many, per client

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client

    def set_many(self, data, timeout, release=()):
        """Set every key of ``data``, then delete the keys of ``release``: one command."""
        if not data and not release:
            return
        if timeout == 0:  # Django's meaning: expired at once
            self.delete_many([*data, *release])
            return
        client = self.get_client(None, write=True)
        script = self._set_many.get(id(client))
        if script is None:
            script = self._set_many[id(client)] = client.register_script(_SET_MANY)
        values = [self._serializer.dumps(v) for v in data.values()]
        script(keys=[*data, *release], args=[*values, 0 if timeout is None else timeout])


# Each key set to its value (ARGV in the same order) with the expiry in seconds of the last
# argument (0: none, as Django's timeout None); the keys past the values deleted.
_SET_MANY = """
local ttl = tonumber(ARGV[#ARGV])
local n = #ARGV - 1
for i = 1, n do
    if ttl > 0 then
        redis.call('SET', KEYS[i], ARGV[i], 'EX', ttl)
    else
        redis.call('SET', KEYS[i], ARGV[i])
    end
end
for i = n + 1, #KEYS do
    redis.call('DEL', KEYS[i])
end
return n
"""


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = _Client

    def set_many_releasing(self, data, timeout=DEFAULT_TIMEOUT, version=None, release=()) -> None:
        """``set_many``, and the keys of ``release`` deleted in the same command: a computed
        value stored and its lock (``analytics.caching``) released in one round trip."""
        key = self.make_and_validate_key
        self._cache.set_many(
            {key(k, version=version): v for k, v in data.items()},
            self.get_backend_timeout(timeout),
            release=[key(k, version=version) for k in release],
        )

    def validate_key(self, key) -> None:
        """No check: Django's warns of keys memcached would refuse (a regular expression per
        key, 35 keys a cold national call); Redis takes any."""
