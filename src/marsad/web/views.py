"""The frame's pages: home, area dashboard, indicator explorer, change log."""

from __future__ import annotations

import io

from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext as _

from marsad.accounts import scopes
from marsad.areas.models import Area
from marsad.audit.history import history_of
from marsad.audit.models import ChangeRecord
from marsad.core import measures
from marsad.core import periods as P
from marsad.indicators.models import Indicator
from marsad.observations.models import Observation

from . import charts
from .access import area_choices, home_area, viewable_area_or_403
from .changes import describe
from .formatting import number_text, reader_wants_eastern


def home(request):
    if request.user.is_authenticated:
        return redirect("web:dashboard")
    return redirect("accounts:login")


def _eastern(request) -> bool:
    profile = scopes.profile_of(request.user)
    return bool(profile and profile.eastern_digits)


def _formatter(request, decimals=None):
    lang, eastern = get_language(), _eastern(request)
    return lambda v: number_text(v, lang, eastern, decimals)


def _period_words(points):
    """(period code, value) points with the periods in the page's words, short (chart axes)."""
    lang = (get_language() or "ar")[:2]
    eastern = reader_wants_eastern()
    return [(P.words(code, lang, short=True, eastern_digits=eastern), value) for code, value in points]


def _period_or_none(code: str) -> P.Period | None:
    try:
        return P.parse(code.strip()) if code and code.strip() else None
    except P.PeriodError:
        return None


@login_required
def dashboard(request):
    """An area's dashboard. Its content (everything but the frame: menu, user, CSRF token,
    messages) is the same for every reader of one scope, language, digits and data version: it
    is kept as HTML (``dashboard.page_key``) and a warm view renders the frame around it."""
    from marsad.analytics.caching import cached

    from .dashboard import page_key, version_now

    version = version_now()  # read once: the page's key and every panel's under it
    variant = f"{get_language()}:{int(_eastern(request))}"
    key = page_key(request.user, request.GET, variant, version)
    page = cached(key, lambda: _dashboard_page(request, variant, version))
    return render(
        request,
        "web/dashboard.html",
        {"title": page["title"], "content_html": mark_safe(page["content"])},  # noqa: S308 - our own template's HTML
    )


def _dashboard_page(request, variant: str, version: str) -> dict[str, str]:
    """The dashboard's title and content HTML for this request's area, period and basis."""
    from .dashboard import build, latest_period

    code = request.GET.get("area", "")
    area = viewable_area_or_403(request.user, code) if code else home_area(request.user)
    context = {"area": area, "choices": area_choices(request.user, area), "basis": "current"}
    title = _("Dashboard") + (f" — {area}" if area else "")

    def page(**more) -> dict[str, str]:
        html = render_to_string("web/_dashboard_content.html", {**context, **more}, request)
        return {"title": title, "content": html}

    if area is None:
        return page(board=None)
    period = _period_or_none(request.GET.get("period", "")) or latest_period(area)
    if request.GET.get("period") and _period_or_none(request.GET["period"]) is None:
        context["period_error"] = P.error_message(request.GET["period"], get_language())
    if period is None:
        return page(board=None)
    basis = request.GET.get("basis") or "current"
    if basis not in ("current", "historical"):
        basis = "current"

    def fragments(board) -> dict[str, str]:
        shown = {**context, "board": board, "period": period, "basis": basis}
        return {
            "periods": render_to_string("web/_period_options.html", shown, request),
            "panels": _dashboard_panels(request, shown, board),
        }

    # The period list and the figure panels read as the same HTML by every reader of this area,
    # period and basis in one language and digits (whatever their scope): rendered (charts
    # included) once per data version, not per scope.
    board = build(area, period, request.user, basis, html=(variant, fragments), version=version)
    html = {f"{name}_html": mark_safe(text) for name, text in board.html.items()}  # noqa: S308 - our own templates' HTML
    return page(board=board, period=period, basis=basis, **html)


def _dashboard_panels(request, context: dict, board) -> str:
    """The dashboard's figure panels in HTML: cards, series, sectors, growth needed, lagging."""
    context = dict(context)
    rtl = get_language_bidi()
    fmt = _formatter(request, 1)
    if board.series:
        context["series_svg"] = charts.column_chart(
            _period_words(board.series),
            title=board.series_indicator.name(),
            fmt=_formatter(request, 0),
            rtl=rtl,
        )
    shares = [(s.indicator.name(), s.share_pct) for s in board.sectors if s.share_pct is not None]
    if shares:
        context["shares_svg"] = charts.bar_chart(
            shares, title=_("Share of %(parent)s") % {"parent": board.sector_parent.name()}, fmt=fmt, rtl=rtl
        )
    contributions = [
        (s.indicator.name(), s.contribution_pp) for s in board.sectors if s.contribution_pp is not None
    ]
    if contributions:
        context["contributions_svg"] = charts.bar_chart(
            contributions, title=_("Contribution to growth (percentage points)"), fmt=fmt, rtl=rtl
        )
    if board.lagging:
        context["lagging_svg"] = charts.bar_chart(
            [(row["area"].name(), row["value"]) for row in board.lagging],
            title=_("Lagging communes"),
            fmt=fmt,
            rtl=rtl,
        )
    return render_to_string("web/dashboard_panels.html", context, request)


