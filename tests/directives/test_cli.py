"""`marsad directives load-document | delegate` and `marsad remind` from the command line."""

from __future__ import annotations

import pytest
from django.core import mail
from typer.testing import CliRunner

from marsad.cli.main import app
from marsad.directives.models import Directive
from marsad.documents.models import Document, Proposal

pytestmark = pytest.mark.django_db
runner = CliRunner()


def test_load_document_then_delegate(bac_ninh, units):
    doc = Document.objects.create(title="9M", language="ar", text="...", area=bac_ninh, period="2025-9M")
    Proposal.objects.create(
        document=doc,
        kind="directive",
        text="تفويض مهام محددة إلى مستوى البلدية",
        span_start=0,
        span_end=3,
        evidence="...",
    )
    loaded = runner.invoke(app, ["directives", "load-document", str(doc.pk), "--lead-unit", "VN-24-PC"])
    assert loaded.exit_code == 0, loaded.output
    assert "1 directives tracked" in loaded.output and "no deadline stated" in loaded.output
    directive = Directive.objects.get(document=doc)
    assert directive.period == "2025Q4" and directive.lead_unit.code == "VN-24-PC"
    assert directive.deadline is None
    delegated = runner.invoke(
        app, ["directives", "delegate", str(directive.pk), "--to-communes-of", "Bac Ninh"]
    )
    assert delegated.exit_code == 0, delegated.output
    assert "99 commune assignments" in delegated.output
    refused = runner.invoke(app, ["directives", "delegate", str(directive.pk), "--to-communes-of", "Hanoi"])
    assert refused.exit_code == 2 and "outside" in refused.output
    missing = runner.invoke(app, ["directives", "load-document", "999999"])
    assert missing.exit_code != 0


def test_remind_command(directive, units):
    finance = units["VN-24-FIN"]
    finance.email = "finance@bacninh.example"
    finance.save()
    dry = runner.invoke(app, ["remind", "--dry-run", "--today", "2025-12-28"])
    assert dry.exit_code == 0, dry.output
    assert "finance@bacninh.example" in dry.output and mail.outbox == []
    sent = runner.invoke(app, ["remind", "--today", "2025-12-28"])
    assert sent.exit_code == 0 and len(mail.outbox) == 1
    assert mail.outbox[0].to == ["finance@bacninh.example"]
    assert "31 ديسمبر 2025" in mail.outbox[0].body  # the deadline in the reader's date style
