"""Pages for documents: upload or paste a report, read it with each figure highlighted, and
accept, correct or reject what the reader found."""

from __future__ import annotations

from pathlib import Path

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from marsad.accounts import scopes
from marsad.audit.fields import LANGUAGE_NAMES
from marsad.core import measures
from marsad.core.languages import LANGS
from marsad.core.numbers import NumberError, as_decimal, read_number
from marsad.indicators.models import Indicator
from marsad.observations.messages import number_error_message, write_error_text
from marsad.observations.writing import WriteError

from . import ingest
from .models import Document, Proposal

READERS = ("administrator", "planner", "department")


def visible_documents(user):
    return Document.objects.restrict(user)


def _may_review(user, proposal: Proposal) -> bool:
    """Deciding on a figure writes data, so it needs capture rights on the figure's area."""
    return _may_upload(user) and scopes.permits(user, proposal, scopes.CHANGE)


def _may_upload(user) -> bool:
    profile = scopes.profile_of(user)
    return scopes.is_admin(user) or bool(profile and profile.role in READERS)


@login_required
def document_list(request):
    qs = (
        visible_documents(request.user)
        .order_by("-created_at", "-id")
        .select_related("area")
        .annotate(
            pending=Count("proposals", filter=Q(proposals__decision=Proposal.Decision.PENDING)),
            total=Count("proposals"),
        )
    )
    page = Paginator(qs, 30).get_page(request.GET.get("page"))
    return render(request, "documents/list.html", {"page": page, "may_upload": _may_upload(request.user)})


@login_required
def upload(request):
    if not _may_upload(request.user):
        raise PermissionDenied(_("Your role may not add documents."))
    context = {"doc_languages": [(code, LANGUAGE_NAMES[code]) for code, _name in Document.Language.choices]}
    if request.method == "POST":
        file = request.FILES.get("file")
        file_name = Path(file.name).name if file is not None else ""
        lang = request.POST.get("lang") or None
        area = request.POST.get("area") or None
        title = request.POST.get("title", "").strip()
        source_url = request.POST.get("source_url", "").strip()
        try:
            text = ingest.read_text_file(file.read()) if file is not None else request.POST.get("text", "")
            text = text.replace("\r\n", "\n").strip()
            # Refused at once (cheap); the reading itself runs as a background job.
            ingest.check_input(
                text=text, title=title, source_url=source_url, file_name=file_name, lang=lang, area=area
            )
        except ingest.InputError as exc:
            context["error"] = str(exc)
            context["values"] = request.POST
            return render(request, "documents/upload.html", context, status=422)
        from marsad.jobs import files, tasks, worker

        token = files.store("text.txt", [text.encode("utf-8")])
        params = {
            "token": token,
            "title": title,
            "doc_lang": lang,
            "area": area,
            "source_url": source_url,
            "file_name": file_name,
        }
        job = worker.enqueue(tasks.INGEST_DOCUMENT, params, request.user)
        return redirect("jobs:detail", job.pk)
    return render(request, "documents/upload.html", context)


def _segments(text: str, proposals: list[Proposal]) -> list[dict]:
    """The text cut into plain runs and highlighted spans (overlapping spans: the first wins)."""
    out, pos = [], 0
    for p in sorted(proposals, key=lambda p: (p.span_start, -p.span_end)):
        start, end = max(p.span_start, 0), min(p.span_end, len(text))
        if start < pos or end <= start:
            continue
        if start > pos:
            out.append({"text": text[pos:start]})
        out.append({"text": text[start:end], "proposal": p})
        pos = end
    if pos < len(text):
        out.append({"text": text[pos:]})
    return out


def _indicator_names() -> dict[str, str]:
    return {i.code: i.name() for i in Indicator.objects.all()}


def _document_for(user, pk: int) -> Document:
    doc = get_object_or_404(Document.objects.select_related("area"), pk=pk)
    if not visible_documents(user).filter(pk=doc.pk).exists():
        raise PermissionDenied(_("You may not open this document."))
    return doc