# -- indicator explorer -------------------------------------------------------------------------
def _explorer_query(request):
    """The observations the explorer's filters select, within the user's viewable areas."""
    indicators = list(Indicator.objects.all())
    indicator = None
    code = request.GET.get("indicator") or ""
    if code:
        indicator = next((i for i in indicators if i.code == code), None)
        if indicator is None:
            raise Http404(_("Unknown indicator %(code)s.") % {"code": code})
    measure = request.GET.get("measure") or "level"
    if measure not in measures.MEASURES:
        measure = "level"
    area_code = request.GET.get("area") or ""
    area = viewable_area_or_403(request.user, area_code) if area_code else None
    with_communes = request.GET.get("communes") == "1"
    first = _period_or_none(request.GET.get("from", ""))
    last = _period_or_none(request.GET.get("to", ""))
    status = request.GET.get("status") or ""
    viewable = scopes.areas(request.user, scopes.VIEW)
    qs = Observation.objects.restrict(request.user)
    if indicator is not None:
        qs = qs.filter(indicator=indicator)
    qs = qs.filter(measure=measure)
    if area is not None:
        qs = qs.filter(area__in=Area.objects.subtree(area)) if with_communes else qs.filter(area=area)
    elif not with_communes and viewable.exclude(level=Area.Level.COMMUNE).exists():
        qs = qs.exclude(area__level=Area.Level.COMMUNE)  # provinces first; communes on request
    if status in measures.STATUSES:
        qs = qs.filter(status=status)
    if first or last:
        from marsad.observations.api import period_codes_between

        qs = qs.filter(period__in=period_codes_between(first, last))
    filters = {
        "indicator": indicator,
        "indicators": indicators,
        "measure": measure,
        "measures": measures.MEASURES,
        "statuses": measures.STATUSES,
        "status": status,
        "area": area,
        "communes": with_communes,
        "first": request.GET.get("from", ""),
        "last": request.GET.get("to", ""),
    }
    return qs, filters


def _period_sort_key(code: str):
    p = _period_or_none(code)
    return (p.end, p.length) if p else (None, 0)


def _basis(request) -> str:
    from marsad.analytics.service import BASES

    basis = request.GET.get("basis") or "current"
    return basis if basis in BASES else "current"


MAX_EXPLORER_ROWS = 200


def _explorer_areas(user, area: Area | None, with_communes: bool, basis: str) -> tuple[list[Area], bool]:
    """The rows of the explorer: the area chosen (else the user's top viewable areas) and, with
    communes, the areas right below it (a province's communes, the nation's provinces; on the
    historical basis a province's predecessors too). Second: whether communes were left out."""
    viewable = scopes.areas(user, scopes.VIEW)
    if area is not None:
        rows = [area]
    else:
        top = viewable.exclude(level=Area.Level.COMMUNE)
        if basis == "current":
            top = top.current()
        rows = sorted(top, key=lambda a: (a.level != Area.Level.NATION, a.code)) or list(
            viewable.order_by("code")[:MAX_EXPLORER_ROWS]
        )
    left_out = False
    if with_communes:
        below = []
        for parent in rows:
            if parent.level == Area.Level.NATION:
                below += list(Area.objects.provinces().current().order_by("code"))
            elif parent.level == Area.Level.PROVINCE:
                below += list(viewable.filter(parent=parent, level=Area.Level.COMMUNE).order_by("code"))
                if basis == "historical":
                    below += list(viewable.filter(successor=parent).order_by("code"))
        seen = {a.pk for a in rows}
        extra = [a for a in below if a.pk not in seen]
        left_out = len(rows) + len(extra) > MAX_EXPLORER_ROWS
        rows += extra[: max(0, MAX_EXPLORER_ROWS - len(rows))]
    return rows, left_out


def _explorer_years(indicator, first: P.Period | None, last: P.Period | None) -> list[int]:
    """The years to show: those of the range asked, else every year the indicator has data."""
    from marsad.web.dashboard import indicator_years

    years = indicator_years(indicator)
    if first is not None:
        years = [y for y in years if y >= first.year] or [first.year]
    if last is not None:
        years = [y for y in years if y <= last.year] or [last.year]
    return years


def _in_range(code: str, first: P.Period | None, last: P.Period | None) -> bool:
    p = _period_or_none(code)
    if p is None:
        return False
    return (first is None or p.start >= first.start) and (last is None or p.end <= last.end)


