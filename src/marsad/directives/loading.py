"""From a read document to tracked directives, in one action.

The extractor's directive items (``{"text", "period", "evidence": {...}}``) wait in the
document's review queue as proposals; ``load_document`` turns each one not yet tracked into a
Directive of the period it is for, and records the document's difficulties and recommendations
beside them. The lead unit, the cooperating units and the deadline are what the report states of
each task (the reader's ``lead_unit``, ``cooperating_units``, ``deadline``), matched to the
area's units by name; else the lead unit the caller gives (``--lead-unit``); else unknown, shown
as "not stated", and the directive waits for a planner to name its lead unit — no default is
shown as a fact. The number of tasks the report announces ("12 tasks") is kept beside the number
read (``LoadResult.stated_count``), and the tasks it says are delegated to the communes are
listed for delegation, which stays a planner's action. Running it twice adds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marsad.areas.models import Area
from marsad.core import periods
from marsad.core.languages import LANGS
from marsad.documents.models import Document, Proposal

from .models import Difficulty, Directive, Organisation, Recommendation
from .tracking import create_directive


@dataclass
class LoadResult:
    document: Document
    directives: list[Directive] = field(default_factory=list)
    difficulties: int = 0
    recommendations: int = 0
    skipped: int = 0
    stated_count: int | None = None  # "12 tasks": how many the report says it sets
    to_delegate: list[Directive] = field(default_factory=list)  # the report says: to the communes
    unknown_units: list[str] = field(default_factory=list)  # named in the report, not among the units


def stated_details(document: Document) -> tuple[dict[tuple[int, int], dict], int | None]:
    """What the reader finds the document's text stating of each directive, by its span, and the
    number of tasks it announces."""
    from marsad.core.extract import extract

    year = None
    if document.period:
        try:
            year = periods.parse(document.period).year
        except periods.PeriodError:
            year = None
    extraction = extract(document.text or "", lang=document.language or None, year=year).to_json()
    by_span = {(d["evidence"]["start"], d["evidence"]["end"]): d for d in extraction.get("directives", [])}
    return by_span, extraction["document"].get("stated_counts", {}).get("directives")


def unit_named(written: str, area: Area | None) -> Organisation | None:
    """The one unit of ``area``'s province whose name (in any language) is ``written`` or starts
    with it ("Sở Tài chính" is "Sở Tài chính tỉnh Bắc Ninh"); None when none or several are."""
    written = " ".join((written or "").split()).casefold()
    if not written or area is None:
        return None
    province = area.province() or area
    found = [
        unit
        for unit in Organisation.objects.filter(area=province)
        if any(
            name and (name.casefold() == written or name.casefold().startswith(written + " "))
            for name in (unit.name_vi, unit.name_en, unit.name_ar)
        )
    ]
    return found[0] if len(found) == 1 else None


def _deadline(stated: str | None):
    """The last day of a stated deadline: an ISO date, or the end of a period ("by the end of Q2")."""
    if not stated:
        return None
    try:
        return date.fromisoformat(stated)
    except ValueError:
        pass
    try:
        return periods.parse(stated).end
    except periods.PeriodError:
        return None


def _period_for(proposal: Proposal, document: Document) -> str:
    if proposal.period:
        try:
            return periods.parse(proposal.period).code
        except periods.PeriodError:
            pass
    if document.period:
        return periods.next_period(document.period).code
    raise ValidationError(
        _("Directive %(n)s has no period and the document has none either; give the document a period.")
        % {"n": proposal.pk}
    )


def ensure_proposals(document: Document) -> None:
    """Read the document now if it never went through the reader (no qualitative proposals)."""
    if document.proposals.exists():
        return
    from marsad.core.extract import extract
    from marsad.documents.ingest import _proposal

    extraction = extract(document.text, lang=document.language or None).to_json()
    kinds = {
        "directives": Proposal.Kind.DIRECTIVE,
        "difficulties": Proposal.Kind.DIFFICULTY,
        "recommendations": Proposal.Kind.RECOMMENDATION,
    }
    Proposal.objects.bulk_create(
        [_proposal(document, kind, item) for key, kind in kinds.items() for item in extraction.get(key, [])]
    )


def link_target(directive: Directive, proposal: Proposal, document: Document) -> None:
    """Link the target (or indicator) the document states inside the directive's own span.

    "reach and exceed the double-digit growth target" carries the target grdp yoy_pct >= 10; the
    extractor reads that target from a span within the directive's sentence.
    """
    from marsad.indicators.models import Indicator
    from marsad.targets.models import Target

    overlapping = document.proposals.filter(
        kind=Proposal.Kind.TARGET, span_start__lt=proposal.span_end, span_end__gt=proposal.span_start
    ).order_by("span_start")
    for item in overlapping:
        target = item.target
        if target is None and item.indicator and item.period:
            try:
                year = periods.parse(item.period).year
            except periods.PeriodError:
                year = None
            target = Target.objects.filter(
                area=directive.area,
                indicator__code=item.indicator,
                year=year,
                measure=item.measure or "level",
                basis=Target.Basis.PLAN,
            ).first()
        indicator = target.indicator if target else Indicator.objects.filter(code=item.indicator).first()
        if target or indicator:
            directive.target, directive.indicator = target, indicator
            directive.save(source="target stated in the directive")
            return


def translated_texts(proposal: Proposal, language: str) -> dict[str, str]:
    """The reviewer's translations of a qualitative item, as ``text_<lang>`` fields."""
    given = proposal.translations or {}
    return {f"text_{lang}": given[lang] for lang in LANGS if lang != language and given.get(lang)}


