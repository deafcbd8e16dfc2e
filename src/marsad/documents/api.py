"""API: read a text (extract), ingest documents, and decide on what was read (review queue)."""

from datetime import date, datetime
from typing import Any, Literal

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, Path, Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from marsad.accounts import scopes
from marsad.core import measures, periods
from marsad.core.extract import extract
from marsad.web.apikit import (
    ERRORS,
    MAX_ID,
    Body,
    Pagination,
    clean_text,
)

from .ingest import FILE_NAME_MAX, SOURCE_URL_MAX, SOURCE_URL_PATTERN, TEXT_PATTERN, TITLE_MAX
from .models import Document, Proposal

router = Router(tags=["documents"])

Lang = Literal["ar", "vi", "en"]


class ExtractIn(Body):
    text: str = Field(..., min_length=1, max_length=settings.MARSAD_MAX_TEXT_CHARS, pattern=TEXT_PATTERN)
    lang: Lang | None = Field(None, description="detected when absent")
    area: str | None = Field(None, max_length=120, description="the area the text is about, any language")
    year: int | None = Field(None, ge=1900, le=2999, description="the year of the text's periods")


class DocumentIn(ExtractIn):
    title: str = Field("", max_length=TITLE_MAX)
    source_url: str = Field("", max_length=SOURCE_URL_MAX, pattern=f"({SOURCE_URL_PATTERN})|^$")
    file_name: str = Field("", max_length=FILE_NAME_MAX)


@router.post(
    "/documents/extract",
    response={200: dict[str, Any], **ERRORS},
    summary="Read a text: figures, targets, directives and difficulties with their spans",
    description="Nothing is stored. The answer is the `marsad extract` JSON contract.",
)
def extract_text(request, payload: ExtractIn):
    return extract(
        clean_text(payload.text), lang=payload.lang, area=clean_text(payload.area) or None, year=payload.year
    ).to_json()


class DocumentOut(Schema):
    id: int
    title: str
    kind: str
    number: str
    issuer: str
    language: str
    date: date | None
    area: str | None = Field(None, alias="area__code")
    period: str
    source_url: str
    file_name: str
    sha256: str
    created_at: datetime
    pending: int = 0


DOCUMENT_VALUES = (
    "id",
    "title",
    "kind",
    "number",
    "issuer",
    "language",
    "date",
    "area__code",
    "period",
    "source_url",
    "file_name",
    "sha256",
    "created_at",
)


class IngestOut(Schema):
    document: DocumentOut
    created: bool
    proposals: int


def _document_for(user, doc_id: int) -> Document:
    document = get_object_or_404(Document.objects.select_related("area"), pk=doc_id)
    scopes.require(user, document, scopes.VIEW, _("This document is outside your scope."))
    return document


def _document_out(document_id: int) -> dict:
    return Document.objects.filter(pk=document_id).values(*DOCUMENT_VALUES).get()


@router.post(
    "/documents",
    response={200: IngestOut, 201: IngestOut, **ERRORS},
    summary="Ingest a text: store it and queue what was read for review",
    description="The same text twice is one document (200 the second time).",
)
def ingest_document(request, payload: DocumentIn):
    user = request.auth
    if not scopes.areas(user, scopes.CHANGE).exists():
        raise HttpError(403, _("Your role does not allow entering data."))
    from .ingest import ingest_text

    result = ingest_text(
        clean_text(payload.text),
        title=clean_text(payload.title),
        lang=payload.lang,
        area=clean_text(payload.area) or None,
        year=payload.year,
        source_url=clean_text(payload.source_url),
        file_name=clean_text(payload.file_name),
        user=user,
    )
    document = result.document
    body = {"document": _document_out(document.pk), "created": result.created, "proposals": result.proposals}
    return Status(201 if result.created else 200, body)


@router.get("/documents", response={200: list[DocumentOut], **ERRORS}, summary="List documents")
@paginate(Pagination)
def list_documents(request):
    return Document.objects.restrict(request.auth).order_by("-created_at", "-id").values(*DOCUMENT_VALUES)


class DocumentDetail(DocumentOut):
    text: str