@login_required
def explorer(request):
    """The explorer: one indicator's figures for areas x periods, each the analytics service's
    (the dashboard's number for that area and period, with its provenance and flags)."""
    from marsad.analytics import service

    qs, filters = _explorer_query(request)
    basis = _basis(request)
    context = {**filters, "basis": basis, "choices": area_choices(request.user, filters["area"])}
    indicator = filters["indicator"]
    if indicator is None:
        return render(request, "web/explorer.html", context)
    first = _period_or_none(request.GET.get("from", ""))
    last = _period_or_none(request.GET.get("to", ""))
    areas, left_out = _explorer_areas(request.user, filters["area"], filters["communes"], basis)
    status = filters["status"]
    by_area = service.series(
        [a.code for a in areas],
        indicator.code,
        _explorer_years(indicator, first, last),
        measure=filters["measure"],
        basis=basis,
        plan=status == "plan",
    )
    shown = {}
    for a in areas:
        cells = {
            per: f
            for per, f in by_area[a.code].items()
            if _in_range(per, first, last) and (status in ("", "plan") or f.status == status)
        }
        if cells:
            shown[a] = cells
    period_codes = sorted(
        {per for cells in shown.values() for per in cells},
        key=lambda c: (_period_sort_key(c)[0] or P.year(1900).end, _period_sort_key(c)[1]),
    )
    table = [{"area": a, "cells": [cells.get(per) for per in period_codes]} for a, cells in shown.items()]
    count = sum(len(cells) for cells in shown.values())
    context.update(periods=period_codes, table=table, count=count, left_out=left_out)
    if table:
        first_row = table[0]
        points = [(per, f.value) for per, f in zip(period_codes, first_row["cells"], strict=True) if f]
        # One kind of span per chart (quarters, or years...): the kind most present.
        lengths = [_period_or_none(per).length for per, _ in points]
        if lengths:
            common = max(set(lengths), key=lengths.count)
            points = [pt for pt, n in zip(points, lengths, strict=True) if n == common]
        context["chart_area"] = first_row["area"]
        context["chart_svg"] = charts.column_chart(
            _period_words(points[-16:]),
            title=str(filters["indicator"]),
            fmt=_formatter(request),
            rtl=get_language_bidi(),
        )
    return render(request, "web/explorer.html", context)


@login_required
def explorer_download(request, fmt: str):
    from marsad.observations.transfer import export_rows, write_export

    if fmt not in ("csv", "xlsx"):
        raise Http404(fmt)
    qs, filters = _explorer_query(request)
    buffer = io.BytesIO()
    write_export(export_rows(qs), fmt, buffer)
    name = f"marsad-{filters['indicator'].code if filters['indicator'] else 'observations'}.{fmt}"
    types = {
        "csv": "text/csv; charset=utf-8",
        "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    }
    response = HttpResponse(buffer.getvalue(), content_type=types[fmt])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# -- change log ---------------------------------------------------------------------------------
@login_required
def changes(request):
    """The change log: every audited write (observations, targets, directives, documents and
    decisions, profiles, roles, scopes, tokens) the user may see; an administrator sees all."""
    qs = ChangeRecord.objects.select_related("user", "content_type")
    if not scopes.is_admin(request.user):
        qs = qs.filter(_visible_changes(request.user))
    page = Paginator(qs, 50).get_page(request.GET.get("page"))
    lang, eastern = get_language(), reader_wants_eastern()
    obs_ct = ContentType.objects.get_for_model(Observation)
    live = Observation.objects.filter(
        pk__in=[c.object_id for c in page if c.content_type_id == obs_ct.pk]
    ).select_related("area", "indicator")
    by_id = {o.pk: o for o in live}
    for change in page:
        change.obs = by_id.get(change.object_id) if change.content_type_id == obs_ct.pk else None
        model = change.content_type.model_class()
        change.kind = model._meta.verbose_name if model is not None else change.content_type.model
        if change.obs is None:
            change.what = describe(change, lang, eastern)
    return render(request, "web/changes.html", {"page": page})


def _visible_changes(user):
    """The change records of the rows ``user`` may read (each scoped model's restrict()), and of
    their own account, profile and tokens."""
    from django.apps import apps
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    from marsad.accounts.models import ApiToken, Profile

    q = Q(pk__in=[])
    for model in apps.get_models():
        if hasattr(model._default_manager, "restrict") and model is not Area:
            ct = ContentType.objects.get_for_model(model)
            q |= Q(content_type=ct, object_id__in=model._default_manager.restrict(user).values("pk"))
    own_profile = Profile.objects.filter(user=user).values("pk")
    q |= Q(content_type=ContentType.objects.get_for_model(Profile), object_id__in=own_profile)
    q |= Q(content_type=ContentType.objects.get_for_model(get_user_model()), object_id=user.pk)
    q |= Q(content_type=ContentType.objects.get_for_model(ApiToken), before__user=user.pk)
    q |= Q(content_type=ContentType.objects.get_for_model(ApiToken), after__user=user.pk)
    q |= Q(action=ChangeRecord.Action.IMPORT, user=user)  # their own imports (the rows are theirs)
    return q


@login_required
def observation_changes(request, pk: int):
    obs = get_object_or_404(
        Observation.objects.select_related("area", "indicator", "document", "entered_by"), pk=pk
    )
    scopes.require(request.user, obs, scopes.VIEW)
    return render(request, "web/observation_changes.html", {"obs": obs, "history": history_of(obs)})
