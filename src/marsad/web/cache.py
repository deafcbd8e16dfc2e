"""The shared cache (MARSAD_CACHE_URL): Django's Redis backend, with one client per connection
pool and the values of ``set_many`` written without a transaction.

Django's client makes a new ``redis.Redis`` for every operation, and each copies the library's
170 response callbacks into a new dictionary: a cold national rollup makes eight operations
(about 0.3 ms of CPU apiece on a busy server, as much as its Redis round trips), a page a few
more. A ``redis.Redis`` is safe to share between threads (each command takes a connection from
the pool) and across a fork (the pool starts anew in the child), so one per pool serves every
operation of a process.

``set_many`` was MSET then one EXPIRE per key inside MULTI/EXEC: a cached value is read only under
its own key, never with the others as a set, so each key is written with its expiry (SET EX) in
one pipeline, without the transaction.
"""

from __future__ import annotations

from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from django.core.cache.backends.redis import RedisCacheClient


class _Client(RedisCacheClient):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client

    def set_many(self, data, timeout):
        if timeout == 0:  # Django's meaning: expired at once
            self.delete_many(list(data))
            return
        pipeline = self.get_client(None, write=True).pipeline(transaction=False)
        for key, value in data.items():
            pipeline.set(key, self._serializer.dumps(value), ex=timeout)
        pipeline.execute()


class RedisCache(DjangoRedisCache):
    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = _Client
