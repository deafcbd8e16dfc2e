"""Django settings, read from the environment.

MARSAD_DATA_DIR   where the embedded SQLite database and uploads live (default ./data)
DATABASE_URL      use this database instead (postgres://user@127.0.0.1:5432/marsad)
MARSAD_SECRET_KEY secret for sessions and CSRF (a development key is used when unset)
MARSAD_DEBUG      1 to show Django's debug pages
MARSAD_ALLOWED_HOSTS  comma-separated host names (default: localhost names)
MARSAD_EMAIL_BACKEND / EMAIL_HOST / EMAIL_PORT ...  reminders' mail (console by default)
"""

from __future__ import annotations

import os
import warnings
from pathlib import Path

import dj_database_url

from marsad.core import languages

PACKAGE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(os.environ.get("MARSAD_DATA_DIR", Path.cwd() / "data")).resolve()

DEBUG = os.environ.get("MARSAD_DEBUG", "") == "1"
SECRET_KEY = os.environ.get("MARSAD_SECRET_KEY", "marsad-development-key-not-for-production-use-0123456789")
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
    "marsad.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
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
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets the web app read while an import writes; the timeout rides out short locks.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

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

DATA_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 20 * 1024 * 1024

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("MARSAD_LOG_LEVEL", "WARNING")},
}

# STATIC_ROOT is only filled by an optional collectstatic; WhiteNoise serves from the finders.
warnings.filterwarnings("ignore", message="No directory at: ", category=UserWarning)
