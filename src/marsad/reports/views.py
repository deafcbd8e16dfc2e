"""The report page (the report in the app, in any of the three languages) and its downloads."""

from __future__ import annotations

from datetime import date
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from marsad.audit.fields import label_of
from marsad.core import periods
from marsad.core.languages import NAMES as LANG_NAMES
from marsad.core.narration import LANGS
from marsad.reports.labels import label

FORMAT_SUFFIX = {"pdf": "pdf", "docx": "docx", "html": "html"}


def _lang(request) -> str:
    wanted = request.GET.get("lang") or (get_language() or "en")[:2]
    return wanted if wanted in LANGS else "en"


def _eastern(request) -> bool:
    """The reader's preference for Eastern Arabic digits (their profile)."""
    profile = getattr(request.user, "profile", None) if request.user.is_authenticated else None
    return bool(getattr(profile, "eastern_digits", False))


def _labels(lang: str) -> dict[str, str]:
    from marsad.reports.labels import LABELS

    return {key: label(key, lang) for key in LABELS}


@login_required
def index(request):
    """Pick an area, a period and a language; the report opens on its own page."""
    from marsad.web.access import area_choices, home_area

    ui = (get_language() or "en")[:2]
    lang = _lang(request)
    error = None
    code, period = request.GET.get("area", "").strip(), request.GET.get("period", "").strip()
    if code or period:
        try:
            p = periods.parse(period)
        except periods.PeriodError:
            error = periods.error_message(period, ui)
        else:
            if not code:
                error = label("pick_area", ui)
            else:
                url = reverse("reports:page", args=[code, p.code])
                return redirect(f"{url}?lang={lang}")
    home = home_area(request.user)
    context = {
        "labels": _labels(ui),
        "areas": [(a.code, a.name(ui)) for a in area_choices(request.user, home)],
        "selected_area": code or (home.code if home else ""),
        "period": period,
        "langs": [(code_, LANG_NAMES[code_]) for code_ in LANGS],
        "lang": lang,
        "error": error,
    }
    return render(request, "reports/index.html", context)


def _as_of(request) -> tuple[date | None, str | None]:
    """The ?as_of=YYYY-MM-DD of the request, or None (the period's default), and an error."""
    value = request.GET.get("as_of", "").strip()
    if not value:
        return None, None
    try:
        return date.fromisoformat(value), None
    except ValueError:
        return None, label("bad_date", (get_language() or "en")[:2]).format(value=value)


def _number(request) -> str:
    return request.GET.get("number", "").strip()[:20]


def _data(request, code: str, period: str):
    from marsad.reports.data import report_data_for
    from marsad.web.access import viewable_area_or_403

    area = viewable_area_or_403(request.user, code)
    try:
        p = periods.parse(period)
    except periods.PeriodError as exc:
        raise Http404(exc.in_language(get_language())) from exc
    as_of, _error = _as_of(request)
    return area, report_data_for(area, p, as_of=as_of, number=_number(request))


@login_required
def page(request, code: str, period: str):
    from marsad.accounts import scopes
    from marsad.reports.render.html import render_fragment, report_css
    from marsad.reports.render.layout import build_layout

    lang = _lang(request)
    area, data = _data(request, code, period)
    as_of_error = _as_of(request)[1]
    layout = build_layout(data, lang, eastern_digits=_eastern(request))
    ui = (get_language() or "en")[:2]
    keep = {"as_of": data.as_of.isoformat() if data.as_of else "", "number": _number(request)}
    downloads = [
        (
            fmt.upper(),
            reverse("reports:download", args=[area.code, data.period, fmt])
            + "?"
            + urlencode({"lang": lang, **keep}),
        )
        for fmt in FORMAT_SUFFIX
    ]
    other_langs = [
        (
            LANG_NAMES[code_],
            reverse("reports:page", args=[area.code, data.period]) + "?" + urlencode({"lang": code_, **keep}),
            code_,
        )
        for code_ in LANGS
        if code_ != lang
    ]
    may_edit = scopes.can_capture(request.user, area)
    context = {
        "lang": lang,
        "as_of": keep["as_of"],
        "number": keep["number"],
        "as_of_error": as_of_error,
        "settings_url": reverse("reports:settings", args=[area.code]) if may_edit else "",
        "untranslated": untranslated_items(area, data.period, lang) if may_edit else [],
        "review_items": review_items(area, data.period) if may_edit else None,
        "item_languages": list(LANG_NAMES.items()),
        "labels": _labels(ui),
        "title": layout.title,
        # Built by render_fragment from escaped text and vl-convert's SVG.
        "report": mark_safe(render_fragment(layout, charts="svg")),  # noqa: S308
        "css": mark_safe(report_css(lang)),  # noqa: S308 - our own stylesheet
        "downloads": downloads,
        "other_langs": other_langs,
    }
    return render(request, "reports/page.html", context)


