"""Exact values end to end: typed in the grid in each language, exported, imported, read by the API."""

from __future__ import annotations

import io
from decimal import Decimal

import pytest

from marsad.core.numbers import format_exact

pytestmark = pytest.mark.django_db

VALUES = ("123456.789", "4600.625", "0.1", "29232.75")


@pytest.mark.parametrize("lang, fmt", [("vi", "csv"), ("ar", "xlsx"), ("en", "json")])
def test_exact_values_survive_grid_export_import_and_api(client_for, communes, demo_users, lang, fmt):
    import re

    from marsad.accounts.tokens import create_token
    from marsad.indicators.models import Indicator
    from marsad.observations.models import Observation
    from marsad.observations.transfer import export_rows, import_file, write_export

    mine, _ = communes
    client = client_for("commune")
    client.cookies["django_language"] = lang
    url = f"/observations/entry/?area={mine.code}&period=2024Q4&status=official"
    html = client.get(url).content.decode()
    form = {"area": mine.code, "period": "2024Q4", "status": "official"}
    form.update(re.findall(r'name="([orv]__[a-z_]+__[a-z_]+)"[^>]*?value="([^"]*)"', html, re.S))
    money = set(Indicator.objects.filter(unit__endswith="VND").values_list("code", flat=True))
    cells = sorted(
        k for k in form if k.startswith("v__") and k.endswith("__level") and k.split("__")[1] in money
    )
    cells = cells[: len(VALUES)]
    typed = {cell: format_exact(Decimal(text), lang) for cell, text in zip(cells, VALUES, strict=True)}
    saved = client.post("/observations/entry/", {**form, **typed})
    assert saved.status_code == 302, re.findall(r"class=\"error[^>]*>([^<]*)", saved.content.decode())

    # The grid shows what was typed, exactly, in the reader's way of writing numbers.
    shown = client.get(url).content.decode()
    for cell, text in typed.items():
        assert re.search(rf'name="{cell}"[^>]*?value="{re.escape(text)}"', shown, re.S), (cell, text)
    codes = {cell.split("__")[1]: text for cell, text in zip(cells, VALUES, strict=True)}
    stored = Observation.objects.filter(area=mine, period="2024Q4", indicator__code__in=codes)
    assert {o.indicator.code: o.value for o in stored} == {c: Decimal(t) for c, t in codes.items()}

    # Export, empty the table, import the export back.
    out = io.BytesIO()
    write_export(export_rows(stored), fmt, out)
    stored.delete()
    out.seek(0)
    assert import_file(out, f"round-trip.{fmt}").created == len(VALUES)

    # The API serves the same numbers.
    token = create_token(demo_users["commune"], "round trip")
    response = client.get(
        "/api/observations",
        {"area": mine.code, "period": "2024Q4", "measure": "level"},
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 200, response.content
    served = {o["indicator"]: repr(o["value"]) for o in response.json()["items"] if o["indicator"] in codes}
    assert served == codes
