"""Background jobs: long imports and document readings run outside the request.

A :class:`~marsad.jobs.models.Job` row is the queue (no broker: SQLite and PostgreSQL alike);
``marsad serve`` starts a worker process beside the web server, ``marsad worker`` runs one on its
own. See :mod:`marsad.jobs.worker` and :mod:`marsad.jobs.tasks`.
"""
