"""From a read document to tracked directives, in one action.

The extractor's directive items (``{"text", "period", "evidence": {...}}``) wait in the
document's review queue as proposals; ``load_document`` turns each one not yet tracked into a
Directive of the period it is for, and records the document's difficulties and recommendations
beside them. The lead unit and the deadline are what the caller gives (``--lead``) — a report
that does not say them leaves them unknown, shown as "not stated", and the directive waits for
a planner to name its lead unit; no default is shown as a fact. Running it twice adds nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marsad.areas.models import Area
from marsad.core import periods
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
            ).first()
        indicator = target.indicator if target else Indicator.objects.filter(code=item.indicator).first()
        if target or indicator:
            directive.target, directive.indicator = target, indicator
            directive.save(source="target stated in the directive")
            return


@transaction.atomic
def translated_texts(proposal: Proposal, language: str) -> dict[str, str]:
    """The reviewer's translations of a qualitative item, as ``text_<lang>`` fields."""
    given = proposal.translations or {}
    return {
        f"text_{lang}": given[lang] for lang in ("ar", "vi", "en") if lang != language and given.get(lang)
    }


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
    # The reader does not (yet) find them in a report's text, so they stay unknown and the
    # pages show "not stated" until a planner names the lead unit.
    lead = lead_unit
    result = LoadResult(document)
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
            deadline=None,
            issued_on=document.date,
            period=_period_for(proposal, document),
            span_start=proposal.span_start,
            span_end=proposal.span_end,
            created_by=actor,
        )
        link_target(directive, proposal, document)
        result.directives.append(directive)
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