@login_required
def download(request, code: str, period: str, fmt: str):
    from marsad.reports.render import MEDIA_TYPES, render_report

    if fmt not in FORMAT_SUFFIX:
        raise Http404(fmt)
    lang = _lang(request)
    area, data = _data(request, code, period)
    content = render_report(data, lang, fmt, eastern_digits=_eastern(request))
    response = HttpResponse(content, content_type=MEDIA_TYPES[fmt])
    name = f"marsad-{area.code}-{data.period}-{lang}.{FORMAT_SUFFIX[fmt]}"
    disposition = "inline" if fmt == "html" else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{name}"'
    return response


# -- an area's document settings -----------------------------------------------------------


@login_required
def settings_page(request, code: str):
    """The letterhead and signature block of an area's reports, entered by its planning office."""
    from marsad.web.access import capturable_area_or_403

    from .forms import ReportSettingsForm
    from .models import ReportSettings

    area = capturable_area_or_403(request.user, code)
    ui = (get_language() or "en")[:2]
    instance = ReportSettings.objects.filter(area=area).first() or ReportSettings(area=area)
    form = ReportSettingsForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        saved.area, saved.updated_by = area, request.user
        saved.save()
        messages.success(request, label("saved", ui))
        return redirect("reports:settings", code=area.code)
    context = {"labels": _labels(ui), "area": area.name(ui), "form": form}
    return render(request, "reports/settings.html", context)


# -- translations of narrative items ----------------------------------------------------------

# kind -> (model path, fields translated)
TRANSLATABLE = {
    "directive": ("marsad.directives.models.Directive", ("text",)),
    "difficulty": ("marsad.directives.models.Difficulty", ("text", "cause")),
    "recommendation": ("marsad.directives.models.Recommendation", ("text",)),
    "conclusion": ("marsad.reports.models.Conclusion", ("text",)),
}


def _model(kind: str):
    from importlib import import_module

    if kind not in TRANSLATABLE:
        raise Http404(kind)
    module, _, name = TRANSLATABLE[kind][0].rpartition(".")
    return getattr(import_module(module), name)


def untranslated_items(area, period: str, lang: str) -> list[dict]:
    """The report's narrative items with no translation into ``lang``, with their edit links."""
    from django.db.models import Q

    p = periods.parse(period)
    wanted = {
        "directive": Q(area=area, period=periods.next_period(p).code, parent__isnull=True),
        "difficulty": Q(area=area, period=p.code),
        "recommendation": (Q(area=area) | Q(area__parent=area)) & Q(period=p.code),
        "conclusion": Q(area=area, period=p.code),
    }
    out = []
    for kind, q in wanted.items():
        for item in (
            _model(kind)
            .objects.filter(q)
            .exclude(language=lang)
            .filter(**{f"text_{lang}": ""})
            .order_by("pk")
        ):
            out.append(
                {
                    "kind": kind,
                    "text": item.text,
                    "lang": item.language,
                    "url": reverse("reports:translate", args=[kind, item.pk]),
                }
            )
    return out


