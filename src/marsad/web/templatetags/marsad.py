"""Template helpers for the frame: the main menu, the user's role, numbers per locale."""

from __future__ import annotations

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from marsad.web.formatting import number_text, percent_text

register = template.Library()


def _menu(user) -> list[tuple[str, str]]:
    """(url name, label) of the pages this user may open; pages not installed yet are skipped."""
    from marsad.accounts.scopes import is_admin, profile_of

    profile = profile_of(user)
    role = profile.role if profile else None
    items = [
        ("web:dashboard", _("Dashboard")),
        ("web:explorer", _("Indicator explorer")),
    ]
    if is_admin(user) or role in {"planner", "department", "commune"}:
        items += [("observations:entry", _("Data entry")), ("observations:import", _("Import"))]
    items += [
        ("documents:list", _("Documents")),
        ("targets:list", _("Targets")),
        ("directives:board", _("Directives")),
        ("directives:recommendations", _("Recommendations")),
        ("reports:index", _("Reports")),
        ("web:changes", _("Change log")),
    ]
    if is_admin(user) and user.is_staff:
        items.append(("admin:index", _("Administration")))
    return items


@register.simple_tag
def main_menu(request):
    current = request.path
    links = []
    for name, label in _menu(request.user):
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        active = url == current or (url != "/" and current.startswith(url))
        links.append((url, " active" if active else "", label))
    items = format_html_join("", '<li><a class="nav-link{1}" href="{0}">{2}</a></li>', links)
    return format_html("<ul>{}</ul>", items)


@register.simple_tag
def user_role(user):
    from marsad.accounts.scopes import is_admin, profile_of

    profile = profile_of(user)
    if profile is not None:
        return profile.get_role_display()
    return _("administrator") if is_admin(user) else _("viewer")


def _eastern(context) -> bool:
    request = context.get("request")
    user = getattr(request, "user", None)
    profile = getattr(user, "profile", None) if getattr(user, "is_authenticated", False) else None
    return bool(profile and profile.eastern_digits)


@register.simple_tag(takes_context=True)
def num(context, value, decimals=None):
    """A number as the current language writes it (Eastern digits if the user asked)."""
    return number_text(value, get_language(), _eastern(context), decimals)


@register.simple_tag(takes_context=True)
def pct(context, value, decimals=1):
    return percent_text(value, get_language(), _eastern(context), decimals)


@register.filter(is_safe=True)
def bdi(value, direction=""):
    """``value`` isolated from the text around it, so right-to-left text cannot reorder it.

    The one way pages isolate a token: ``{{ name|bdi }}`` takes the direction of the name's
    first letter (Latin or Arabic names); ``{{ code|bdi:"ltr" }}`` for what is always written
    left to right (codes, periods as codes, file names, numbers with units). Plain text (CLI,
    e-mail, DOCX) uses marsad.core.languages.isolate instead.
    """
    if value is None or value == "":
        return ""
    if direction not in ("", "ltr", "rtl"):
        raise template.TemplateSyntaxError(f'bdi takes "ltr", "rtl" or nothing, not {direction!r}')
    if direction:
        return format_html('<bdi dir="{}">{}</bdi>', direction, value)
    return format_html("<bdi>{}</bdi>", value)


@register.filter
def period(code, style="long"):
    """A period code in words in the page's language ("2025Q2" -> "Q2 2025", "quý II/2025")."""
    from marsad.core.periods import PeriodError, words

    if not code:
        return ""
    try:
        return words(code, (get_language() or "ar")[:2], short=style == "short")
    except PeriodError:
        return code


@register.filter
def get_item(mapping, key):
    try:
        return mapping.get(key)
    except AttributeError:
        return None


# Words of the fixed vocabularies and the catalogue's units, shown in the page's language.
def _labels() -> dict[str, str]:
    return {
        # statuses
        "plan": _("plan"),
        "estimate": _("estimate"),
        "preliminary": _("preliminary"),
        "official": _("official"),
        # measures
        "level": _("level"),
        "yoy_pct": _("growth on the same period last year (%)"),
        "plan_pct": _("share of the year's plan (%)"),
        "share_pct": _("share (%)"),
        "contribution_pp": _("contribution to growth (pp)"),
        # qualifiers
        "exact": _("exact"),
        "more_than": _("more than"),
        "less_than": _("less than"),
        "about": _("about"),
        "at_least": _("at least"),
        # units
        "billion VND": _("billion VND"),
        "million USD": _("million USD"),
        "index": _("index"),
        "enterprises": _("enterprises"),
        "visitors": _("visitors"),
        "pp": _("pp"),
    }


@register.filter
def label(word):
    """A status, measure, qualifier or unit in the page's language (unknown words unchanged)."""
    if word is None:
        return ""
    return _labels().get(str(word), word)


_EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


@register.simple_tag(takes_context=True)
def day(context, value, style="long"):
    """A date (or the local date of a datetime) as the page's language writes it (Babel)."""
    import datetime

    from babel.dates import format_date
    from django.utils import timezone

    if not value:
        return "—"
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    text = format_date(value, style, locale=(get_language() or "ar")[:2])
    return text.translate(_EASTERN) if _eastern(context) and (get_language() or "")[:2] == "ar" else text


@register.simple_tag(takes_context=True)
def moment(context, value):
    """A date and time in the page's language (local time zone)."""
    from babel.dates import format_datetime
    from django.utils import timezone

    if not value:
        return "—"
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    text = format_datetime(value, "medium", locale=(get_language() or "ar")[:2])
    return text.translate(_EASTERN) if _eastern(context) and (get_language() or "")[:2] == "ar" else text
