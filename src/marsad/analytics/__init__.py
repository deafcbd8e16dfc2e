"""The analytics service: every figure a user sees, from the one engine (Django side).

Pages, the API, reports, the command line and the steering pages ask :mod:`.service`; it reads
the database (:mod:`.reading`) and hands plain data to the pure core's
``marsad.core.analytics.figures``.
"""
