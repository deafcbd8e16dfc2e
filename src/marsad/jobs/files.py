"""Files a job works on: stored under MEDIA_ROOT/jobs/<token>/ until the job is done with them."""

from __future__ import annotations

import shutil
import time
import uuid
from pathlib import Path

from django.conf import settings

MAX_AGE_SECONDS = 86400


def root() -> Path:
    return Path(settings.MEDIA_ROOT) / "jobs"


def store(name: str, chunks) -> str:
    """Write an upload's chunks (bytes) as ``name`` in a new folder; return the folder's token."""
    forget_old()
    token = str(uuid.uuid4())
    folder = root() / token
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / (Path(name).name or "upload"), "wb") as out:
        for chunk in chunks:
            out.write(chunk)
    return token


def stored(token: str) -> Path | None:
    """The file stored under ``token`` (None when unknown, expired or not a token)."""
    try:
        uuid.UUID(str(token))
    except (ValueError, TypeError):
        return None
    folder = root() / str(token)
    files = sorted(folder.iterdir()) if folder.is_dir() else []
    return files[0] if files else None


def forget(token: str) -> None:
    if stored(token) is not None:
        shutil.rmtree(root() / str(token), ignore_errors=True)


def forget_old(max_age: float = MAX_AGE_SECONDS) -> None:
    """Uploads never confirmed leave their file behind; drop those older than a day."""
    if not root().is_dir():
        return
    for folder in root().iterdir():
        if folder.is_dir() and time.time() - folder.stat().st_mtime > max_age:
            shutil.rmtree(folder, ignore_errors=True)