@login_required
def translate(request, kind: str, pk: int):
    """A person's translation of a directive, difficulty, recommendation or conclusion."""
    from marsad.accounts import scopes

    from .forms import TranslationForm

    item = get_object_or_404(_model(kind), pk=pk)
    if not scopes.can_capture(request.user, item.area):
        raise PermissionDenied(label("translate", "en"))
    ui = (get_language() or "en")[:2]
    form = TranslationForm(request.POST or None, item=item, fields=TRANSLATABLE[kind][1])
    if request.method == "POST" and form.is_valid():
        form.save(request.user)
        messages.success(request, label("saved", ui))
        back = request.POST.get("next", "")
        return redirect(back if back.startswith("/") and not back.startswith("//") else request.path)
    context = {
        "labels": _labels(ui),
        "item": item,
        "kind": kind,
        "original": {label_of(type(item), f): getattr(item, f, "") for f in TRANSLATABLE[kind][1]},
        "original_dir": "rtl" if item.language == "ar" else "ltr",
        "form": form,
        "next": request.GET.get("next", ""),
    }
    return render(request, "reports/translate.html", context)


# -- what the meeting said: its conclusions, the causes of the difficulties ---------------------
TEXT_MAX = 10_000


def review_items(area, period: str) -> dict:
    """The period's conclusions and difficulties (with their causes), for the report page's forms."""
    from marsad.directives.models import Difficulty
    from marsad.reports.models import Conclusion

    return {
        "conclusions": list(Conclusion.objects.filter(area=area, period=period).order_by("pk")),
        "difficulties": list(Difficulty.objects.filter(area=area, period=period).order_by("pk")),
        "conclusion_url": reverse("reports:conclusion-add", args=[area.code, period]),
    }


def _back(request, fallback: str) -> str:
    back = request.POST.get("next", "")
    return back if back.startswith("/") and not back.startswith("//") else fallback


@login_required
def add_conclusion(request, code: str, period: str):
    """One of the chair's conclusions for the area and period, as written, in its language."""
    from marsad.accounts import scopes
    from marsad.areas.models import Area
    from marsad.reports.models import Conclusion

    if request.method != "POST":
        return redirect("reports:page", code, period)
    area = get_object_or_404(Area, code=code)
    if not scopes.can_capture(request.user, area):
        raise PermissionDenied(_("You may not write this area's report."))
    try:
        p = periods.parse(period)
    except periods.PeriodError as exc:
        raise Http404(exc.in_language(get_language())) from exc
    text = request.POST.get("text", "").strip()
    language = request.POST.get("language", "")
    if not text:
        messages.error(request, _("Write the conclusion's text."))
    elif len(text) > TEXT_MAX:
        messages.error(request, _("A text is at most %(n)s characters.") % {"n": TEXT_MAX})
    elif language not in LANGS:
        messages.error(request, _("Say which language the conclusion is written in."))
    else:
        Conclusion(area=area, period=p.code, text=text, language=language, created_by=request.user).save(
            changed_by=request.user, source="report page"
        )
        messages.success(request, _("Conclusion added."))
    return redirect(_back(request, reverse("reports:page", args=[area.code, p.code])))


@login_required
def set_cause(request, pk: int):
    """The cause the review names for a difficulty, in the difficulty's language (empty: none)."""
    from marsad.accounts import scopes
    from marsad.directives.models import Difficulty

    if request.method != "POST":
        return redirect("reports:index")
    item = get_object_or_404(Difficulty, pk=pk)
    if not scopes.can_capture(request.user, item.area):
        raise PermissionDenied(_("You may not write this area's report."))
    cause = request.POST.get("cause", "").strip()
    if len(cause) > TEXT_MAX:
        messages.error(request, _("A text is at most %(n)s characters.") % {"n": TEXT_MAX})
    else:
        item.cause = cause
        item.save(update_fields=["cause"], changed_by=request.user, source="report page")
        messages.success(request, _("Cause saved."))
    return redirect(_back(request, reverse("reports:page", args=[item.area.code, item.period])))
