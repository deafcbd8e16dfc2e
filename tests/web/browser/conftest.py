"""A real Marsad server on a temporary SQLite database, and Debian's Chromium driven by Playwright.

The database is prepared like `marsad demo` (areas, indicators, units, the sample observations,
demo users) plus one read document waiting for review; the server is Django's runserver in a
subprocess, so these tests never flush the test database the other tests share.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
REPO = Path(__file__).resolve().parents[3]
ARTIFACTS = REPO / "test-artifacts"

PREPARE = r"""
from pathlib import Path
from marsad.cli.setup import initialise
initialise(verbose=False)
from marsad.accounts.demo import create_demo_users, demo_commune
from marsad.observations.transfer import import_file
sample = Path(%(repo)r) / "examples" / "sample_observations.csv"
if sample.exists():
    import_file(sample)
create_demo_users()
from marsad.areas.models import Area
from marsad.documents.models import Document, Proposal
text = "Trong 9 tháng năm 2025, thu ngân sách nhà nước trên địa bàn tỉnh Bắc Ninh ước đạt 5.800 tỷ đồng."
doc = Document.objects.create(title="Báo cáo 9 tháng", language="vi", area=Area.objects.get(code="VN-24"),
                              period="2025-9M", text=text)
start = text.index("5.800")
Proposal.objects.create(document=doc, kind="fact", indicator="budget_revenue", area_code="VN-24-07210",
    period="2025-9M", measure="level", value=5800, unit="billion VND", qualifier="exact",
    span_start=start, span_end=start + len("5.800 tỷ đồng"), evidence="5.800 tỷ đồng")
print("document", doc.pk, "commune", demo_commune().code)
# The steering tests: a resolution of Bac Ninh, and the ids their forms choose from.
import datetime
from marsad.directives.models import Organisation
from marsad.indicators.models import Indicator
resolution = Document.objects.create(title="Nghị quyết về kế hoạch phát triển kinh tế - xã hội năm 2025",
    kind="resolution", number="25/NQ-HĐND", language="vi", area=Area.objects.get(code="VN-24"),
    date=datetime.date(2024, 12, 10), text="Nghị quyết: tốc độ tăng trưởng GRDP năm 2025 đạt 10,5%% trở lên.")
ids = {"resolution": resolution.pk}
ids.update({c: Indicator.objects.get(code=c).pk for c in ("grdp", "exports", "product_taxes")})
ids.update({c: Organisation.objects.get(code=c).pk for c in ("VN-24-CONS", "VN-24-AGRI", "VN-24-MOIT")})
print("ids", *[f"{k} {v}" for k, v in ids.items()])
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def running_server(data: Path, prepare: str):
    """Prepare a private SQLite database in ``data`` with the Python code ``prepare`` and serve
    it with Django's runserver on a free port; yield (base url, what ``prepare`` printed)."""
    # `make test` installs Debian's Chromium; a missing browser is a failure, not a skip.
    assert os.path.exists(CHROMIUM), f"{CHROMIUM} is missing (apt-get install -y chromium)"
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DATABASE_URL",)  # always a private SQLite file, never the shared database
    }
    env.update(
        MARSAD_DATA_DIR=str(data),
        DJANGO_SETTINGS_MODULE="marsad.web.settings",
        MARSAD_DEBUG="0",
        PYTHONUNBUFFERED="1",
    )
    prepared = subprocess.run(
        [sys.executable, "-c", prepare],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert prepared.returncode == 0, prepared.stderr[-3000:]
    port = _free_port()
    log = open(data / "server.log", "w")
    process = subprocess.Popen(
        [sys.executable, "-m", "django", "runserver", "--noreload", "--nothreading", f"127.0.0.1:{port}"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    # The background worker beside the server, as `marsad serve` starts one: web imports and
    # document readings are jobs.
    worker = subprocess.Popen(
        [sys.executable, "-m", "marsad.cli.main", "worker", "--poll", "0.2", "--exit-with-parent"],
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if process.poll() is not None:
                    break
                time.sleep(0.2)
        else:
            pytest.fail("the server did not start: " + (data / "server.log").read_text()[-2000:])
        if process.poll() is not None:
            pytest.fail("the server stopped: " + (data / "server.log").read_text()[-2000:])
        yield f"http://127.0.0.1:{port}", prepared.stdout
    finally:
        for child in (worker, process):
            child.terminate()
            child.wait(timeout=10)
        log.close()


def printed_ids(output: str) -> dict[str, int]:
    """The ``ids name value name value ...`` line a prepare script printed."""
    line = next(line for line in output.splitlines() if line.startswith("ids "))
    tokens = line.split()[1:]
    return {k: int(v) for k, v in zip(tokens[::2], tokens[1::2], strict=True)}


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    data = tmp_path_factory.mktemp("marsad-browser")
    with running_server(data, PREPARE % {"repo": str(REPO)}) as (url, output):
        info = output.split()
        yield {
            "url": url,
            "document": int(info[info.index("document") + 1]),
            "commune": info[info.index("commune") + 1],
            "ids": printed_ids(output),
        }


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(
            executable_path=CHROMIUM,
            args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def sign_in(browser, server):
    """A fresh browser context signed in as a demo user, through the sign-in form."""
    contexts = []

    def sign_in(username: str, password: str | None = None):
        context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="ar")
        contexts.append(context)
        page = context.new_page()
        page.goto(server["url"] + "/accounts/login/")
        page.fill("#id_username", username)
        page.fill("#id_password", password or f"marsad-{username}")
        page.click("form button[type=submit]")
        page.wait_for_url(lambda url: "/accounts/login/" not in url)
        return page

    yield sign_in
    for context in contexts:
        context.close()