@router.get(
    "/documents/{doc_id}", response={200: DocumentDetail, **ERRORS}, summary="One document with its text"
)
def get_document(request, doc_id: int = Path(..., ge=1, le=MAX_ID)):
    document = _document_for(request.auth, doc_id)
    return {**_document_out(document.pk), "text": document.text}


class ProposalOut(Schema):
    id: int
    kind: str
    indicator: str
    area_code: str
    period: str
    measure: str
    value: float | None
    unit: str
    qualifier: str
    text: str
    span_start: int
    span_end: int
    evidence: str
    decision: str
    decided_by: str | None = Field(None, alias="decided_by__username")
    decided_at: datetime | None
    observation: int | None = Field(None, alias="observation_id")
    target: int | None = Field(None, alias="target_id")


PROPOSAL_VALUES = tuple(
    {"decided_by": "decided_by__username", "observation": "observation_id", "target": "target_id"}.get(f, f)
    for f in ProposalOut.model_fields
)


@router.get(
    "/documents/{doc_id}/proposals",
    response={200: list[ProposalOut], **ERRORS},
    summary="What was read from a document, with the review decisions",
)
def document_proposals(
    request, doc_id: int = Path(..., ge=1, le=MAX_ID), decision: Proposal.Decision | None = None
):
    document = _document_for(request.auth, doc_id)
    qs = document.proposals.all()
    if decision:
        qs = qs.filter(decision=decision)
    return list(qs.order_by("span_start", "id").values(*PROPOSAL_VALUES))


class AcceptIn(Body):
    indicator: str | None = Field(None, max_length=64)
    area_code: str | None = Field(None, max_length=24)
    period: str | None = Field(None, pattern=periods.CODE_PATTERN)
    measure: Literal[measures.MEASURES] | None = None  # type: ignore[valid-type]
    value: float | None = Field(None, allow_inf_nan=False, ge=-1e15, le=1e15)
    unit: str | None = Field(None, max_length=40)
    qualifier: Literal[measures.QUALIFIERS] | None = None  # type: ignore[valid-type]
    status: Literal[measures.STATUSES] | None = None  # type: ignore[valid-type]


def _proposal_for_decision(user, proposal_id: int) -> Proposal:
    """The proposal, readable by the user (the decision itself checks the final area)."""
    proposal = get_object_or_404(Proposal.objects.select_related("document__area"), pk=proposal_id)
    _document_for(user, proposal.document_id)
    if not scopes.areas(user, scopes.CHANGE).exists():
        raise HttpError(403, _("Your role does not allow entering data."))
    return proposal


@router.post(
    "/proposals/{proposal_id}/accept",
    response={200: ProposalOut, **ERRORS},
    summary="Accept (optionally corrected) a figure or target into the data",
)
def accept_proposal(request, payload: AcceptIn, proposal_id: int = Path(..., ge=1, le=MAX_ID)):
    from .ingest import ReviewError, accept

    corrections = {
        k: clean_text(v) if isinstance(v, str) else v for k, v in payload.dict().items() if k != "status"
    }
    if corrections.get("area_code"):
        corrections["area_code"] = corrections["area_code"].upper()
    proposal = _proposal_for_decision(request.auth, proposal_id)
    try:
        accept(proposal, request.auth, corrections=corrections, status=payload.status)
    except ReviewError as exc:
        raise HttpError(422, str(exc)) from exc
    return Proposal.objects.filter(pk=proposal.pk).values(*PROPOSAL_VALUES).get()


@router.post(
    "/proposals/{proposal_id}/reject",
    response={200: ProposalOut, **ERRORS},
    summary="Reject an item read from a document",
)
def reject_proposal(request, proposal_id: int = Path(..., ge=1, le=MAX_ID)):
    from .ingest import ReviewError, reject

    proposal = _proposal_for_decision(request.auth, proposal_id)
    try:
        reject(proposal, request.auth)
    except ReviewError as exc:
        raise HttpError(422, str(exc)) from exc
    return Proposal.objects.filter(pk=proposal.pk).values(*PROPOSAL_VALUES).get()
