"""The report page (the report in the app, in any of the three languages) and its downloads."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from marsad.core import periods
from marsad.core.narration import LANGS
from marsad.reports.labels import LANG_NAMES, label

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
        except periods.PeriodError as exc:
            error = label("bad_period", ui).format(error=exc)
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


def _data(request, code: str, period: str):
    from marsad.reports.data import report_data_for
    from marsad.web.access import viewable_area_or_403

    area = viewable_area_or_403(request.user, code)
    try:
        p = periods.parse(period)
    except periods.PeriodError as exc:
        raise Http404(str(exc)) from exc
    return area, report_data_for(area, p)


@login_required
def page(request, code: str, period: str):
    from marsad.reports.render.html import render_fragment, report_css
    from marsad.reports.render.layout import build_layout

    lang = _lang(request)
    area, data = _data(request, code, period)
    layout = build_layout(data, lang, eastern_digits=_eastern(request))
    ui = (get_language() or "en")[:2]
    downloads = [
        (fmt.upper(), reverse("reports:download", args=[area.code, data.period, fmt]) + f"?lang={lang}")
        for fmt in FORMAT_SUFFIX
    ]
    other_langs = [
        (LANG_NAMES[code_], reverse("reports:page", args=[area.code, data.period]) + f"?lang={code_}")
        for code_ in LANGS
        if code_ != lang
    ]
    context = {
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