def translate_proposal(proposal: Proposal, given: dict[str, str], user=None) -> int:
    """Keep a reviewer's translations of a qualitative item (``{"vi": ..., "en": ...}``; an
    empty text removes one) on its proposal, and on the directive, difficulty or recommendation
    already made from it, so that nothing typed in the review queue is lost. Returns how many
    tracked items were changed."""
    written = proposal.document.language or "ar"
    given = {lang: (given.get(lang) or "").strip() for lang in LANGS if lang != written}
    proposal.translations = {
        k: v for k, v in {**(proposal.translations or {}), **given}.items() if v and k != written
    }
    proposal.save(update_fields=["translations"])
    if proposal.kind == Proposal.Kind.DIRECTIVE:
        items = list(Directive.objects.filter(proposal=proposal))
    elif proposal.kind == Proposal.Kind.DIFFICULTY:
        items = list(Difficulty.objects.filter(document=proposal.document, span_start=proposal.span_start))
    elif proposal.kind == Proposal.Kind.RECOMMENDATION:
        text = proposal.text or proposal.evidence
        items = list(Recommendation.objects.filter(document=proposal.document, text=text))
    else:
        items = []
    actor = user if getattr(user, "pk", None) else None
    for item in items:
        for lang, text in given.items():
            setattr(item, f"text_{lang}", text)
        item.save(changed_by=actor, source=f"translation in the review queue (proposal {proposal.pk})")
    return len(items)


@transaction.atomic
def load_document(
    document: Document,
    *,
    area: Area | None = None,
    lead_unit: Organisation | None = None,
    user=None,
) -> LoadResult:
    """Track the document's extracted directives; record its difficulties and recommendations."""
    ensure_proposals(document)
    area = area or document.area
    if area is None:
        raise ValidationError(
            _("The document does not say which area it is about; give the area (e.g. --area 'Bac Ninh').")
        )
    # Who leads and by when are what the document says, or the caller knows: never made up.
    details, stated_count = stated_details(document)
    result = LoadResult(document, stated_count=stated_count)
    actor = user if getattr(user, "pk", None) else None
    now = timezone.now()
    items = document.proposals.filter(kind=Proposal.Kind.DIRECTIVE).order_by("span_start", "id")
    for position, proposal in enumerate(items, start=1):
        if (
            Directive.objects.filter(proposal=proposal).exists()
            or proposal.decision == Proposal.Decision.REJECTED
        ):
            result.skipped += 1
            continue
        said = details.get((proposal.span_start, proposal.span_end), {})
        stated_lead = said.get("lead_unit")
        lead = unit_named(stated_lead, area) if stated_lead else None
        if stated_lead and lead is None:
            result.unknown_units.append(stated_lead)
        lead = lead or lead_unit
        cooperating: list[Organisation] = []
        for written in said.get("cooperating_units") or []:
            unit = unit_named(written, area)
            if unit is None:
                result.unknown_units.append(written)
            elif unit != lead and unit not in cooperating:
                cooperating.append(unit)
        directive = create_directive(
            user=actor,
            document=document,
            proposal=proposal,
            number=str(position),
            text=proposal.text or proposal.evidence,
            language=document.language or "ar",
            **translated_texts(proposal, document.language or "ar"),
            area=area,
            lead_unit=lead,
            cooperating=cooperating,
            deadline=_deadline(said.get("deadline")),
            issued_on=document.date,
            period=_period_for(proposal, document),
            span_start=proposal.span_start,
            span_end=proposal.span_end,
            created_by=actor,
        )
        link_target(directive, proposal, document)
        result.directives.append(directive)
        if said.get("delegated_to_communes"):
            result.to_delegate.append(directive)
        proposal.decision = Proposal.Decision.ACCEPTED
        proposal.decided_by, proposal.decided_at = actor, now
        proposal.save(update_fields=["decision", "decided_by", "decided_at"])
    review_period = document.period or ""
    for proposal in document.proposals.filter(
        kind__in=(Proposal.Kind.DIFFICULTY, Proposal.Kind.RECOMMENDATION), decision=Proposal.Decision.PENDING
    ):
        text = proposal.text or proposal.evidence
        if proposal.kind == Proposal.Kind.DIFFICULTY:
            if not review_period:
                continue
            Difficulty.objects.create(
                area=area,
                period=review_period,
                text=text,
                language=document.language or "ar",
                **translated_texts(proposal, document.language or "ar"),
                document=document,
                span_start=proposal.span_start,
                span_end=proposal.span_end,
            )
            result.difficulties += 1
        else:
            Recommendation(
                area=area,
                document=document,
                period=review_period,
                topic=text[:200],
                text=text,
                language=document.language or "ar",
                **translated_texts(proposal, document.language or "ar"),
                date=document.date or timezone.localdate(),
                created_by=actor,
            ).save(changed_by=actor, source=f"document {document.pk}")
            result.recommendations += 1
        proposal.decision = Proposal.Decision.ACCEPTED
        proposal.decided_by, proposal.decided_at = actor, now
        proposal.save(update_fields=["decision", "decided_by", "decided_at"])
    return result


def load_document_directives(document: Document, **kwargs) -> LoadResult:
    """What ``marsad demo`` calls after ingesting a seed (same as :func:`load_document`)."""
    return load_document(document, **kwargs)