@login_required
def detail(request, pk: int):
    doc = _document_for(request.user, pk)
    proposals = list(doc.proposals.select_related("observation", "target", "decided_by"))
    written = doc.language or "ar"
    for p in proposals:
        p.may_review = p.decision == Proposal.Decision.PENDING and _may_review(request.user, p)
        if p.kind not in (Proposal.Kind.FACT, Proposal.Kind.TARGET):
            # The other two languages, each with the reviewer's translation so far.
            p.may_translate = p.decision != Proposal.Decision.REJECTED and _may_review(request.user, p)
            p.other_languages = [
                (code, name, (p.translations or {}).get(code, ""))
                for code, name in Document.Language.choices
                if code != written
            ]
    figures = [p for p in proposals if p.kind in (Proposal.Kind.FACT, Proposal.Kind.TARGET)]
    others = [p for p in proposals if p.kind not in (Proposal.Kind.FACT, Proposal.Kind.TARGET)]
    context = {
        "doc": doc,
        "segments": _segments(doc.text, proposals),
        "figures": figures,
        "others": others,
        "indicators": Indicator.objects.all(),
        "indicator_names": _indicator_names(),
        "measures": measures.MEASURES,
        "qualifiers": measures.QUALIFIERS,
        "rtl_text": doc.language == "ar",
    }
    return render(request, "documents/detail.html", context)


TRANSLATION_MAX = 10_000


@login_required
def translate(request, pk: int):
    """Save a reviewer's translations of a directive, difficulty or recommendation read from the
    document (and of what was already tracked from it)."""
    if request.method != "POST":
        return redirect("documents:list")
    proposal = get_object_or_404(Proposal.objects.select_related("document", "document__area"), pk=pk)
    _document_for(request.user, proposal.document_id)
    if proposal.kind in (Proposal.Kind.FACT, Proposal.Kind.TARGET) or not _may_review(request.user, proposal):
        raise PermissionDenied(_("You may not translate this item."))
    given = {lang: request.POST.get(f"text_{lang}", "") for lang in LANGS}
    if any(len(v) > TRANSLATION_MAX for v in given.values()):
        messages.error(request, _("A translation is at most %(n)s characters.") % {"n": TRANSLATION_MAX})
    else:
        from marsad.directives.loading import translate_proposal

        translate_proposal(proposal, given, request.user)
        messages.success(request, _("Translations saved."))
    return redirect(reverse("documents:detail", args=[proposal.document_id]) + f"#proposal-{proposal.pk}")


@login_required
def decide(request, pk: int):
    """Accept (with corrections when given) or reject one proposal; htmx gets the row back."""
    if request.method != "POST":
        return redirect("documents:list")
    proposal = get_object_or_404(Proposal.objects.select_related("document", "document__area"), pk=pk)
    _document_for(request.user, proposal.document_id)
    if not _may_review(request.user, proposal):
        raise PermissionDenied(_("You may not decide on figures of this area."))
    # The corrected figure is checked again as it will be written (ingest.accept).
    action = request.POST.get("action")
    error = None
    try:
        if action == "reject":
            ingest.reject(proposal, request.user)
        elif action in ("accept", "correct"):
            corrections = None
            if action == "correct":
                corrections = {k: request.POST.get(k, "").strip() for k in ingest.CORRECTABLE}
                value_text = corrections.pop("value")
                corrections = {
                    k: v for k, v in corrections.items() if v != "" and str(getattr(proposal, k)) != v
                }
                if value_text:
                    try:
                        value = read_number(value_text, get_language() or "ar")
                    except NumberError as exc:
                        raise ingest.ReviewError(number_error_message(exc)) from exc
                    if proposal.value is None or value != as_decimal(proposal.value):
                        corrections["value"] = value
            ingest.accept(proposal, request.user, corrections=corrections or None)
        else:
            error = _("Unknown action.")
    except ingest.ReviewError as exc:
        error = str(exc)
    except WriteError as exc:
        error = write_error_text(exc)
    proposal.refresh_from_db()
    proposal.may_review = proposal.decision == Proposal.Decision.PENDING and _may_review(
        request.user, proposal
    )
    if request.htmx:
        context = {
            "p": proposal,
            "indicator_names": _indicator_names(),
            "error": error,
            "indicators": Indicator.objects.all(),
            "measures": measures.MEASURES,
            "qualifiers": measures.QUALIFIERS,
        }
        return render(request, "documents/_proposal_row.html", context, status=422 if error else 200)
    if error:
        messages.error(request, error)
    else:
        messages.success(
            request, _("Decision recorded: %(decision)s.") % {"decision": proposal.get_decision_display()}
        )
    return redirect("documents:detail", proposal.document_id)
