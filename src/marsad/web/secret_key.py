"""The secret key for sessions and CSRF: the environment's, else the data directory's file.

``marsad init`` writes a random key into ``<data dir>/secret_key`` (readable by its owner only);
the settings read it. Without either, the development key is used, and ``marsad serve`` refuses
to start with it unless told this is a demo (``--dev``).
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

DEV_KEY = "marsad-development-key-not-for-production-use-0123456789"
FILE_NAME = "secret_key"


def key_file(data_dir: Path) -> Path:
    return Path(data_dir) / FILE_NAME


def read(data_dir: Path) -> str:
    """The key in force: MARSAD_SECRET_KEY, else the data directory's file, else DEV_KEY."""
    key = os.environ.get("MARSAD_SECRET_KEY", "").strip()
    if key:
        return key
    path = key_file(data_dir)
    if path.is_file():
        key = path.read_text(encoding="ascii").strip()
        if key:
            return key
    return DEV_KEY


def ensure(data_dir: Path) -> Path | None:
    """Write a new random key file unless the environment or an existing file provides one;
    return the path written (None when nothing was written)."""
    if os.environ.get("MARSAD_SECRET_KEY", "").strip():
        return None
    path = key_file(data_dir)
    if path.is_file() and path.read_text(encoding="ascii").strip():
        return None
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as out:
        out.write(secrets.token_urlsafe(50) + "\n")
    return path
