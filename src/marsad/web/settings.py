"""Django settings, read from the environment.

MARSAD_DATA_DIR   where the embedded SQLite database and uploads live (default ./data)
DATABASE_URL      use this database instead (postgres://user@127.0.0.1:5432/marsad)
MARSAD_SECRET_KEY secret for sessions and CSRF (else <data dir>/secret_key, written by
                  `marsad init`; else a development key, which `marsad serve` refuses without --dev)
MARSAD_DEBUG      1 to show Django's debug pages
MARSAD_ALLOWED_HOSTS  comma-separated host names (default: localhost names)
MARSAD_EMAIL_BACKEND / EMAIL_HOST / EMAIL_PORT ...  reminders' mail (console by default)
MARSAD_PROXY_SSL_HEADER  0 to stop trusting X-Forwarded-Proto (default: trusted, so that behind
                  an HTTPS proxy cookies are Secure and HSTS is sent; a proxy must set or strip it)
MARSAD_HSTS_SECONDS  HSTS max-age sent on HTTPS answers (default one year; 0 disables)
MARSAD_MAX_UPLOAD_MB  largest uploaded file (default 25)
MARSAD_MAX_TEXT_CHARS largest document text, pasted or uploaded (default 2,000,000 characters)
MARSAD_MAX_QUERY_CHARS longest query string (default 4096; longer answers 414 with a message)
MARSAD_DB_STATEMENT_TIMEOUT / MARSAD_DB_LOCK_TIMEOUT / MARSAD_DB_IDLE_TIMEOUT  PostgreSQL limits in
                  seconds (default none / 15 / 60; `marsad serve` sets 60 s statements for the web
                  and 1800 s for the job worker)
MARSAD_SQLITE_BUSY_TIMEOUT  seconds a SQLite write waits for another (default 15)
MARSAD_LOGIN_FAILURES / MARSAD_LOGIN_LOCKOUT_MINUTES  wrong passwords allowed per account and per
                  address within the lockout window (default 5 / 15)
MARSAD_CACHE_URL  redis://127.0.0.1:6379/2: the computed figures in Redis, shared by every server
                  process (default: each process its own memory; see README "At national scale")
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import dj_database_url

from marsad.core import languages
from marsad.web import secret_key

PACKAGE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("MARSAD_DATA_DIR", Path.cwd() / "data")).resolve()

DEBUG = os.environ.get("MARSAD_DEBUG", "") == "1"
SECRET_KEY = secret_key.read(DATA_DIR)
ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get("MARSAD_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1],testserver").split(",")
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "ninja",  # serves Swagger UI from its own static files, not a CDN
    "marsad.audit",
    "marsad.areas",
    "marsad.indicators",
    "marsad.observations",
    "marsad.targets",
    "marsad.documents",
    "marsad.directives",
    "marsad.reports",
    "marsad.accounts",
    "marsad.jobs",
    "marsad.analytics",
    "marsad.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "marsad.web.security.HeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # After the language and the user are known (its refusals are pages in the reader's
    # language), before any view reads the body (CSRF's check does).
    "marsad.web.security.LimitsMiddleware",
    "marsad.web.formatting.ReaderDigitsMiddleware",  # the reader's digits, for the whole request
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "marsad.web.urls"
WSGI_APPLICATION = "marsad.web.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [Path(__file__).resolve().parent / "templates"],  # first, so admin/ templates here win
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

_default_sqlite = f"sqlite:///{DATA_DIR / 'marsad.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(os.environ.get("DATABASE_URL") or _default_sqlite, conn_max_age=60)
}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # No orphan holds locks: a statement that runs too long, a lock waited for too long and a
    # transaction left idle are ended by the server, and a client that vanished (kill -9 of an
    # import) is noticed within seconds even while its statement runs. The web server and the
    # job worker set MARSAD_DB_STATEMENT_TIMEOUT (seconds; 0: none) for their processes.
    _pg = {
        "statement_timeout": int(float(os.environ.get("MARSAD_DB_STATEMENT_TIMEOUT", "0")) * 1000),
        "lock_timeout": int(float(os.environ.get("MARSAD_DB_LOCK_TIMEOUT", "15")) * 1000),
        "idle_in_transaction_session_timeout": int(
            float(os.environ.get("MARSAD_DB_IDLE_TIMEOUT", "60")) * 1000
        ),
        "client_connection_check_interval": 2000,
        # JIT compiles a plan's expressions when its estimated cost is high: about 1 s of a page's
        # 2.7 s on the 12 M set, for queries that then run in a fraction of that. Off.
        "jit": "off",
    }
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = " ".join(
        f"-c {k}={v}" for k, v in _pg.items()
    )
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets the web app read while an import writes; the busy timeout rides out short locks
    # (below gunicorn's 30 s worker timeout; a longer wait answers 503 "busy, nothing written").
    DATABASES["default"]["OPTIONS"] = {
        "timeout": float(os.environ.get("MARSAD_SQLITE_BUSY_TIMEOUT", "15")),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Computed figures are cached under data versions (marsad.analytics.caching). By default each
# process keeps its own (a laptop, the demo: nothing to install); with several server processes
# at national scale one Redis serves them all, so each figure is computed once, not per process.
_cache_url = os.environ.get("MARSAD_CACHE_URL", "").strip()
if _cache_url:
    # Django's Redis backend, with one client per process (marsad/web/cache.py)
    CACHES = {"default": {"BACKEND": "marsad.web.cache.RedisCache", "LOCATION": _cache_url}}
    # Every page reads the session: from the shared cache, the database only on a miss. Not with
    # each process's own memory, where a sign-out in one process would leave the others a copy.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "marsad"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# Arabic first; Vietnamese and English on request.
LANGUAGE_CODE = languages.DEFAULT
LANGUAGES = [(code, languages.NAMES[code]) for code in languages.LANGS]
LANGUAGES_BIDI = sorted(languages.RTL)
LOCALE_PATHS = [languages.LOCALE_DIR]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Ho_Chi_Minh"

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = DATA_DIR / "media"
WHITENOISE_USE_FINDERS = True  # serve straight from installed packages, no collectstatic step
WHITENOISE_AUTOREFRESH = DEBUG

EMAIL_BACKEND = os.environ.get("MARSAD_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "1"
DEFAULT_FROM_EMAIL = os.environ.get("MARSAD_FROM_EMAIL", "marsad@localhost")

# Directives whose deadline is this many days away count as "due soon".
MARSAD_DUE_SOON_DAYS = int(os.environ.get("MARSAD_DUE_SOON_DAYS", "7"))

# Limits (marsad.web.security refuses what exceeds them with a message in the reader's language).
MARSAD_MAX_UPLOAD_BYTES = int(float(os.environ.get("MARSAD_MAX_UPLOAD_MB", "25")) * 1024 * 1024)
MARSAD_MAX_TEXT_CHARS = int(os.environ.get("MARSAD_MAX_TEXT_CHARS", "2000000"))
MARSAD_MAX_QUERY_CHARS = int(os.environ.get("MARSAD_MAX_QUERY_CHARS", "4096"))
# Form fields and JSON bodies (not files): a document's text in UTF-8 takes up to 4 bytes a character.
DATA_UPLOAD_MAX_MEMORY_SIZE = MARSAD_MAX_TEXT_CHARS * 4 + 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# HTTPS (behind a proxy): cookies are marked Secure on HTTPS requests (marsad.web.security),
# HSTS is sent on HTTPS answers only, so plain HTTP on a laptop keeps working.
if os.environ.get("MARSAD_PROXY_SSL_HEADER", "1") != "0":
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("MARSAD_HSTS_SECONDS", str(365 * 86400)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = False
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True  # the pages put the token in the form and htmx header, not read from JS
CSRF_COOKIE_SAMESITE = "Lax"
X_FRAME_OPTIONS = "DENY"

# Background jobs (marsad.jobs): run at once in the request when 1 (tests, a single-process setup).
MARSAD_JOBS_EAGER = os.environ.get("MARSAD_JOBS_EAGER", "") == "1"

# Login throttling (marsad.accounts.throttle): per account and per address.
MARSAD_LOGIN_FAILURES = int(os.environ.get("MARSAD_LOGIN_FAILURES", "5"))
MARSAD_LOGIN_LOCKOUT_MINUTES = float(os.environ.get("MARSAD_LOGIN_LOCKOUT_MINUTES", "15"))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("MARSAD_LOG_LEVEL", "WARNING")},
}

# STATIC_ROOT is only filled by an optional collectstatic; WhiteNoise serves from the finders.
warnings.filterwarnings("ignore", message="No directory at: ", category=UserWarning)
