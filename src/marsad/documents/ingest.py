"""Reading a document into the review queue, and deciding on what was read.

``ingest_text`` stores the Document and one Proposal per extracted fact, target, directive,
difficulty and recommendation. ``accept`` turns a fact into an Observation (or a target into a
Target) whose provenance is the document span; ``reject`` keeps the decision and writes nothing.

``user`` is the person acting (a page or API call): every object is checked against their area
scope as it will be written (``scopes.require``), after corrections. ``user=None`` is the
command line, run by whoever administers the machine.
"""

from __future__ import annotations

import codecs
import math
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from marsad.accounts import scopes
from marsad.areas.models import Area
from marsad.audit.changes import record_changes, snapshot
from marsad.core import measures, periods
from marsad.indicators.models import Indicator
from marsad.observations.models import Observation
from marsad.observations.writing import ANY_REVISION, Provenance, record_observation
from marsad.targets.models import Target

from .models import Document, Proposal

QUALITATIVE = {
    "directives": Proposal.Kind.DIRECTIVE,
    "difficulties": Proposal.Kind.DIFFICULTY,
    "recommendations": Proposal.Kind.RECOMMENDATION,
}


class ReviewError(ValueError):
    """A decision that cannot be taken (already decided, missing area, bad correction)."""


class InputError(ValueError):
    """A document that cannot be stored as given (encoding, NUL, length, address); the message
    is in the reader's language."""


TITLE_MAX = Document._meta.get_field("title").max_length
SOURCE_URL_MAX = Document._meta.get_field("source_url").max_length
FILE_NAME_MAX = Document._meta.get_field("file_name").max_length
# A source address: http:// or https:// and no space or control character (it is shown as a
# link); a text: some character besides those. Written with explicit ranges, not \s, which
# Python and JSON Schema (the API documents both patterns) read differently.
SOURCE_URL_PATTERN = r"^https?://[^\x00-\x20\x7f-\x9f]+$"
TEXT_PATTERN = r"[^\x00-\x20\x7f-\x9f]"


def read_text_file(raw: bytes) -> str:
    """The text of an uploaded file: UTF-8 (with or without BOM) or UTF-16 with its BOM.
    Anything else (UTF-16 without BOM, a legacy code page, a binary file) is refused."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = None
        if text is not None and "\x00" not in text:
            return text
    raise InputError(
        _(
            "The file is not UTF-8 text (it may be UTF-16 without a byte-order mark, or a binary "
            "file). Save it as plain text in UTF-8 (.txt) and try again."
        )
    )


def check_input(
    *,
    text: str,
    title: str = "",
    source_url: str = "",
    file_name: str = "",
    lang=None,
    area: str | None = None,
) -> None:
    """Refuse what the database would refuse or should not hold, before it sees it: NUL
    characters, over-long fields, a bad address, an unknown language, an empty or too large text."""
    from django.conf import settings

    for label, value in (
        (_("title"), title),
        (_("text"), text),
        (_("source address"), source_url),
        (_("file name"), file_name),
        (_("area"), area),
    ):
        if "\x00" in (value or ""):
            raise InputError(
                _("The %(field)s contains a NUL character (\\0); remove it and try again.") % {"field": label}
            )
    for label, value, limit in (
        (_("title"), title, TITLE_MAX),
        (_("source address"), source_url, SOURCE_URL_MAX),
        (_("file name"), file_name, FILE_NAME_MAX),
    ):
        if len(value or "") > limit:
            raise InputError(
                _("The %(field)s is too long: %(n)d characters, at most %(max)d.")
                % {"field": label, "n": len(value), "max": limit}
            )
    if not re.search(TEXT_PATTERN, text or ""):
        raise InputError(_("Paste the report's text or choose a text file."))
    if len(text) > settings.MARSAD_MAX_TEXT_CHARS:
        raise InputError(
            _("The text is too long: %(n)s characters, at most %(max)s.")
            % {"n": f"{len(text):,}", "max": f"{settings.MARSAD_MAX_TEXT_CHARS:,}"}
        )
    if source_url and not re.fullmatch(SOURCE_URL_PATTERN, source_url):
        raise InputError(_("The source address is not a web address (http:// or https://)."))
    if lang and lang not in Document.Language.values:
        raise InputError(_("Unknown language %(lang)s.") % {"lang": lang})


def _require(user, obj, action=scopes.CHANGE, message: str | None = None) -> None:
    if user is not None:
        scopes.require(user, obj, action, message)


@dataclass
class IngestResult:
    document: Document
    created: bool
    proposals: int


def ingest_text(
    text: str,
    *,
    title: str = "",
    lang: str | None = None,
    area: str | None = None,
    year: int | None = None,
    source_url: str = "",
    file_name: str = "",
    user=None,
) -> IngestResult:
    """Store a document and what the reader finds in it; the same text twice is one document.

    Raises InputError for text or fields that cannot be stored (see :func:`check_input`)."""
    from marsad.core.extract import extract

    check_input(text=text, title=title, source_url=source_url, file_name=file_name, lang=lang, area=area)

    existing = Document.objects.filter(sha256=Document.digest(text)).first()
    if existing is not None:
        _require(user, existing, scopes.VIEW)
        return IngestResult(existing, False, existing.proposals.count())
    extraction = extract(text, lang=lang, area=area, year=year).to_json()
    meta = extraction.get("document") or {}
    doc_area = None
    area_info = meta.get("area") or {}
    if area_info.get("code"):
        doc_area = Area.objects.filter(code=area_info["code"]).first()
    document = Document(
        title=title or file_name or (text.strip().splitlines()[0][:120] if text.strip() else "untitled"),
        language=meta.get("language") or lang or "ar",
        area=doc_area,
        period=meta.get("reporting_period") or "",
        source_url=source_url or (meta.get("source_url") or ""),
        file_name=file_name,
        text=text,
        created_by=user,
    )
    _require(user, document)
    with transaction.atomic():
        document.save()
        record_changes(
            [(document, "create", None, snapshot(document, DOCUMENT_AUDITED))], user=user, source="document"
        )
        proposals = [_proposal(document, Proposal.Kind.FACT, f) for f in extraction.get("facts", [])]
        proposals += [_proposal(document, Proposal.Kind.TARGET, t) for t in extraction.get("targets", [])]
        for key, kind in QUALITATIVE.items():
            proposals += [_proposal(document, kind, item) for item in extraction.get(key, [])]
        Proposal.objects.bulk_create(proposals)
    return IngestResult(document, True, len(proposals))


def _finite(value):
    """A figure too large for a float (a 310-digit number read as inf) is no value to propose."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value):
        return value
    return None


