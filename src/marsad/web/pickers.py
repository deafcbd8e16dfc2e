"""Pickers for list pages: areas by name inside the user's scope, periods, and applied filters.

An area picker offers the provinces the user may see (current units only unless the page is
asked for history) and, once a province is chosen, its communes by name — never a free-text
code box. A period picker offers the years and their quarters, halves and year-to-date spans.
``applied`` lists the filters in force so a page can show them (and a way to clear each), so a
placeholder is never mistaken for a filter.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlencode

from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext as _

from marsad.accounts import scopes
from marsad.areas.models import Area
from marsad.core import periods


@dataclass
class AreaPicker:
    provinces: list[Area]
    communes: list[Area]
    province: Area | None
    commune: Area | None
    history: bool

    @property
    def area(self) -> Area | None:
        return self.commune or self.province


def _pick(qs, code: str | None, user=None) -> Area | None:
    """The area asked for by code among those offered; an area outside them is refused (404
    when it does not exist, 403 when it is outside the user's scope), never silently replaced."""
    if not code:
        return None
    area = qs.filter(code=code.strip().upper()).first()
    if area is None and user is not None:
        from marsad.web.access import viewable_area_or_403

        viewable_area_or_403(user, code)  # raises for an unknown or out-of-scope area
    return area


def area_picker(request, areas=None, *, communes: bool = True, default_first: bool = True) -> AreaPicker:
    """Read ``province``, ``commune`` and ``history`` from the query; only areas in ``areas``
    (default: those the user may view) can be chosen, by name."""
    scope = areas if areas is not None else scopes.viewable_areas(request.user)
    history = request.GET.get("history") == "1"
    provinces = scope.filter(level=Area.Level.PROVINCE)
    if not history:
        provinces = provinces.current()
    province_list = sorted(provinces, key=lambda a: a.name())
    # Officers whose scope is one commune see their province only through that commune.
    own_communes = list(scope.filter(level=Area.Level.COMMUNE).current()[:2])
    province = _pick(provinces, request.GET.get("province"), request.user)
    commune_qs = Area.objects.none()
    if province is None and not province_list and own_communes:
        commune_qs = scope.filter(level=Area.Level.COMMUNE)
    if province is None and default_first and province_list and "province" not in request.GET:
        province = _home_province(request.user, province_list)
    if province is not None and communes:
        commune_qs = (
            scope.filter(level=Area.Level.COMMUNE).filter(parent=province)
            if history
            else scope.filter(level=Area.Level.COMMUNE, parent=province).current()
        )
    commune_list = sorted(commune_qs, key=lambda a: a.name()) if communes else []
    commune = _pick(commune_qs, request.GET.get("commune"), request.user) if communes else None
    if commune is None and not province_list and len(commune_list) == 1:
        commune = commune_list[0]
    return AreaPicker(province_list, commune_list, province, commune, history)


def _home_province(user, offered: list[Area]) -> Area:
    """The province a user works in (their unit's, their first area's), else the first offered."""
    profile = scopes.profile_of(user)
    candidates = []
    if profile is not None:
        if profile.organisation_id:
            candidates.append(profile.organisation.area)
        candidates += list(profile.capture_areas.all()[:3]) + list(profile.view_areas.all()[:3])
    for area in candidates:
        home = area.province() if area.level != Area.Level.NATION else None
        if home is not None and home in offered:
            return home
    return offered[0]


def period_choices(today: date | None = None, *, years_back: int = 2, years_ahead: int = 1) -> list[str]:
    """Years, then for each its halves, quarters and 9 months, most recent first."""
    today = today or date.today()
    out = []
    for y in range(today.year + years_ahead, today.year - years_back - 1, -1):
        out += [str(y), f"{y}Q4", f"{y}-9M", f"{y}Q3", f"{y}S1", f"{y}Q2", f"{y}Q1"]
    return out


def period_label(code: str) -> str:
    """The period as the reader of the page writes it ("Q2 2025", "quý II/2025", ...)."""
    from django.utils.translation import get_language

    try:
        return periods.words(code, (get_language() or "ar")[:2])
    except periods.PeriodError:
        return code


def clean_period(text: str | None) -> str:
    if not text:
        return ""
    try:
        return periods.parse(text.strip()).code
    except periods.PeriodError:
        return ""


@dataclass
class Applied:
    """The filters in force on a list page, each with the query that clears it."""

    items: list[tuple[str, str, str]] = field(default_factory=list)  # (label, value, url without it)

    def add(self, request, label: str, value: str, *params: str) -> None:
        query = {k: v for k, v in request.GET.items() if k not in params and k != "page" and v}
        self.items.append((label, value, "?" + urlencode(query)))

    def __bool__(self) -> bool:
        return bool(self.items)


def query_without(request, *params: str) -> str:
    """The current query string without ``params`` and the page (for paging and sorting links)."""
    query = {k: v for k, v in request.GET.items() if k not in params and k != "page" and v}
    return urlencode(query)


def applied_area(applied: Applied, request, picker: AreaPicker) -> None:
    if picker.commune is not None:
        applied.add(request, _("commune"), picker.commune.name(), "commune")
    if picker.province is not None and "province" in request.GET:
        applied.add(request, _("province"), picker.province.name(), "province", "commune")


def period_examples(lang: str | None = None) -> str:
    """A few ways to write a period in the reader's language ("quý III/2025, 9 tháng đầu năm
    2025, năm 2025, 2025Q3"), each isolated, for help texts and errors."""
    from django.utils.translation import get_language

    from marsad.core.languages import isolate

    lang = (lang or get_language() or "ar")[:2]
    separator = "، " if lang == "ar" else ", "
    return separator.join(isolate(e) for e in periods.examples(lang))


def period_error(text: str, lang: str | None = None) -> str:
    """The one message for text that is not a period (core periods' error_message), in the
    reader's language."""
    from django.utils.translation import get_language

    return periods.error_message(text, lang or get_language())


class PeriodField(forms.CharField):
    """A period typed in the reader's words or as a code ("quý III/2025", «الربع الثالث 2025»,
    "Q3 2025", "9M 2025", "2025Q3"); cleaned to its code, the one the database keeps."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 80)
        super().__init__(*args, **kwargs)
        if not self.help_text:
            self.help_text = lazy(lambda: period_examples(), str)()

    def to_python(self, value):
        text = super().to_python(value)
        if text in self.empty_values:
            return ""
        try:
            return periods.parse(text).code
        except periods.PeriodError:
            raise forms.ValidationError(period_error(text), code="invalid_period") from None

    def prepare_value(self, value):
        """A stored code is shown in words; what the person typed is shown as typed."""
        if (
            value
            and isinstance(value, str)
            and periods.is_valid(value)
            and value == periods.parse(value).code
        ):
            from django.utils.translation import get_language

            return periods.words(value, (get_language() or "ar")[:2])
        return value