def _proposal(document: Document, kind: str, item: dict) -> Proposal:
    evidence = item.get("evidence") or {}
    area = item.get("area") or {}
    return Proposal(
        document=document,
        kind=kind,
        indicator=item.get("indicator") or "",
        area_code=(area.get("code") if isinstance(area, dict) else "") or "",
        period=item.get("period") or "",
        measure=item.get("measure") or "",
        value=_finite(item.get("value")),
        unit=item.get("unit") or "",
        qualifier=item.get("qualifier") or "",
        text=item.get("text") or "",
        span_start=int(evidence.get("start", 0)),
        span_end=int(evidence.get("end", 0)),
        evidence=evidence.get("text") or "",
    )


CORRECTABLE = ("indicator", "area_code", "period", "measure", "value", "unit", "qualifier")


DOCUMENT_AUDITED = ("title", "kind", "language", "area", "period", "source_url", "file_name", "sha256")
PROPOSAL_AUDITED = (*CORRECTABLE, "decision", "decided_by", "observation", "target")


def _decided(proposal: Proposal, before: dict, user) -> None:
    """The decision (and its corrections) in the change log."""
    record_changes(
        [(proposal, "update", before, snapshot(proposal, PROPOSAL_AUDITED))],
        user=user,
        source=f"review of document {proposal.document_id}",
    )


@transaction.atomic
def accept(proposal: Proposal, user=None, corrections: dict | None = None, status: str | None = None):
    """Accept a fact or target (with optional corrections) into the data; return what was written."""
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    before = snapshot(proposal, PROPOSAL_AUDITED)
    if proposal.decision != Proposal.Decision.PENDING:
        raise ReviewError(f"this item was already {proposal.get_decision_display()}")
    corrections = {k: v for k, v in (corrections or {}).items() if k in CORRECTABLE and v not in (None, "")}
    for key, value in corrections.items():
        setattr(proposal, key, value)
    _require(user, proposal)
    written = None
    if proposal.kind == Proposal.Kind.FACT:
        written = _write_observation(proposal, user, status)
        proposal.observation = written
    elif proposal.kind == Proposal.Kind.TARGET:
        written = _write_target(proposal, user)
        proposal.target = written
    proposal.decision = Proposal.Decision.CORRECTED if corrections else Proposal.Decision.ACCEPTED
    proposal.decided_by, proposal.decided_at = user, timezone.now()
    proposal.save()
    _decided(proposal, before, user)
    return written


@transaction.atomic
def reject(proposal: Proposal, user=None) -> None:
    proposal = Proposal.objects.select_for_update().get(pk=proposal.pk)
    if proposal.decision != Proposal.Decision.PENDING:
        raise ReviewError(f"this item was already {proposal.get_decision_display()}")
    _require(user, proposal)
    before = snapshot(proposal, PROPOSAL_AUDITED)
    proposal.decision = Proposal.Decision.REJECTED
    proposal.decided_by, proposal.decided_at = user, timezone.now()
    proposal.save()
    _decided(proposal, before, user)


def _area_for(proposal: Proposal) -> Area:
    code = proposal.area_code or (proposal.document.area.code if proposal.document.area_id else "")
    area = Area.objects.filter(code=code).first() if code else None
    if area is None:
        raise ReviewError("the area is not known: correct the area before accepting")
    return area


def _indicator_for(proposal: Proposal) -> Indicator:
    indicator = Indicator.objects.filter(code=proposal.indicator).first()
    if indicator is None:
        raise ReviewError(f"unknown indicator {proposal.indicator!r}")
    return indicator


def _write_observation(proposal: Proposal, user, status: str | None) -> Observation:
    """Through the one write path: the final area (after corrections) is the one scope-checked."""
    if proposal.value is None:
        raise ReviewError("the value is missing")
    qualifier = proposal.qualifier if proposal.qualifier in measures.QUALIFIERS else "exact"
    # A figure the text calls an estimate is stored with the estimate status.
    status = status or ("estimate" if qualifier == "estimate" else "official")
    written = record_observation(
        user,
        area=_area_for(proposal),
        indicator=proposal.indicator,
        period=proposal.period,
        measure=proposal.measure,
        status=status,
        value=proposal.value,
        unit=proposal.unit or "",
        qualifier=qualifier,
        based_on=ANY_REVISION,
        provenance=Provenance(
            source=Observation.Source.DOCUMENT,
            via="review",
            document_id=proposal.document_id,
            span_start=proposal.span_start,
            span_end=proposal.span_end,
        ),
    )
    return written.observation


def _write_target(proposal: Proposal, user) -> Target:
    """Set (or change) the target the document states, through the one planning path."""
    from django.core.exceptions import PermissionDenied

    from marsad.targets import planning

    try:
        year = periods.parse(proposal.period).year
    except periods.PeriodError:
        raise ReviewError(periods.error_message(proposal.period, get_language())) from None
    if proposal.measure not in Target.Measure.values:
        raise ReviewError(f"a target's measure is one of {', '.join(Target.Measure.values)}")
    area, indicator = _area_for(proposal), _indicator_for(proposal)
    direction = (
        proposal.qualifier if proposal.qualifier in Target.Direction.values else Target.Direction.AT_LEAST
    )
    source = f"document {proposal.document_id} [{proposal.span_start}:{proposal.span_end}]"
    existing = Target.objects.filter(
        area=area, indicator=indicator, year=year, measure=proposal.measure, basis=Target.Basis.PLAN
    ).first()
    try:
        if existing is not None:
            return planning.edit_target(
                existing,
                revision=existing.revision,
                user=user,
                source=source,
                value=float(proposal.value),
                qualifier=direction,
                unit=proposal.unit,
                document=proposal.document,
                note=proposal.evidence,
            )
        return planning.set_target(
            area=area,
            indicator=indicator,
            year=year,
            measure=proposal.measure,
            value=float(proposal.value),
            direction=direction,
            unit=proposal.unit,
            document=proposal.document,
            note=proposal.evidence,
            span=(proposal.span_start, proposal.span_end),
            user=user,
            source=source,
        )
    except (PermissionDenied, ValidationError) as exc:
        raise ReviewError("; ".join(getattr(exc, "messages", None) or [str(exc)])) from exc


def accept_all(document: Document, user=None) -> dict[str, int]:
    """Accept every pending fact and target whose area is known; report what happened."""
    counts = {"accepted": 0, "skipped": 0}
    for proposal in document.proposals.filter(
        decision=Proposal.Decision.PENDING, kind__in=[Proposal.Kind.FACT, Proposal.Kind.TARGET]
    ):
        try:
            accept(proposal, user)
            counts["accepted"] += 1
        except ReviewError:
            counts["skipped"] += 1
    return counts
